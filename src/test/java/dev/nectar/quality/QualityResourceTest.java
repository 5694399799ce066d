package dev.nectar.quality;

import dev.nectar.TestShop;
import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Acceptance 3 (agent grades in the right order), dismissal with a note, service settings and the errors of the endpoints. */
@QuarkusTest
class QualityResourceTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void aFastWellRatedCleanAgentGradesAboveASlowPoorlyRatedRudeOne() throws Exception {
        QualityShop q = new QualityShop(base);
        q.sla(1);
        String goodToken = q.agent("good", "小好");
        String poorToken = q.agent("poor", "小差");
        QualityShop.Buyer first;
        QualityShop.Buyer second;
        try (WsClient good = q.console(goodToken)) {
            first = q.buyer("g-1");
            first.handTo(good);
            first.agentSays(good, "您好,我是小好,马上为您查询。");
            first.resolvedBy(good);
            first.end(5);
        }
        try (WsClient poor = q.console(poorToken)) {
            second = q.buyer("g-2");
            second.handTo(poor);
            Thread.sleep(3_500);
            second.agentSays(poor, "烦不烦,自己不会看物流吗");
            second.resolvedBy(poor);
            second.end(1);
        }
        q.inspected(List.of(first.conversationId(), second.conversationId()));
        Map<String, Object> g = grade(q.shop, "good");
        Map<String, Object> p = grade(q.shop, "poor");
        assertThat(g).containsKeys("agentId", "level", "suggestedTier", "experience", "efficiency", "satisfaction", "quality", "basis");
        assertThat((Integer) g.get("level")).isGreaterThan((Integer) p.get("level"));
        assertThat((Integer) g.get("efficiency")).isGreaterThan((Integer) p.get("efficiency"));
        assertThat((Integer) g.get("satisfaction")).isGreaterThan((Integer) p.get("satisfaction"));
        assertThat((Integer) g.get("quality")).isGreaterThan((Integer) p.get("quality"));
        @SuppressWarnings("unchecked")
        Map<String, Object> basis = (Map<String, Object>) p.get("basis");
        assertThat(basis).containsEntry("conversations", 1).containsEntry("ratings", 1).containsEntry("ratingAverage", 1.0f)
                .containsEntry("findingFreeShare", 0.0f).containsKeys("firstReplySecondsP50", "handlingMinutesP50");
        assertThat(((Number) basis.get("firstReplySecondsP50")).doubleValue()).isGreaterThan(3.0);
        assertThat((Integer) p.get("suggestedTier")).isLessThanOrEqualTo((Integer) p.get("level"));

        // the agent reads their own grade and findings with their own token
        given().header("Authorization", "Bearer " + poorToken).get("/api/agent/quality").then().statusCode(200)
                .body("grade.agentId", equalTo("poor")).body("grade.level", equalTo(p.get("level")))
                .body("findings.finding.rule", org.hamcrest.Matchers.hasItems("RUDE", "SLOW_RESPONSE"))
                .body("findings.conversationId", org.hamcrest.Matchers.everyItem(equalTo(second.conversationId())));
        given().header("Authorization", "Bearer " + goodToken).get("/api/agent/quality").then().statusCode(200)
                .body("findings", hasSize(0));
        given().header("Authorization", "Bearer ng_wrong").get("/api/agent/quality").then().statusCode(401);
        given().header("Authorization", q.shop.auth()).get(gradePath(q.shop, "nobody")).then().statusCode(404);
        given().header("Authorization", q.shop.auth()).queryParam("from", "yesterday").get(gradePath(q.shop, "good"))
                .then().statusCode(400).body("error.field", equalTo("from"));
    }

    @Test
    void aDismissedFindingStopsCountingAndStaysDismissed() throws Exception {
        QualityShop q = new QualityShop(base);
        String conv;
        try (WsClient agent = q.console(q.agent("d1", "小德"))) {
            QualityShop.Buyer b = q.buyer("d-1");
            b.handTo(agent);
            b.agentSays(agent, "加我微信私聊吧");
            b.resolvedBy(agent);
            b.end(null);
            conv = b.conversationId();
        }
        q.inspected(List.of(conv));
        String path = "/api/merchants/" + q.shop.merchantId() + "/quality/conversations/" + conv;
        given().header("Authorization", q.shop.auth()).get(path).then().statusCode(200)
                .body("findings", hasSize(1)).body("findings[0].rule", equalTo("PROHIBITED_PROMISE")).body("score", equalTo(75));

        given().header("Authorization", q.shop.auth()).contentType(ContentType.JSON).body(Map.of("note", " "))
                .post(path + "/findings/0/dismiss").then().statusCode(400).body("error.field", equalTo("note"));
        given().header("Authorization", q.shop.auth()).contentType(ContentType.JSON).body(Map.of("note", "店铺官方企业微信,允许"))
                .post(path + "/findings/3/dismiss").then().statusCode(404);
        given().header("Authorization", q.shop.auth()).contentType(ContentType.JSON).body(Map.of("note", "店铺官方企业微信,允许"))
                .post(path + "/findings/0/dismiss").then().statusCode(200)
                .body("score", equalTo(100)).body("findings[0].dismissal.note", equalTo("店铺官方企业微信,允许"));
        given().header("Authorization", q.shop.auth()).contentType(ContentType.JSON).body(Map.of("note", "again"))
                .post(path + "/findings/0/dismiss").then().statusCode(409);
        given().header("Authorization", q.shop.auth()).get(path).then().statusCode(200)
                .body("score", equalTo(100)).body("findings[0].dismissal.at", notNullValue());
        assertThat(q.quality(Map.of("minSeverity", "LOW")).getList("conversationId", String.class)).doesNotContain(conv);

        // errors change nothing and name their field; other merchants get nothing
        given().header("Authorization", q.shop.auth()).queryParam("minSeverity", "SEVERE")
                .get("/api/merchants/" + q.shop.merchantId() + "/quality").then().statusCode(400)
                .body("error.field", equalTo("minSeverity"));
        given().header("Authorization", q.shop.auth()).get("/api/merchants/" + q.shop.merchantId() + "/quality/conversations/cv-nope")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        TestShop other = TestShop.create();
        given().header("Authorization", other.auth()).get(path).then().statusCode(403);
        given().header("Authorization", other.auth()).get("/api/merchants/" + other.merchantId() + "/quality/conversations/" + conv)
                .then().statusCode(404);
    }

    @Test
    void serviceSettingsDefaultTo60SecondsAndRefuseNonsense() {
        TestShop shop = TestShop.create();
        String path = "/api/merchants/" + shop.merchantId() + "/service-settings";
        given().header("Authorization", shop.auth()).get(path).then().statusCode(200).body("slaSeconds", equalTo(60));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("slaSeconds", 0))
                .put(path).then().statusCode(400).body("error.field", equalTo("slaSeconds"));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body("{\"slaSeconds\":\"soon\"}")
                .put(path).then().statusCode(400);
        given().header("Authorization", shop.auth()).get(path).then().statusCode(200).body("slaSeconds", equalTo(60));
        given().header("Authorization", shop.auth()).contentType(ContentType.JSON).body(Map.of("slaSeconds", 90))
                .put(path).then().statusCode(200).body("slaSeconds", equalTo(90));
        given().header("Authorization", shop.auth()).get(path).then().statusCode(200).body("slaSeconds", greaterThan(60));
    }

    private static String gradePath(TestShop shop, String agentId) {
        return "/api/merchants/" + shop.merchantId() + "/agents/" + agentId + "/grade";
    }

    private static Map<String, Object> grade(TestShop shop, String agentId) {
        return given().header("Authorization", shop.auth()).get(gradePath(shop, agentId)).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }
}
