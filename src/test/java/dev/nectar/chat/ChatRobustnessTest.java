package dev.nectar.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a buyer can throw at /ws/chat without closing the socket: photos without words, broken text, frames up to
 * 1 MB. Beyond 1 MB the socket is closed with 1009. Real sockets against the started server.
 */
@QuarkusTest
class ChatRobustnessTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void aPhotoWithEmptyBlankOrEmojiOnlyTextIsAnswered() throws Exception {
        TestShop shop = TestShop.create();
        String token = shop.buyerToken("photo-buyer");
        String imageId = upload(token, photo(7));
        try (WsClient ws = WsClient.connect(base, "/ws/chat", token)) {
            ws.next("session");
            List<String> texts = List.of("", " ", "😀", "\u3000\n", "👍🏻👍🏻");
            for (int i = 0; i < texts.size(); i++) {
                String id = "p" + i;
                ws.send(Map.of("type", "message", "id", id, "text", texts.get(i), "images", List.of(imageId)));
                JsonNode answer = ws.next(f -> id.equals(f.path("replyTo").asText()));
                assertThat(answer.path("type").asText()).as("answer to %s", texts.get(i)).isEqualTo("reply");
                assertThat(answer.path("text").asText()).isNotBlank();
            }
            ws.send(Map.of("type", "message", "id", "nt", "images", List.of(imageId)));
            assertThat(ws.next(f -> "nt".equals(f.path("replyTo").asText())).path("type").asText()).isEqualTo("reply");
            assertThat(ws.isClosed(100)).isFalse();
        }
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreAnsweredNotFatal() throws Exception {
        TestShop shop = TestShop.create();
        // written raw: a JSON escape is the only way a lone surrogate crosses the wire
        String[] texts = {"\\u0000\\u0001\\u001b[31m", "\\ud800", "\\udfff好", "\\u200b\\u200b", "\\u0007", "😀", "\\u202e订单"};
        for (int i = 0; i < texts.length; i++) {
            String token = shop.buyerToken("odd-text-" + i);
            try (WsClient ws = WsClient.connect(base, "/ws/chat", token)) {
                ws.next("session");
                ws.sendRaw("{\"type\":\"message\",\"id\":\"o\",\"text\":\"" + texts[i] + "\"}");
                JsonNode answer = ws.next(f -> "o".equals(f.path("replyTo").asText()));
                assertThat(answer.path("type").asText()).as("answer to %s", texts[i]).isIn("reply", "handoff", "error");
                assertThat(answer.path("code").asText()).isNotEqualTo("INTERNAL_ERROR");
                String imageId = upload(token, photo(i));
                ws.sendRaw("{\"type\":\"message\",\"id\":\"oi\",\"text\":\"" + texts[i] + "\",\"images\":[\"" + imageId + "\"]}");
                assertThat(ws.next(f -> "oi".equals(f.path("replyTo").asText())).path("type").asText()).isIn("reply", "handoff");
                assertThat(ws.isClosed(100)).isFalse();
            }
        }
    }

    @Test
    void framesUpToOneMegabyteGetAnErrorAndTheSocketStaysOpen() throws Exception {
        TestShop shop = TestShop.create();
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("big-frames"))) {
            ws.next("session");
            ws.send(Map.of("type", "message", "id", "sixty", "text", "好".repeat(60_000)));
            JsonNode sixty = ws.next(f -> "sixty".equals(f.path("replyTo").asText()));
            assertThat(sixty.path("type").asText()).isEqualTo("error");
            assertThat(sixty.path("code").asText()).isIn("TOO_LONG", "FRAME_TOO_LARGE");
            // 1 MB of UTF-8 exactly, with a huge field beside a short text
            String head = "{\"type\":\"message\",\"id\":\"mb\",\"text\":\"你好\",\"pad\":\"";
            String tail = "\"}";
            ws.sendRaw(head + "x".repeat(ChatSocket.MAX_FRAME_BYTES - head.getBytes(StandardCharsets.UTF_8).length - tail.length()) + tail);
            JsonNode mb = ws.next(f -> "mb".equals(f.path("replyTo").asText()));
            assertThat(mb.path("code").asText()).isEqualTo("FRAME_TOO_LARGE");
            ws.sendRaw("x".repeat(ChatSocket.MAX_FRAME_BYTES));
            assertThat(ws.next("error").path("code").asText()).isIn("FRAME_TOO_LARGE", "MALFORMED_FRAME");
            ws.send(Map.of("type", "message", "id", "ok", "text", "你好"));
            assertThat(ws.next(f -> "ok".equals(f.path("replyTo").asText())).path("type").asText()).isEqualTo("reply");
            assertThat(ws.isClosed(100)).isFalse();
        }
    }

    @Test
    void aFrameOverOneMegabyteClosesWith1009AndAReason() throws Exception {
        TestShop shop = TestShop.create();
        try (WsClient ws = WsClient.connect(base, "/ws/chat", shop.buyerToken("huge-frame"))) {
            ws.next("session");
            ws.sendRaw("x".repeat(ChatSocket.MAX_FRAME_BYTES + 1));
            assertThat(ws.closeCode(10_000)).isEqualTo(1009);
            assertThat(ws.closeReason()).isNotBlank();
        }
    }

    @Test
    void chunkedAndOversizeBodiesGetTheContract413() throws Exception {
        TestShop shop = TestShop.create();
        String auth = shop.auth();
        byte[] elevenMb = ("[" + "\"x\",".repeat(11 * 1024 * 1024 / 4) + "\"x\"]").getBytes();
        given().header("Authorization", auth).contentType("application/json").body(elevenMb)
                .put("/api/merchants/" + shop.merchantId() + "/catalog")
                .then().statusCode(413).body("error.code", org.hamcrest.Matchers.equalTo("TOO_LARGE"));
        for (int megabytes : List.of(11, 40)) {
            String response = chunkedPut("/api/merchants/" + shop.merchantId() + "/catalog", auth, megabytes * 1024 * 1024);
            assertThat(response).startsWith("HTTP/1.1 413").contains("\"code\":\"TOO_LARGE\"");
        }
        assertThat(chunkedPut("/api/merchants/" + shop.merchantId() + "/catalog", auth, 0)).startsWith("HTTP/1.1 200");
    }

    /** A PUT whose body of {@code bytes} spaces before {@code []} is sent chunked, without Content-Length. */
    private String chunkedPut(String path, String auth, int bytes) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("2\r\n[]\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException e) {
                // the server may answer and close before the whole body is sent
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String upload(String token, byte[] jpeg) {
        return given().header("Authorization", "Bearer " + token).multiPart("file", "photo.jpg", jpeg, "image/jpeg")
                .post("/api/chat/images").then().statusCode(201).extract().path("imageId");
    }

    static byte[] photo(int seed) throws Exception {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillOval(r.nextInt(320), r.nextInt(240), 20 + r.nextInt(80), 20 + r.nextInt(80));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
