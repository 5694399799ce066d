package dev.nectar.planner.embedded;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.nectar.tools.ToolManifests;
import dev.nectar.tools.ToolNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Intent scores from the real manifests and the real embedding model, on utterances written for this test. */
class IntentClassifierTest {
    static IntentClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = new IntentClassifier(new BgeSmallZhV15QuantizedEmbeddingModel(), new ToolManifests(Path.of("tools")));
    }

    @ParameterizedTest
    @CsvSource({
            "帮我看看订单 AB1234567 的快递到哪了, logistics_tracking",
            "Where is my parcel AB1234567?, logistics_tracking",
            "包裹什么时候能送到, logistics_tracking",
            "我上个月都买了些什么, order_lookup",
            "这双鞋穿着挤脚想退掉, after_sale_request",
            "刚拍下的那单帮我取消, cancel_order",
            "给我推荐一款送长辈的茶叶, product_recommendation",
            "你们支持开电子发票吗, knowledge_search",
    })
    void topIntent(String text, String tool) {
        List<IntentClassifier.Score> scores = classifier.score(text, classifier.embed(text));
        System.out.println(text + " -> " + scores);
        assertThat(scores.get(0).tool()).isEqualTo(tool);
        assertThat(ToolNames.class).isNotNull();
    }
}
