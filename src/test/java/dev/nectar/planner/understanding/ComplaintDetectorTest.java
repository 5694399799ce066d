package dev.nectar.planner.understanding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintDetectorTest {
    private final ComplaintDetector detector = new ComplaintDetector(Shop.LEXICON);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            再不给我解决就打12315                    | THREAT    | 12315
            我要投诉你们                             | COMPLAINT | 我要投诉
            不给退就给差评                           | COMPLAINT | 给差评
            赶紧处理,不然打12315                     | THREAT    | 12315
            我去消协反映                             | THREAT    | 消协
            再不处理我就找律师起诉                   | THREAT    | 律师
            我要发微博曝光你们                       | THREAT    | 发微博
            你们就是骗子                             | ABUSE     | 骗子
            什么破服务                               | ABUSE     | 什么破服务
            this is a scam                           | ABUSE     | scam
            I will file a complaint                  | COMPLAINT | complaint
            """)
    void findsComplaintsAndThreats(String text, String label, String cue) {
        Cue found = detector.detect(Shop.text(text)).orElseThrow();

        assertThat(found.label()).isEqualTo(label);
        assertThat(found.text()).isEqualTo(cue);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"我不会给差评的", "放心,不给差评", "看到好多差评说会漏", "谢谢,服务很好", "垃圾袋有卖吗", "用工商银行卡能付吗", "电话0123150"})
    void ignoresLookAlikes(String text) {
        assertThat(detector.detect(Shop.text(text))).isEmpty();
    }
}
