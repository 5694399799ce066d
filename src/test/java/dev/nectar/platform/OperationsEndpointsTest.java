package dev.nectar.platform;

import dev.nectar.TestShop;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What operators rely on: health, the API description, its UI and metrics; unknown paths in the error format. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesTheMerchantApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/admin/merchants"))
                .body(containsString("/api/merchants/{m}/catalog"))
                .body(containsString("/api/merchants/{m}/policy"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void prometheusMetricsAreServed() {
        TestShop.create(); // one API request to count (requests to /q/ are not)

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void anUnknownApiPathIsA404InTheErrorFormat() {
        given().get("/api/no-such-thing").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }
}
