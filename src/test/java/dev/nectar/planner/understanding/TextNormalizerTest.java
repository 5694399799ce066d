package dev.nectar.planner.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {
    private final TextNormalizer normalizer = Shop.LEXICON.normalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ＮＸ２０２４０００１                  | NX20240001
            你好，在吗？                          | 你好,在吗?
            好的。谢谢！                          | 好的.谢谢!
            价格：（含运费）                      | 价格:(含运费)
            收到了、谢谢                          | 收到了,谢谢
            “好评”【急】                         | "好评"[急]
            `  换成   M  码  `                    | 换成 M 码
            `早上好\n在吗`                        | 早上好 在吗
            快点发货！！！                        | 快点发货!
            谢谢😀👍🏻                            | 谢谢
            ❤️好看⭐                              | 好看
            👨‍👩‍👧一家人                            | 一家人
            """)
    void cleansWidthPunctuationSpacesAndEmoji(String raw, String expected) {
        assertThat(normalizer.normalize(raw.replace("\\n", "\n")).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            两百以内               | 200以内
            一百五左右             | 150左右
            一百零五块             | 105块
            三百五十元             | 350元
            两万五                 | 25000
            一千二                 | 1200
            十万                   | 100000
            家里有三只猫           | 家里有3只猫
            二十斤的狗             | 20斤的狗
            十公斤                 | 10公斤
            七天无理由             | 7天无理由
            两件衣服               | 2件衣服
            三个月大               | 3个月大
            第一个                 | 第1个
            第十二个               | 第12个
            最后一个               | 最后1个
            一斤半                 | 1.5斤
            两岁半                 | 2.5岁
            半岁                   | 0.5岁
            二零二四年             | 2024年
            预算2万                | 预算20000
            1.5千                  | 1500
            3千克                  | 3千克
            三两天                 | 三两天
            一两个                 | 一两个
            查一下                 | 查一下
            一直吐                 | 一直吐
            十分满意               | 十分满意
            千万别发错             | 千万别发错
            万一坏了呢             | 万一坏了呢
            零食                   | 零食
            零件                   | 零件
            撒了一半               | 撒了一半
            半价                   | 半价
            10斤半价               | 10斤半价
            一次性                 | 一次性
            """)
    void turnsQuantifyingNumberWordsIntoDigits(String raw, String expected) {
        assertThat(normalizer.normalize(raw).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"十,10", "十五,15", "二十,20", "二十五,25", "一百,100", "一百五,150", "一百零五,105", "两千三百,2300",
            "一万零五百,10500", "两万五,25000", "三百五十,350", "一二十,-1", "百,-1"})
    void readsNumberWords(String words, long value) {
        assertThat(TextNormalizer.parseWithMagnitudes(words)).isEqualTo(value);
    }

    @Test
    void keepsTheOriginalAndFoldsOnlyAsciiCase() {
        NormalizedText n = normalizer.normalize("  Where is ＭＹ order？两百  ");

        assertThat(n.original()).isEqualTo("  Where is ＭＹ order？两百  ");
        assertThat(n.text()).isEqualTo("Where is MY order?200");
        assertThat(n.folded()).isEqualTo("where is my order?200").hasSameSizeAs(n.text());
    }

    @Test
    void nullAndBlankBecomeEmpty() {
        assertThat(normalizer.normalize(null).isEmpty()).isTrue();
        assertThat(normalizer.normalize(" \t ").text()).isEmpty();
        assertThat(normalizer.normalize("🙂").isEmpty()).isTrue();
    }
}
