package dev.nectar.knowledge;

import dev.nectar.TestShop;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.nectar.knowledge.KnowledgeApi.awaitStatus;
import static dev.nectar.knowledge.KnowledgeApi.search;
import static dev.nectar.knowledge.KnowledgeApi.upload;
import static dev.nectar.knowledge.KnowledgeApi.uploadReady;
import static dev.nectar.knowledge.TestDocuments.utf8;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/** The knowledge endpoints through the running server: every format, replace, delete, isolation and refusals. */
@QuarkusTest
class KnowledgeResourceTest {

    private static String base(TestShop shop) {
        return "/api/merchants/" + shop.merchantId() + "/knowledge";
    }

    private static List<Map<String, Object>> list(TestShop shop) {
        return given().header("Authorization", shop.auth()).get(base(shop)).then().statusCode(200).extract().path("");
    }

    @Test
    void everyFormatIsIngestedAndRetrievedFromItsOwnDocument() {
        TestShop shop = TestShop.create();
        Map<String, String> docs = new HashMap<>();
        docs.put("md", uploadReady(shop, "售后须知.md", TestDocuments.MARKDOWN));
        docs.put("html", uploadReady(shop, "竹篮尺码.html", TestDocuments.HTML));
        docs.put("txt", uploadReady(shop, "蜂蜜说明.txt", TestDocuments.TEXT));
        docs.put("csv", uploadReady(shop, "竹篮问答.csv", TestDocuments.CSV));
        docs.put("json", uploadReady(shop, "蜂蜜问答.json", TestDocuments.JSON));
        docs.put("pdf", uploadReady(shop, "warranty.pdf", TestDocuments.pdf(
                "Bamboo basket warranty", "The warranty covers cracks for 180 days after delivery.")));

        Map<String, Object> md = KnowledgeApi.document(shop, docs.get("md"));
        assertThat(md).containsEntry("fileName", "售后须知.md").containsEntry("title", "售后须知")
                .containsEntry("type", "MARKDOWN").containsEntry("status", "READY");
        assertThat((Integer) md.get("chunks")).isPositive();
        assertThat(list(shop)).extracting(d -> d.get("docId")).containsExactlyInAnyOrderElementsOf(docs.values());

        assertTopHit(shop, "海南运费多少", docs.get("md"), "海南");
        assertThat(search(shop, "七天无理由退货运费谁承担", 1).get(0)).containsEntry("headingPath", "售后须知 > 七天无理由");
        assertTopHit(shop, "大号竹篮直径多大", docs.get("html"), "型号：大号，直径(cm)：38");
        assertTopHit(shop, "蜂蜜结晶了怎么办", docs.get("txt"), "隔水温热");
        assertTopHit(shop, "竹篮能放水果吗", docs.get("csv"), "问：竹篮可以装水果吗？\n答：可以");
        assertTopHit(shop, "一岁宝宝能吃蜂蜜吗", docs.get("json"), "不宜食用蜂蜜");
        assertTopHit(shop, "how long is the warranty for cracks", docs.get("pdf"), "180 days");
        assertThat(search(shop, "var hidden", 5)).noneMatch(h -> ((String) h.get("text")).contains("不应出现"));
    }

    private static void assertTopHit(TestShop shop, String query, String docId, String snippet) {
        Map<String, Object> top = search(shop, query, 3).get(0);
        assertThat(top).containsEntry("docId", docId);
        assertThat((String) top.get("text")).contains(snippet);
        assertThat(top).containsKeys("title", "score", "answerable");
    }

    @Test
    void theTitlePartNamesTheDocument() {
        TestShop shop = TestShop.create();
        upload(shop, "notes.txt", utf8("门店营业时间为每天早上九点到晚上九点。"), "门店营业时间")
                .then().statusCode(201).body("title", equalTo("门店营业时间"))
                .body("status", oneOf("READY", "PROCESSING")).body("chunks", is(oneOf(0, 1)));
    }

    @Test
    void contentDecidesTheTypeAndNonDocumentsAreRefused() {
        TestShop shop = TestShop.create();
        upload(shop, "照片.txt", TestDocuments.png(), null).then().statusCode(415).body("error.code", equalTo("UNSUPPORTED_TYPE"));
        upload(shop, "archive.md", TestDocuments.zip(), null).then().statusCode(415);
        upload(shop, "noise.txt", TestDocuments.junk(), null).then().statusCode(415);
        upload(shop, "fake.pdf", utf8("this is plain text, not a PDF"), null).then().statusCode(415);
        upload(shop, "report.docx", utf8("plain words"), null).then().statusCode(415);
        upload(shop, "noextension", utf8("plain words"), null).then().statusCode(415);
        assertThat(list(shop)).isEmpty();

        String pdfNamedTxt = upload(shop, "manual.txt", TestDocuments.pdf("Rinse the basket with cold water."), null)
                .then().statusCode(201).body("type", equalTo("PDF")).extract().path("docId");
        awaitStatus(shop, pdfNamedTxt, "READY");
    }

    @Test
    void chineseSpreadsheetExportsInGb18030AreRead() {
        TestShop shop = TestShop.create();
        byte[] gbk = "question,answer\n能开收据吗？,可以，下单备注需要收据即可。\n".getBytes(java.nio.charset.Charset.forName("GB18030"));
        String docId = uploadReady(shop, "收据.csv", gbk);
        assertThat(search(shop, "可以开收据吗", 1).get(0)).containsEntry("docId", docId);
    }

    @Test
    void uploadsOverTheLimitGet413() {
        TestShop shop = TestShop.create();
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        upload(shop, "big.txt", big, null).then().statusCode(413).body("error.code", equalTo("TOO_LARGE"));
        assertThat(list(shop)).isEmpty();
    }

    @Test
    void malformedFaqIs400AndChangesNothing() {
        TestShop shop = TestShop.create();
        upload(shop, "faq.csv", "问法,回复\n一,二\n").then().statusCode(400)
                .body("error.field", equalTo("file")).body("error.message", not(emptyString()));
        upload(shop, "faq.json", "{\"question\":\"不是数组\"}").then().statusCode(400);
        upload(shop, "faq.json", "[{\"question\":\"只有问题\"}]").then().statusCode(400);
        upload(shop, "empty.md", "   \n\n").then().statusCode(400);
        assertThat(list(shop)).isEmpty();
    }

    @Test
    void aBrokenPdfFailsThatDocumentOnly() {
        TestShop shop = TestShop.create();
        String good = uploadReady(shop, "蜂蜜说明.txt", TestDocuments.TEXT);
        String broken = upload(shop, "说明书.pdf", TestDocuments.brokenPdf(), null).then().statusCode(201)
                .body("type", equalTo("PDF")).extract().path("docId");

        Map<String, Object> failed = awaitStatus(shop, broken, "FAILED");

        assertThat((String) failed.get("reason")).contains("PDF");
        assertThat(failed).containsEntry("chunks", 0);
        assertThat(KnowledgeApi.document(shop, good)).containsEntry("status", "READY");
        assertThat(search(shop, "蜂蜜用多少度的水冲", 1).get(0)).containsEntry("docId", good);
    }

    @Test
    void uploadingTheSameNameReplacesTheDocument() {
        TestShop shop = TestShop.create();
        String first = uploadReady(shop, "营业时间.md", "# 营业时间\n门店周一至周五营业，周末休息。\n");
        assertThat(search(shop, "周末营业吗", 1).get(0)).containsEntry("docId", first);

        String second = uploadReady(shop, "营业时间.md", "# 营业时间\n门店全年无休，春节照常营业，每天营业到晚上十点。\n");

        assertThat(second).isEqualTo(first);
        assertThat(list(shop)).hasSize(1);
        assertThat(search(shop, "周末营业吗", 5)).extracting(h -> (String) h.get("text"))
                .noneMatch(t -> t.contains("周末休息")).anyMatch(t -> t.contains("全年无休"));
    }

    @Test
    void deleteRemovesEveryChunkAtOnce() {
        TestShop shop = TestShop.create();
        String keep = uploadReady(shop, "蜂蜜问答.json", TestDocuments.JSON);
        String gone = uploadReady(shop, "售后须知.md", TestDocuments.MARKDOWN);
        assertThat(search(shop, "海南运费多少", 1).get(0)).containsEntry("docId", gone);

        given().header("Authorization", shop.auth()).delete(base(shop) + "/" + gone).then().statusCode(204);

        assertThat(search(shop, "海南运费多少", 10)).extracting(h -> h.get("docId")).containsOnly(keep);
        given().header("Authorization", shop.auth()).get(base(shop) + "/" + gone).then().statusCode(404);
        given().header("Authorization", shop.auth()).delete(base(shop) + "/" + gone).then().statusCode(404);
        assertThat(list(shop)).extracting(d -> d.get("docId")).containsExactly(keep);
    }

    @Test
    void merchantsNeverReachEachOthersKnowledge() {
        TestShop a = TestShop.create();
        TestShop b = TestShop.create();
        String secret = uploadReady(a, "内部.md", "# 内部\n甲店的进货价是每斤二十三元。\n");
        String own = uploadReady(b, "蜂蜜说明.txt", TestDocuments.TEXT);

        assertThat(search(b, "甲店的进货价", 10)).extracting(h -> h.get("docId")).containsOnly(own);
        given().header("Authorization", b.auth()).get(base(b) + "/" + secret).then().statusCode(404);
        given().header("Authorization", b.auth()).delete(base(b) + "/" + secret).then().statusCode(404);
        given().header("Authorization", b.auth()).get(base(a)).then().statusCode(403);
        given().header("Authorization", b.auth()).contentType(ContentType.JSON).body(Map.of("query", "进货价"))
                .post(base(a) + "/search").then().statusCode(403);
        given().get(base(a)).then().statusCode(401);
        upload(new TestShop(a.merchantId(), "nk_wrong"), "x.md", "# x\ny\n").then().statusCode(401);
        assertThat(KnowledgeApi.document(a, secret)).containsEntry("status", "READY");
    }

    @Test
    void questionsTheDocumentsDoNotAnswerAreNotAnswerable() {
        TestShop shop = TestShop.create();
        uploadReady(shop, "售后须知.md", TestDocuments.MARKDOWN);
        uploadReady(shop, "蜂蜜问答.json", TestDocuments.JSON);

        assertThat(search(shop, "你们老板是哪里人", 5)).isNotEmpty().allMatch(h -> h.get("answerable").equals(false));
        assertThat(search(shop, "七天无理由退货的运费谁出", 1).get(0)).containsEntry("answerable", true);
    }

    @Test
    void searchChecksItsInputAndAnEmptyBaseFindsNothing() {
        TestShop shop = TestShop.create();
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("k", 3))
                .post(base(shop) + "/search").then().statusCode(400).body("error.field", equalTo("query"));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("query", "运费", "k", 0))
                .post(base(shop) + "/search").then().statusCode(400).body("error.field", equalTo("k"));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("query", "运费", "k", 99))
                .post(base(shop) + "/search").then().statusCode(400).body("error.field", equalTo("k"));
        assertThat(search(shop, "运费", 5)).isEmpty();
        given().header("Authorization", shop.auth()).multiPart("title", "没有文件").post(base(shop))
                .then().statusCode(400).body("error.field", equalTo("file"));
    }
}
