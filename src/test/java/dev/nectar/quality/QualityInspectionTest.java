package dev.nectar.quality;

import dev.nectar.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.nectar.quality.QualityShop.order;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 1: real conversations over the buyer and agent sockets, each written to trip one rule of the contract
 * (and two that must trip none: a polite, fast, correct conversation, and an agent quoting the buyer's own phone back
 * to them), inspected by the sweep once they are closed, and read back through the REST endpoints.
 */
@QuarkusTest
class QualityInspectionTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void everyRuleFiresWhereItShouldAndNowhereElse() throws Exception {
        QualityShop q = new QualityShop(base);
        q.catalog();
        q.sla(2);
        q.shop.put("/orders", List.of(
                order("Q-1001", "b-clean", "SHIPPED", "李明", "13600001111", 0),
                order("Q-1002", "b-neg", "SHIPPED", "周红", "13600002222", 0),
                order("Q-1003", "b-own", "SHIPPED", "张伟", "13800138000", 0),
                order("Q-1004", "b-leak", "SHIPPED", "赵六", "13700001111", 0),
                order("Q-1005", "b-other", "SHIPPED", "王芳", "13911112222", 0),
                order("Q-2001", "b-miss", "DELIVERED", "孙七", "13600003333", 2),
                order("Q-3001", "b-policy", "SHIPPED", "吴八", "13600004444", 0)));
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        QualityShop.Buyer clean, leak, rude, promise, slow, silent, unsure, miss, policy, negative;
        try (WsClient agent = q.console(q.agent("qa", "小秦"))) {
            clean = q.buyer("b-clean");
            clean.say("c1", "我的订单Q-1001到哪了");
            clean.end(5);
            expected.put(clean.conversationId(), Set.of());

            QualityShop.Buyer own = q.buyer("b-own");
            own.handTo(agent);
            own.agentSays(agent, "您好,核对一下,您订单上的手机号是13800138000,对吗?");
            own.tellAgent(agent, "对的");
            own.agentSays(agent, "好的,已为您备注,包裹明天送达。");
            own.resolvedBy(agent);
            own.end(5);
            expected.put(own.conversationId(), Set.of());

            leak = q.buyer("b-leak");
            leak.handTo(agent);
            leak.agentSays(agent, "另一位顾客王芳的电话是13911112222,您可以和她核对一下。");
            leak.resolvedBy(agent);
            leak.end(null);
            expected.put(leak.conversationId(), Set.of("PRIVACY_LEAK"));

            rude = q.buyer("b-rude");
            rude.handTo(agent);
            rude.agentSays(agent, "你是不是傻,物流信息写得清清楚楚。");
            rude.resolvedBy(agent);
            rude.end(null);
            expected.put(rude.conversationId(), Set.of("RUDE"));

            promise = q.buyer("b-promise");
            promise.handTo(agent);
            promise.agentSays(agent, "亲,给个五星好评返现5元哦,有问题也可以加我微信聊。");
            promise.resolvedBy(agent);
            promise.end(null);
            expected.put(promise.conversationId(), Set.of("PROHIBITED_PROMISE"));

            slow = q.buyer("b-slow");
            slow.handTo(agent);
            Thread.sleep(3_000);
            slow.agentSays(agent, "您好,让您久等了,我来帮您看看。");
            slow.resolvedBy(agent);
            slow.end(null);
            expected.put(slow.conversationId(), Set.of("SLOW_RESPONSE"));

            silent = q.buyer("b-silent");
            silent.handTo(agent);
            silent.agentSays(agent, "您好,我是客服小秦。");
            silent.tellAgent(agent, "请问茶叶保质期是多久?");
            silent.resolvedBy(agent);
            silent.end(null);
            expected.put(silent.conversationId(), Set.of("UNANSWERED"));

            unsure = q.buyer("b-unsure");
            unsure.say("u1", "你们店开发票用的是哪家公司的抬头");
            unsure.end(null);
            expected.put(unsure.conversationId(), Set.of("UNANSWERED"));

            miss = q.buyer("b-miss");
            miss.say("x1", "订单Q-2001不想要了,七天无理由退货");
            miss.say("x2", "不用了,我要投诉你们");
            miss.end(null);
            expected.put(miss.conversationId(), Set.of("MISSED_HANDOFF"));

            policy = q.buyer("b-policy");
            policy.say("p1", "帮我取消订单Q-3001");
            policy.handTo(agent);
            policy.agentSays(agent, "好的,我这边马上给您退款。");
            policy.resolvedBy(agent);
            policy.end(null);
            expected.put(policy.conversationId(), Set.of("POLICY_CONTRADICTION"));

            negative = q.buyer("b-neg");
            negative.say("n1", "我的订单Q-1002到哪了");
            negative.end(1);
            expected.put(negative.conversationId(), Set.of("NEGATIVE_ENDING"));
        }

        List<Map<String, Object>> records = q.inspected(new ArrayList<>(expected.keySet()));
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        for (String conv : expected.keySet()) {
            Map<String, Object> r = records.stream().filter(x -> conv.equals(x.get("conversationId"))).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> findings = (List<Map<String, Object>>) r.get("findings");
            actual.put(conv, findings.stream().map(f -> (String) f.get("rule")).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(actual).as(() -> transcripts(q, expected.keySet())).isEqualTo(expected);

        // the finding points at the agent's turn in the transcript, names the agent, and keeps a leak masked
        Map<String, Object> rudeFinding = only(records, rude.conversationId());
        List<Map<String, Object>> rudeTurns = given().header("Authorization", q.shop.auth())
                .get("/api/merchants/" + q.shop.merchantId() + "/conversations/" + rude.conversationId())
                .then().statusCode(200).extract().jsonPath().getList("turns");
        assertThat(rudeFinding).containsEntry("role", "AGENT").containsEntry("agentId", "qa").containsEntry("severity", "HIGH")
                .containsEntry("evidence", "你是不是傻").containsKey("detail");
        assertThat(rudeTurns.get((Integer) rudeFinding.get("turn"))).containsEntry("role", "AGENT");
        assertThat(only(records, leak.conversationId()).get("evidence")).isEqualTo("139****2222");
        assertThat(only(records, unsure.conversationId())).containsEntry("role", "BOT").containsEntry("rule", "UNANSWERED");
        assertThat(only(records, silent.conversationId())).containsEntry("role", "AGENT");
        assertThat(only(records, clean.conversationId())).isNull();
        assertThat(records).filteredOn(r -> r.get("conversationId").equals(clean.conversationId()))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("score", 100));
        assertThat(records).filteredOn(r -> r.get("conversationId").equals(rude.conversationId()))
                .singleElement().satisfies(r -> assertThat((Integer) r.get("score")).isLessThan(100));

        // by score, lowest first; minSeverity=HIGH leaves out the conversations whose findings are all milder
        List<Integer> scores = q.quality(Map.of()).getList("score", Integer.class);
        assertThat(scores).isSorted();
        List<String> high = q.quality(Map.of("minSeverity", "HIGH")).getList("conversationId", String.class);
        assertThat(high).contains(rude.conversationId(), leak.conversationId(), promise.conversationId(), miss.conversationId(),
                policy.conversationId()).doesNotContain(clean.conversationId(), slow.conversationId(), negative.conversationId());
        assertThat(q.quality(Map.of("agentId", "qa")).getList("conversationId", String.class))
                .contains(rude.conversationId(), slow.conversationId()).doesNotContain(clean.conversationId(), unsure.conversationId());

        // the findings are counted for Prometheus by rule and severity
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("nectar_quality_findings_total\\{[^}]*rule=\"RUDE\"[^}]*severity=\"HIGH\"[^}]*} [1-9]")
                .containsPattern("nectar_quality_findings_total\\{[^}]*rule=\"SLOW_RESPONSE\"");
    }

    /** The single finding of a conversation's record, or null when it has none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(List<Map<String, Object>> records, String conversationId) {
        Map<String, Object> r = records.stream().filter(x -> conversationId.equals(x.get("conversationId"))).findFirst().orElseThrow();
        List<Map<String, Object>> findings = (List<Map<String, Object>>) r.get("findings");
        assertThat(findings).hasSizeLessThanOrEqualTo(1);
        return findings.isEmpty() ? null : findings.get(0);
    }

    private static String transcripts(QualityShop q, Set<String> conversations) {
        StringBuilder out = new StringBuilder();
        for (String c : conversations) {
            out.append(given().header("Authorization", q.shop.auth())
                    .get("/api/merchants/" + q.shop.merchantId() + "/quality/conversations/" + c).asString()).append('\n');
            out.append(given().header("Authorization", q.shop.auth())
                    .get("/api/merchants/" + q.shop.merchantId() + "/conversations/" + c).asString()).append("\n\n");
        }
        return out.toString();
    }
}
