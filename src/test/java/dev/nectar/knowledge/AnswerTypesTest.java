package dev.nectar.knowledge;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTypesTest {
    private final AnswerTypes types = AnswerTypes.load(Path.of("prompts", "understanding", "answer_types.json"));

    @Test
    void anAddressQuestionPrefersTheFactThatIsAnAddress() {
        List<Pattern> asked = types.asked("退货地址发我一下");
        assertThat(types.bonus(asked, "浙江省杭州市西湖区文一路 18 号 售后组 收,电话 0571-88886666")).isPositive();
        assertThat(types.bonus(asked, "发货前可以在订单页自行修改收货地址")).isZero();
    }

    @Test
    void aDurationQuestionPrefersAFactWithADuration() {
        List<Pattern> asked = types.asked("退款多久到账");
        assertThat(types.bonus(asked, "审核通过后 1-3 个工作日原路退回")).isPositive();
        assertThat(types.bonus(asked, "退款原路退回支付账户")).isZero();
    }

    @Test
    void aQuestionOfNoTypeGivesNoBonus() {
        assertThat(types.asked("支持货到付款吗")).isEmpty();
        assertThat(types.bonus(types.asked("支持货到付款吗"), "不支持货到付款")).isZero();
    }
}
