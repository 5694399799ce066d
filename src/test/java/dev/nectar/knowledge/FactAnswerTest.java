package dev.nectar.knowledge;

import dev.nectar.text.Regions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How the answer is made of the facts found: row look-up by number and unit, close facts joining, the unsure band. */
class FactAnswerTest {
    private static final Regions REGIONS = Regions.load(Path.of("prompts", "understanding", "regions.json"));
    private static final String HARNESS = "胸背尺码表";

    private static KnowledgeHit hit(String doc, String heading, String text, double score) {
        return new KnowledgeHit(doc, "说明", heading, text, score, score >= 0.25);
    }

    private static String answer(String query, KnowledgeHit... hits) {
        return FactAnswer.compose(query, List.of(hits), REGIONS).orElseThrow().text();
    }

    @Test
    void aRangeIsReadInTheUnitItsCellNamesAndTheQuestionsUnitIsConverted() {
        KnowledgeHit xl = hit("d", HARNESS, "尺码：XL，适用体重：20-35kg，胸围：68-82cm", 0.64);
        KnowledgeHit m = hit("d", HARNESS, "尺码：M，适用体重：6-12kg，胸围：45-55cm", 0.57);
        // 20斤 is 10 kg: the M row, although the XL row holds the number 20 as written
        assertThat(answer("20斤的狗选什么码", xl, m)).contains("尺码：M");
        assertThat(answer("30公斤的狗选什么码", m, xl)).contains("尺码：XL");
    }

    @Test
    void aSingleValueMatchesItselfAndWordsDecideBetweenRowsTheNumberFitsAlike() {
        KnowledgeHit four = hit("d", "喂食量", "成猫体重：4kg，每日喂食量：50-60g", 0.5);
        KnowledgeHit five = hit("d", "喂食量", "成猫体重：5kg，每日喂食量：60-70g", 0.45);
        assertThat(answer("5公斤的猫一天喂多少", four, five)).contains("60-70g");
        assertThat(answer("8斤的猫一天喂多少", five, four)).contains("50-60g");

        KnowledgeHit raincoat = hit("d", "衣服", "款式：雨衣，尺码：S，适用体重：2-4kg", 0.5);
        KnowledgeHit hoodie = hit("d", "衣服", "款式：卫衣，尺码：S，适用体重：2-4kg", 0.49);
        assertThat(answer("比熊5斤,卫衣穿啥码", raincoat, hoodie)).startsWith("款式：卫衣");
    }

    @Test
    void boundsInAmountsHoldTheAskedAmount() {
        KnowledgeHit under = hit("d", "运费", "订单实付金额：未满 49 元，运费：6 元", 0.4);
        KnowledgeHit over = hit("d", "运费", "订单实付金额：满 49 元，运费：包邮", 0.38);
        assertThat(answer("买29块的东西要运费吗", over, under)).contains("6 元");
        assertThat(answer("买59块的东西要运费吗", under, over)).contains("包邮");
    }

    @Test
    void aGuideFoundFirstKeepsTheRowTheNumbersPickOut() {
        KnowledgeHit guide = hit("d", "尺码", "量腰围:软尺绕肚脐上方一圈。腰围在两码之间建议选小一码。", 0.68);
        KnowledgeHit r26 = hit("d", "尺码 > 裤子", "女裤尺码：26，腰围(cm)：66", 0.51);
        KnowledgeHit r27 = hit("d", "尺码 > 裤子", "女裤尺码：27，腰围(cm)：69", 0.5);
        String a = answer("腰围69的牛仔裤穿几码", guide, r26, r27);
        assertThat(a).startsWith("女裤尺码：27").contains("两码之间");
        // no number the rows hold: the guide alone
        assertThat(answer("腰围怎么量", guide, r26, r27)).doesNotContain("女裤尺码");
    }

    @Test
    void aCloseFactOfAnotherDocumentJoinsTheAnswerAndAFarOneDoesNot() {
        KnowledgeHit invoice = hit("a", "发票", "确认收货后在订单详情页申请开票。", 0.79);
        KnowledgeHit courier = hit("b", "快递", "默认发中通快递。", 0.6);
        assertThat(answer("发什么快递,能开发票吗", invoice, courier)).contains("中通");
        KnowledgeHit far = hit("b", "快递", "默认发中通快递。", 0.4);
        assertThat(answer("能开发票吗", invoice, far)).doesNotContain("中通");
    }

    @Test
    void belowTheThresholdTheClosestFactIsOnlyATentativeAnswer() {
        KnowledgeHit weak = hit("a", "门店", "目前只有线上店铺,没有实体店。", 0.2);
        assertThat(FactAnswer.compose("有线下门店吗", List.of(weak), REGIONS)).isEmpty();
        assertThat(FactAnswer.tentative("有线下门店吗", List.of(weak), REGIONS, 0.15)).map(FactAnswer.Answer::text)
                .contains("目前只有线上店铺,没有实体店。");
        assertThat(FactAnswer.tentative("有线下门店吗", List.of(weak), REGIONS, 0.25)).isEmpty();
        KnowledgeHit strong = hit("a", "门店", "目前只有线上店铺,没有实体店。", 0.5);
        assertThat(FactAnswer.tentative("有线下门店吗", List.of(strong), REGIONS, 0.15)).isEqualTo(Optional.empty());
    }
}
