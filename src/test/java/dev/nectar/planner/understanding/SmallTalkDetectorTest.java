package dev.nectar.planner.understanding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmallTalkDetectorTest {
    private final SmallTalkDetector detector = new SmallTalkDetector(Shop.LEXICON);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            你好                     | GREETING   | true
            您好呀                   | GREETING   | true
            在吗                     | GREETING   | true
            亲,在吗?                 | GREETING   | true
            hello                    | GREETING   | true
            Hi                       | GREETING   | true
            你好,我想退货            | GREETING   | false
            hi, where is my order    | GREETING   | false
            谢谢                     | THANKS_BYE | true
            多谢,没有其他问题了      | THANKS_BYE | true
            好的谢谢                 | THANKS_BYE | true
            再见                     | THANKS_BYE | true
            拜拜~                    | THANKS_BYE | true
            thanks, bye              | THANKS_BYE | true
            你好,谢谢                | THANKS_BYE | true
            谢谢,那退货地址是哪里    | THANKS_BYE | false
            """)
    void findsGreetingsAndGoodbyes(String text, SmallTalk.Kind kind, boolean pure) {
        SmallTalk found = detector.detect(Shop.text(text)).orElseThrow();

        assertThat(found.kind()).isEqualTo(kind);
        assertThat(found.pure()).isEqualTo(pure);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"亲肤材质吗", "我要亲自去拿", "this is high quality", "我的快递到哪了", "现在吗"})
    void ignoresLookAlikes(String text) {
        assertThat(detector.detect(Shop.text(text))).isEmpty();
    }
}
