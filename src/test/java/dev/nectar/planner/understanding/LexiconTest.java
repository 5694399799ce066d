package dev.nectar.planner.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexiconTest {

    @Test
    void cuesAreNormalisedLikeBuyerText() {
        // reasons.json writes 七天无理由; buyers type either form
        assertThat(Shop.LEXICON.reasons.find("7天无理由")).extracting(Cue::label).containsExactly("NO_REASON");
        assertThat(Shop.LEXICON.reasons.find(Shop.text("七天无理由").folded())).extracting(Cue::text).containsExactly("7天无理由");
    }

    @Test
    void aLongerHitHidesTheHitsInsideIt() {
        List<Cue> kinds = Shop.LEXICON.afterSaleKinds.find("不想退货了,直接退款");

        assertThat(kinds).extracting(Cue::text).containsExactly("不想退货", "直接退款");
    }

    @Test
    void masksHideCuesAndAreNeverReported() {
        assertThat(Shop.LEXICON.healthSymptoms.find("吐槽一下")).isEmpty();
        assertThat(Shop.LEXICON.healthSymptoms.find("一直吐")).extracting(Cue::text).containsExactly("吐");
    }

    @Test
    void negationWithinReachDropsACueButPunctuationStopsIt() {
        assertThat(Shop.LEXICON.reasons.find("没有任何破损")).isEmpty();
        assertThat(Shop.LEXICON.reasons.find("没有,破损了")).extracting(Cue::label).containsExactly("DAMAGED");
        // 是不是 asks, it does not negate
        assertThat(Shop.LEXICON.reasons.find("是不是发霉了")).extracting(Cue::label).containsOnly("QUALITY");
    }

    @Test
    void asciiCuesMatchWholeWordsOnly() {
        assertThat(Shop.LEXICON.smallTalk.find("this is high")).isEmpty();
        assertThat(Shop.LEXICON.smallTalk.find("hi there")).extracting(Cue::text).containsExactly("hi");
        assertThat(Shop.LEXICON.complaint.find("电话0123150")).isEmpty();
    }

    @Test
    void loadsFromAnyDirectory(@TempDir Path dir) throws IOException {
        copyDefaultsTo(dir);
        Files.writeString(dir.resolve("small_talk.json"), """
                {"groups": [{"label": "GREETING", "cues": ["早呀"]}, {"label": "THANKS_BYE", "cues": ["回头见"]}]}
                """);

        Lexicon custom = Lexicon.load(dir);

        assertThat(new SmallTalkDetector(custom).detect(custom.normalizer().normalize("早呀"))).isPresent();
        assertThat(new SmallTalkDetector(custom).detect(custom.normalizer().normalize("你好"))).isEmpty();
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws IOException {
        copyDefaultsTo(dir);
        Files.delete(dir.resolve("reasons.json"));

        assertThatThrownBy(() -> Lexicon.load(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("reasons.json");
    }

    @Test
    void anUnknownLabelIsRejected(@TempDir Path dir) throws IOException {
        copyDefaultsTo(dir);
        Files.writeString(dir.resolve("reasons.json"), """
                {"groups": [{"label": "BROKEN_HEART", "cues": ["伤心"]}]}
                """);

        assertThatThrownBy(() -> Lexicon.load(dir)).hasMessageContaining("reasons.json").hasMessageContaining("BROKEN_HEART");
    }

    @Test
    void aCueWithTwoMeaningsIsRejected(@TempDir Path dir) throws IOException {
        copyDefaultsTo(dir);
        // 七天 and 7天 are the same cue once normalised
        Files.writeString(dir.resolve("reasons.json"), """
                {"groups": [{"label": "SIZE", "cues": ["七天"]}, {"label": "QUALITY", "cues": ["7天"]}]}
                """);

        assertThatThrownBy(() -> Lexicon.load(dir)).hasMessageContaining("reasons.json").hasMessageContaining("7天");
    }

    @Test
    void aBadPatternIsRejected(@TempDir Path dir) throws IOException {
        copyDefaultsTo(dir);
        Files.writeString(dir.resolve("order_ids.json"), """
                {"patterns": ["[a-z"], "notOrderIds": []}
                """);

        assertThatThrownBy(() -> Lexicon.load(dir)).hasMessageContaining("order_ids.json").hasMessageContaining("[a-z");
    }

    private static void copyDefaultsTo(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Lexicon.DEFAULT_DIR)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }
}
