package dev.nectar.planner.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HealthSafetyDetectorTest {
    private final HealthSafetyDetector detector = new HealthSafetyDetector(Shop.LEXICON);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            猫咪吃了新买的罐头一直吐                   | 吐       | 宠物
            狗狗吃了零食以后拉肚子                     | 拉肚子   | 宠物
            我家猫咪这两天不吃东西,精神不好            | 不吃东西 | 宠物
            宝宝吃了辅食后拉肚子,还起了红疹            | 拉肚子   | 母婴
            孩子用了保温杯嘴巴起了红疹                 | 红疹     | 母婴
            抹了这款乳液以后脸上又痒又疼               | 又痒又疼 | 美妆
            涂了以后脸上红肿刺痛                       | 红肿     | 美妆
            这个精华用了烂脸了                         | 烂脸     | 美妆
            my dog has been vomiting after eating it   | vomiting | 宠物
            """)
    void findsASymptomAndTheCategoryOfItsSubject(String text, String symptom, String hint) {
        HealthSafety found = detector.detect(Shop.text(text)).orElseThrow();

        assertThat(found.symptom().text()).isEqualTo(symptom);
        assertThat(found.categoryHint()).contains(hint);
    }

    @Test
    void aBabysReactionToACreamGoesToTheBabyCategory() {
        assertThat(detector.detect(Shop.text("宝宝用了这个面霜脸上起疹子")).orElseThrow().categoryHint()).contains("母婴");
    }

    @Test
    void aFaceWithoutCosmeticContextIsNoSubject() {
        HealthSafety found = detector.detect(Shop.text("脸上过敏了")).orElseThrow();

        assertThat(found.subject()).isEmpty();
        assertThat(found.categoryHint()).isEmpty();
    }

    @Test
    void withoutASubjectInTheTextTheContextGivesTheCategory() {
        HealthSafety found = detector.detect(Shop.text("吃了以后一直拉肚子"), List.of("宠物食品", "柴犬冻干零食 500g")).orElseThrow();

        assertThat(found.subject()).isEmpty();
        assertThat(found.categoryHint()).contains("宠物");
    }

    @Test
    void theTextBeatsTheContext() {
        HealthSafety found = detector.detect(Shop.text("宝宝吃了拉肚子"), List.of("宠物食品")).orElseThrow();

        assertThat(found.categoryHint()).contains("母婴");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"给狗换粮需要过渡吗", "吐槽一下你们的物流", "敏感肌能用吗", "过敏体质能用吗", "笑死了", "宝宝没有拉肚子,就是想问问",
            "猫吐毛球正常吗", "有止痒的沐浴露吗", "狗粮开封后能放多久"})
    void ignoresTextWithoutSymptoms(String text) {
        assertThat(detector.detect(Shop.text(text))).isEmpty();
    }
}
