package dev.nectar.images;

import com.sun.net.httpserver.HttpServer;
import dev.nectar.TestShop;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.nectar.images.ImageResourceTest.upload;
import static dev.nectar.images.ImageResourceTest.verification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The external detector against a stub HTTP server started here: answers, failures and timeouts. */
@QuarkusTest
@TestProfile(HttpAiDetectorTest.StubDetectorProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpAiDetectorTest {
    /** What the stub does next: a JSON body to answer with, "fail" for HTTP 500, "slow" to stall past the timeout. */
    static final AtomicReference<String> BEHAVIOUR = new AtomicReference<>("{\"score\":0.1}");
    static final AtomicInteger CALLS = new AtomicInteger();
    static final AtomicReference<String> LAST_AUTH = new AtomicReference<>();
    static final AtomicReference<String> LAST_TYPE = new AtomicReference<>();
    static final AtomicInteger LAST_LENGTH = new AtomicInteger();
    private static HttpServer server;

    public static class StubDetectorProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nectar.images.detector.url", "http://127.0.0.1:" + start() + "/detect",
                    "nectar.images.detector.api-key", "stub-key",
                    "nectar.images.detector.timeout", "PT0.5S");
        }
    }

    static synchronized int start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/detect", exchange -> {
                CALLS.incrementAndGet();
                LAST_AUTH.set(exchange.getRequestHeaders().getFirst("Authorization"));
                LAST_TYPE.set(exchange.getRequestHeaders().getFirst("Content-Type"));
                LAST_LENGTH.set(exchange.getRequestBody().readAllBytes().length);
                String behaviour = BEHAVIOUR.get();
                if (behaviour.equals("slow")) {
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = (behaviour.startsWith("{") ? behaviour : "{\"error\":\"down\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(behaviour.startsWith("{") ? 200 : 500, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }
        return server.getAddress().getPort();
    }

    @Test
    @Order(1)
    void aConfidentDetectorMakesThePhotoFake() {
        TestShop shop = TestShop.create();
        BEHAVIOUR.set("{\"score\":0.99,\"label\":\"diffusion\"}");
        byte[] photo = TestImages.cameraJpeg(301, "2026:06:01 10:00:00");
        String imageId = upload(shop.buyerToken("b1"), "a.jpg", photo).statusCode(201).extract().path("imageId");
        verification(shop, imageId).body("verdict", equalTo("FAKE"))
                .body("signals[0].name", equalTo("external_detector"))
                .body("signals[0].weight", equalTo(0.99f))
                .body("signals[0].detail", startsWith("external detector: 0.99"));
        assertThat(LAST_AUTH.get()).isEqualTo("Bearer stub-key");
        assertThat(LAST_TYPE.get()).isEqualTo("image/jpeg");
        assertThat(LAST_LENGTH.get()).isEqualTo(photo.length);
    }

    @Test
    @Order(2)
    void aMiddlingScoreAddsItsWeight() {
        TestShop shop = TestShop.create();
        BEHAVIOUR.set("{\"score\":0.6}");
        String imageId = upload(shop.buyerToken("b1"), "a.jpg", TestImages.cameraJpeg(302, "2026:06:01 10:00:00"))
                .statusCode(201).extract().path("imageId");
        verification(shop, imageId).body("verdict", equalTo("SUSPICIOUS")).body("score", equalTo(0.6f));

        BEHAVIOUR.set("{\"score\":0.05}");
        String clean = upload(shop.buyerToken("b1"), "b.jpg", TestImages.cameraJpeg(303, "2026:06:01 10:00:00"))
                .statusCode(201).extract().path("imageId");
        verification(shop, clean).body("verdict", equalTo("AUTHENTIC"));
    }

    @Test
    @Order(3)
    void aFailingDetectorLeavesVerificationAnswering() {
        TestShop shop = TestShop.create();
        BEHAVIOUR.set("fail");
        int before = CALLS.get();
        String imageId = upload(shop.buyerToken("b1"), "a.jpg", TestImages.cameraJpeg(304, "2026:06:01 10:00:00"))
                .statusCode(201).extract().path("imageId");
        assertThat(CALLS.get() - before).as("one call and one retry").isEqualTo(2);
        verification(shop, imageId).body("verdict", equalTo("AUTHENTIC"))
                .body("signals.detail", hasItem("the external detector was unavailable and not consulted"));
        // the AI marker of the image itself still decides, detector or not
        byte[] generated = TestImages.withPngChunk(TestImages.encode(TestImages.scene(305, 200, 200), "png"), "tEXt",
                TestImages.tEXt("parameters", "a dented kettle, Steps: 20"));
        String fake = upload(shop.buyerToken("b1"), "b.png", generated).statusCode(201).extract().path("imageId");
        verification(shop, fake).body("verdict", equalTo("FAKE"));
    }

    @Test
    @Order(4)
    void aStalledDetectorTimesOutAndTheCircuitOpens() {
        TestShop shop = TestShop.create();
        BEHAVIOUR.set("slow");
        for (int i = 0; i < 3; i++) {
            upload(shop.buyerToken("b1"), "a.jpg", TestImages.cameraJpeg(306 + i, "2026:06:01 10:00:00")).statusCode(201);
        }
        // after repeated failures the breaker is open: the stub is no longer called at all
        BEHAVIOUR.set("{\"score\":0.99}");
        int before = CALLS.get();
        String imageId = upload(shop.buyerToken("b1"), "z.jpg", TestImages.cameraJpeg(310, "2026:06:01 10:00:00"))
                .statusCode(201).extract().path("imageId");
        assertThat(CALLS.get()).isEqualTo(before);
        verification(shop, imageId).body("verdict", equalTo("AUTHENTIC"));
    }
}
