package dev.nectar.images;

import dev.nectar.TestShop;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.platform.ApiException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.nectar.images.TestImages.scene;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The image API end to end: upload, sniffing and limits, the merchant's verdict, and claims with order context. */
@QuarkusTest
class ImageResourceTest {

    @Inject
    EvidenceVerifier verifier;

    @Test
    void aCameraPhotoUploadsAndVerifiesAuthentic() {
        TestShop shop = TestShop.create();
        String token = shop.buyerToken("buyer-1");
        String imageId = upload(token, "IMG_0001.jpg", TestImages.cameraJpeg(101, "2026:05:01 10:00:00"))
                .statusCode(201)
                .body("format", equalTo("jpeg"))
                .body("width", equalTo(640))
                .body("height", equalTo(480))
                .body("imageId", startsWith("img_"))
                .extract().path("imageId");
        verification(shop, imageId).statusCode(200)
                .body("imageId", equalTo(imageId))
                .body("verdict", equalTo("AUTHENTIC"))
                .body("score", equalTo(0.0f))
                .body("signals.size()", equalTo(0));
    }

    @Test
    void aGeneratedPngIsFakeWithItsReason() {
        TestShop shop = TestShop.create();
        byte[] png = TestImages.withPngChunk(TestImages.encode(scene(102, 320, 240), "png"), "tEXt",
                TestImages.tEXt("parameters", "photo of a torn parcel, Steps: 25, Seed: 7"));
        String imageId = upload(shop.buyerToken("buyer-1"), "damage.jpg", png).statusCode(201)
                .body("format", equalTo("png")).extract().path("imageId");
        verification(shop, imageId).statusCode(200)
                .body("verdict", equalTo("FAKE"))
                .body("signals.name", hasItem("ai_generator_metadata"))
                .body("signals[0].detail", startsWith("PNG text chunk"));
    }

    @Test
    void anEditedPhotoIsSuspicious() {
        TestShop shop = TestShop.create();
        byte[] edited = TestImages.withExif(TestImages.jpeg(scene(103, 400, 300), 0.9f),
                Map.of(TestImages.MAKE, "OPPO", TestImages.MODEL, "Find X7", TestImages.SOFTWARE, "美图秀秀",
                        TestImages.DATE_TIME, "2026:05:02 22:00:00"),
                Map.of(TestImages.DATE_TIME_ORIGINAL, "2026:05:02 09:00:00"));
        String imageId = upload(shop.buyerToken("buyer-1"), "a.jpg", edited).statusCode(201).extract().path("imageId");
        verification(shop, imageId).body("verdict", equalTo("SUSPICIOUS")).body("signals.name", hasItem("editing_software"));
    }

    @Test
    void otherFormatsAreAccepted() {
        TestShop shop = TestShop.create();
        String token = shop.buyerToken("buyer-1");
        upload(token, "x.gif", TestImages.encode(scene(104, 90, 60), "gif")).statusCode(201)
                .body("format", equalTo("gif")).body("width", equalTo(90));
        upload(token, "x.webp", TestImages.webpLossless(800, 600)).statusCode(201)
                .body("format", equalTo("webp")).body("height", equalTo(600));
    }

    @Test
    void badInputsAreRefusedWithAClearCode() {
        TestShop shop = TestShop.create();
        String token = shop.buyerToken("buyer-1");
        upload(token, "photo.jpg", TestImages.zip()).statusCode(415).body("error.code", equalTo("UNSUPPORTED_TYPE"));
        byte[] jpeg = TestImages.jpeg(scene(105, 640, 480), 0.9f);
        upload(token, "photo.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3)).statusCode(415)
                .body("error.code", equalTo("CORRUPT_IMAGE"));
        upload(token, "bomb.png", TestImages.pngHeaderOnly(50_000, 50_000)).statusCode(413)
                .body("error.code", equalTo("TOO_LARGE"));
        upload(token, "big.webp", TestImages.webpExtended(8000, 6000)).statusCode(413);
        upload(token, "empty.jpg", new byte[0]).statusCode(400).body("error.field", equalTo("file"));
        given().header("Authorization", "Bearer " + token).multiPart("other", "x").post("/api/chat/images")
                .then().statusCode(400).body("error.field", equalTo("file"));
    }

    @Test
    void anUploadOverTheByteLimitIsRefusedBeforeItIsRead() {
        TestShop shop = TestShop.create();
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.cameraJpeg(106, "2026:05:01 10:00:00"), 0, big, 0, 1000);
        upload(shop.buyerToken("buyer-1"), "big.jpg", big).statusCode(413).body("error.code", equalTo("TOO_LARGE"));
    }

    @Test
    void credentialsAreChecked() {
        TestShop shop = TestShop.create();
        TestShop other = TestShop.create();
        byte[] photo = TestImages.cameraJpeg(107, "2026:05:01 10:00:00");
        upload(null, "a.jpg", photo).statusCode(401);
        upload("not-a-token", "a.jpg", photo).statusCode(401);
        upload(shop.apiKey(), "a.jpg", photo).statusCode(401);
        String imageId = upload(shop.buyerToken("buyer-1"), "a.jpg", photo).statusCode(201).extract().path("imageId");
        given().get("/api/merchants/" + shop.merchantId() + "/images/" + imageId + "/verification").then().statusCode(401);
        given().header("Authorization", other.auth())
                .get("/api/merchants/" + shop.merchantId() + "/images/" + imageId + "/verification").then().statusCode(403);
        verification(other, imageId).statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        verification(shop, "img_unknown").statusCode(404);
    }

    @Test
    void aBuyerCanOnlyUseTheirOwnImages() {
        TestShop shop = TestShop.create();
        String imageId = upload(shop.buyerToken("buyer-a"), "a.jpg", TestImages.cameraJpeg(108, "2026:05:01 10:00:00"))
                .statusCode(201).extract().path("imageId");
        assertThat(verifier.find(shop.merchantId(), "buyer-a", imageId)).isPresent();
        assertThat(verifier.find(shop.merchantId(), "buyer-b", imageId)).isEmpty();
        assertThat(verifier.find("another-shop", "buyer-a", imageId)).isEmpty();
        assertThatThrownBy(() -> verifier.verifyForClaim(shop.merchantId(), "buyer-b", imageId,
                order("o-1", "buyer-b", "2026-05-03T10:00:00+08:00")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aPhotoTakenBeforeDeliveryIsSuspiciousForThatClaim() {
        TestShop shop = TestShop.create();
        String imageId = upload(shop.buyerToken("buyer-1"), "a.jpg", TestImages.cameraJpeg(109, "2026:05:01 10:00:00"))
                .statusCode(201).extract().path("imageId");
        verification(shop, imageId).body("verdict", equalTo("AUTHENTIC"));

        Verification later = verifier.verifyForClaim(shop.merchantId(), "buyer-1", imageId,
                order("o-early", "buyer-1", "2026-04-28T15:00:00+08:00"));
        assertThat(later.verdict()).isEqualTo(Verdict.AUTHENTIC);

        Verification before = verifier.verifyForClaim(shop.merchantId(), "buyer-1", imageId,
                order("o-late", "buyer-1", "2026-05-03T15:00:00+08:00"));
        assertThat(before.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(before.signals()).extracting(Signal::name).contains("captured_before_delivery");
        verification(shop, imageId).body("verdict", equalTo("SUSPICIOUS"))
                .body("signals.name", hasItem("captured_before_delivery"));
    }

    @Test
    void aPhotoReusedByAnotherBuyerIsSuspiciousButReVerifyingTheSameClaimIsNot() {
        TestShop shop = TestShop.create();
        BufferedPhoto photo = new BufferedPhoto(110);
        String first = upload(shop.buyerToken("buyer-a"), "a.jpg", photo.jpeg(0.92f)).statusCode(201).extract().path("imageId");
        Order orderA = order("o-a", "buyer-a", "2026-05-01T08:00:00+08:00");
        assertThat(verifier.verifyForClaim(shop.merchantId(), "buyer-a", first, orderA).verdict()).isEqualTo(Verdict.AUTHENTIC);
        // the same claim verified again (the after-sales flow may retry) is not reuse
        assertThat(verifier.verifyForClaim(shop.merchantId(), "buyer-a", first, orderA).verdict()).isEqualTo(Verdict.AUTHENTIC);

        // another buyer sends the same scene, re-encoded and without EXIF: a near duplicate, not the same bytes
        String second = upload(shop.buyerToken("buyer-b"), "b.jpg", photo.plainJpeg(0.7f)).statusCode(201).extract().path("imageId");
        verification(shop, second).body("signals.name", not(hasItem("reused_photo")));
        Verification reused = verifier.verifyForClaim(shop.merchantId(), "buyer-b", second,
                order("o-b", "buyer-b", "2026-05-01T08:00:00+08:00"));
        assertThat(reused.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(reused.signals()).extracting(Signal::name).contains("reused_photo");
        verification(shop, second).body("verdict", equalTo("SUSPICIOUS")).body("signals.name", hasItem("reused_photo"));

        // the first buyer claiming with the same photo on another order is reuse too
        Verification otherOrder = verifier.verifyForClaim(shop.merchantId(), "buyer-a", first,
                order("o-a2", "buyer-a", "2026-05-01T08:00:00+08:00"));
        assertThat(otherOrder.signals()).extracting(Signal::name).contains("reused_photo");

        // a different photo for yet another claim is untouched, and other merchants never see this evidence
        String fresh = upload(shop.buyerToken("buyer-c"), "c.jpg", TestImages.cameraJpeg(111, "2026:05:02 10:00:00"))
                .statusCode(201).extract().path("imageId");
        assertThat(verifier.verifyForClaim(shop.merchantId(), "buyer-c", fresh,
                order("o-c", "buyer-c", "2026-05-01T08:00:00+08:00")).verdict()).isEqualTo(Verdict.AUTHENTIC);
        TestShop otherShop = TestShop.create();
        String elsewhere = upload(otherShop.buyerToken("buyer-b"), "b.jpg", photo.plainJpeg(0.7f)).statusCode(201)
                .extract().path("imageId");
        assertThat(verifier.verifyForClaim(otherShop.merchantId(), "buyer-b", elsewhere,
                order("o-b", "buyer-b", "2026-05-01T08:00:00+08:00")).signals()).extracting(Signal::name)
                .doesNotContain("reused_photo");
    }

    /** One scene, encoded as a camera JPEG with EXIF or as a plain re-encoded copy. */
    private record BufferedPhoto(long seed) {
        byte[] jpeg(float quality) {
            return TestImages.withExif(TestImages.jpeg(scene(seed, 640, 480), quality),
                    Map.of(TestImages.MAKE, "vivo", TestImages.MODEL, "X100", TestImages.DATE_TIME, "2026:05:02 10:00:00"),
                    Map.of(TestImages.DATE_TIME_ORIGINAL, "2026:05:02 10:00:00"));
        }

        byte[] plainJpeg(float quality) {
            return TestImages.jpeg(scene(seed, 640, 480), quality);
        }
    }

    static Order order(String orderId, String buyerId, String deliveredAt) {
        OffsetDateTime delivered = OffsetDateTime.parse(deliveredAt);
        return new Order(orderId, buyerId, OrderStatus.DELIVERED, delivered.minusDays(3), delivered.minusDays(3),
                delivered.minusDays(2), delivered, new BigDecimal("59.00"), false,
                List.of(new Order.Item("sku-mug", "陶瓷杯", 1, new BigDecimal("59.00"))), null, null);
    }

    static ValidatableResponse upload(String token, String fileName, byte[] bytes) {
        var request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.multiPart("file", fileName, bytes, "image/jpeg").post("/api/chat/images").then();
    }

    static ValidatableResponse verification(TestShop shop, String imageId) {
        return given().header("Authorization", shop.auth())
                .get("/api/merchants/" + shop.merchantId() + "/images/" + imageId + "/verification").then();
    }
}
