package dev.nectar.knowledge;

import dev.nectar.TestShop;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.http.entity.mime.HttpMultipartMode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The knowledge endpoints as a client uses them: multipart uploads with UTF-8 file names, polling until READY. */
public final class KnowledgeApi {
    /** Browser-style multipart so a Chinese file name travels as UTF-8, as it does from a real back office. */
    private static final RestAssuredConfig MULTIPART = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8));

    private KnowledgeApi() {
    }

    public static Response upload(TestShop shop, String fileName, byte[] content, String title) {
        RequestSpecification request = given().config(MULTIPART).header("Authorization", shop.auth())
                .multiPart(new MultiPartSpecBuilder(content).controlName("file").fileName(fileName)
                        .mimeType("application/octet-stream").build());
        if (title != null) {
            request.multiPart(new MultiPartSpecBuilder(title).controlName("title").charset(StandardCharsets.UTF_8).build());
        }
        return request.post("/api/merchants/" + shop.merchantId() + "/knowledge");
    }

    public static Response upload(TestShop shop, String fileName, String content) {
        return upload(shop, fileName, content.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Uploads and waits until the document is READY; returns its docId. */
    public static String uploadReady(TestShop shop, String fileName, byte[] content) {
        String docId = upload(shop, fileName, content, null).then().statusCode(201).extract().path("docId");
        awaitStatus(shop, docId, "READY");
        return docId;
    }

    public static String uploadReady(TestShop shop, String fileName, String content) {
        return uploadReady(shop, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, Object> awaitStatus(TestShop shop, String docId, String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(document(shop, docId).get("status")) || "FAILED".equals(document(shop, docId).get("status")));
        Map<String, Object> doc = document(shop, docId);
        if (!status.equals(doc.get("status"))) {
            throw new AssertionError("document " + docId + " is " + doc.get("status") + " (" + doc.get("reason") + "), expected " + status);
        }
        return doc;
    }

    public static Map<String, Object> document(TestShop shop, String docId) {
        return given().header("Authorization", shop.auth()).get("/api/merchants/" + shop.merchantId() + "/knowledge/" + docId)
                .then().statusCode(200).extract().as(Map.class);
    }

    public static List<Map<String, Object>> search(TestShop shop, String query, int k) {
        return given().header("Authorization", shop.auth()).contentType(ContentType.JSON)
                .body(Map.of("query", query, "k", k))
                .post("/api/merchants/" + shop.merchantId() + "/knowledge/search")
                .then().statusCode(200).extract().path("hits");
    }
}
