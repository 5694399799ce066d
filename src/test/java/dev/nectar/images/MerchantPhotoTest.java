package dev.nectar.images;

import dev.nectar.TestShop;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The merchant reads the photo a buyer sent (for the console's review of evidence); nobody else does. */
@QuarkusTest
class MerchantPhotoTest {

    @Test
    void theMerchantGetsTheBuyersPhotoBackByteForByteInItsOwnFormat() {
        TestShop shop = TestShop.create();
        byte[] png = TestImages.encode(TestImages.scene(301, 200, 150), "png");
        String imageId = ImageResourceTest.upload(shop.buyerToken("buyer-p"), "shelf.jpg", png).statusCode(201).extract().path("imageId");

        byte[] body = given().header("Authorization", shop.auth()).get("/api/merchants/" + shop.merchantId() + "/images/" + imageId)
                .then().statusCode(200)
                .header("Content-Type", equalTo("image/png"))
                .header("Cache-Control", containsString("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract().asByteArray();

        assertThat(body).isEqualTo(png);
    }

    @Test
    void anotherMerchantsKeyAnUnknownIdAndNoKeyAreRefused() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        String imageId = ImageResourceTest.upload(shop.buyerToken("buyer-p"), "a.jpg", TestImages.cameraJpeg(302, "2026:05:01 10:00:00"))
                .statusCode(201).extract().path("imageId");
        String path = "/api/merchants/" + shop.merchantId() + "/images/" + imageId;

        given().get(path).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", other.auth()).get(path).then().statusCode(403);
        // the other merchant's own path does not reach this merchant's photo either
        given().header("Authorization", other.auth()).get("/api/merchants/" + other.merchantId() + "/images/" + imageId)
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().header("Authorization", shop.auth()).get("/api/merchants/" + shop.merchantId() + "/images/img_unknown")
                .then().statusCode(404).header("Content-Type", startsWith("application/json"));
        // a buyer token is no merchant key
        given().header("Authorization", "Bearer " + shop.buyerToken("buyer-p")).get(path).then().statusCode(401);
    }
}
