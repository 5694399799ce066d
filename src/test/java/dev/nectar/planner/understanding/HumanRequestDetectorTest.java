package dev.nectar.planner.understanding;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HumanRequestDetectorTest {
    private final HumanRequestDetector detector = new HumanRequestDetector(Shop.LEXICON);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            转人工                                 | 转人工
            我要人工客服                           | 要人工
            人工客服                               | 人工客服
            有人工客服吗                           | 人工客服
            找真人                                 | 找真人
            找个真人客服吧,别让机器人回答了        | 找个真人
            真人客服在哪                           | 真人客服
            人工服务                               | 人工服务
            转人工,人工客服几点下班                | 转人工
            I want to talk to a human              | talk to a human
            real person please                     | real person
            """)
    void findsRequests(String text, String cue) {
        assertThat(detector.detect(Shop.text(text))).get().extracting(Cue::text).isEqualTo(cue);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"人工客服几点上班", "人工客服什么时候在线", "人工服务时间是几点到几点", "周末有人工客服吗", "不用转人工了",
            "这个有没有人工色素", "你是人工智能吗", "我的快递到哪了", "What are your customer service hours?"})
    void ignoresQuestionsAboutServiceAndLookAlikes(String text) {
        assertThat(detector.detect(Shop.text(text))).isEmpty();
    }
}
