package dev.nectar.aftersales;

import dev.nectar.aftersales.AfterSaleCase.Reason;
import dev.nectar.aftersales.AfterSaleCase.Status;
import dev.nectar.aftersales.AfterSaleCase.Type;
import dev.nectar.aftersales.PolicyDecision.Code;
import dev.nectar.aftersales.PolicyDecision.Outcome;
import dev.nectar.aftersales.PolicyFixtures.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.nectar.aftersales.EvidenceVerdict.Verdict.AUTHENTIC;
import static dev.nectar.aftersales.EvidenceVerdict.Verdict.FAKE;
import static dev.nectar.aftersales.EvidenceVerdict.Verdict.SUSPICIOUS;
import static dev.nectar.aftersales.PolicyFixtures.given;
import static dev.nectar.aftersales.PolicyFixtures.item;
import static dev.nectar.commerce.OrderStatus.CANCELLED;
import static dev.nectar.commerce.OrderStatus.COMPLETED;
import static dev.nectar.commerce.OrderStatus.DELIVERED;
import static dev.nectar.commerce.OrderStatus.PAID;
import static dev.nectar.commerce.OrderStatus.PENDING_PAYMENT;
import static dev.nectar.commerce.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PolicyEngineTest {
    private static final ReasonTexts TEXTS = new ReasonTexts(Path.of("prompts", "aftersales", "reasons.json"));
    /** Codes the table reached; every code must be reachable, and every one must render from a real decision. */
    private static final Set<Code> SEEN = EnumSet.noneOf(Code.class);

    private static Arguments row(String name, Scenario s, Outcome outcome, Code code) {
        return arguments(name, s, outcome, code);
    }

    static Stream<Arguments> rules() {
        Policy fifteenDaysNoExclusions = new Policy(15, List.of(), 45, new BigDecimal("100.00"), Map.of(), 2, 30);
        return Stream.of(
                // rule 3: cancel
                row("cancel unpaid", given().status(PENDING_PAYMENT).ask(Type.CANCEL, null), Outcome.APPROVE, Code.CANCEL_ACCEPTED),
                row("cancel paid", given().status(PAID).ask(Type.CANCEL, null), Outcome.APPROVE, Code.CANCEL_ACCEPTED),
                row("cancel shipped", given().status(SHIPPED).ask(Type.CANCEL, null), Outcome.REFUSE, Code.NOT_CANCELLABLE_SHIPPED),
                row("cancel delivered", given().status(DELIVERED).ask(Type.CANCEL, null), Outcome.REFUSE, Code.NOT_CANCELLABLE_DONE),
                row("cancel completed", given().status(COMPLETED).ask(Type.CANCEL, null), Outcome.REFUSE, Code.NOT_CANCELLABLE_DONE),
                row("cancel cancelled", given().status(CANCELLED).ask(Type.CANCEL, null), Outcome.REFUSE, Code.ALREADY_CANCELLED),
                row("cancel twice", given().status(CANCELLED).ask(Type.CANCEL, null).open(Type.CANCEL, Status.APPROVED),
                        Outcome.ALREADY_OPEN, Code.ALREADY_OPEN),

                // rule 4: no-reason returns, day edges
                row("no reason, just delivered", given().deliveredAgo(Duration.ZERO), Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("no reason, exactly 7 days", given().deliveredDaysAgo(7), Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("no reason, 7 days 23:59", given().deliveredAgo(Duration.ofDays(8).minusMinutes(1)), Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("no reason, 8 days", given().deliveredDaysAgo(8), Outcome.REFUSE, Code.WINDOW_PASSED),
                row("size, 7 days", given().deliveredDaysAgo(7).ask(Type.RETURN_REFUND, Reason.SIZE), Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("size, 8 days", given().deliveredDaysAgo(8).ask(Type.RETURN_REFUND, Reason.SIZE), Outcome.REFUSE, Code.WINDOW_PASSED),
                row("other counts as no reason", given().ask(Type.RETURN_REFUND, Reason.OTHER), Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("completed within window", given().status(COMPLETED).deliveredDaysAgo(3), Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("merchant window 15 days", given().deliveredDaysAgo(15).policy(fifteenDaysNoExclusions), Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("merchant window 15 days passed", given().deliveredDaysAgo(16).policy(fifteenDaysNoExclusions), Outcome.REFUSE, Code.WINDOW_PASSED),
                row("fresh food excluded", given().items(item("PEACH", 1, "59.00")), Outcome.REFUSE, Code.EXCLUDED_CATEGORY),
                row("custom item excluded", given().items(item("PLATE", 1, "88.00")), Outcome.REFUSE, Code.EXCLUDED_CATEGORY),
                row("excluded item in a mixed order", given().items(item("TEE-S", 1, "39.00"), item("PEACH", 1, "59.00")),
                        Outcome.REFUSE, Code.EXCLUDED_CATEGORY),
                row("only the allowed item of a mixed order", given().items(item("TEE-S", 1, "39.00"), item("PEACH", 1, "59.00")).skus("TEE-S"),
                        Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("merchant without exclusions", given().items(item("PEACH", 1, "59.00")).policy(fifteenDaysNoExclusions),
                        Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("item not in the order", given().skus("MUG"), Outcome.REFUSE, Code.ITEM_NOT_IN_ORDER),
                row("item missing from the catalog", given().items(item("GHOST-1", 1, "10.00")), Outcome.REVIEW, Code.UNKNOWN_PRODUCT),
                row("return before payment", given().status(PENDING_PAYMENT), Outcome.REFUSE, Code.NOT_SHIPPED),
                row("return before shipping", given().status(PAID), Outcome.REFUSE, Code.NOT_SHIPPED),
                row("return in transit", given().status(SHIPPED), Outcome.REFUSE, Code.NOT_DELIVERED),
                row("return of a cancelled order", given().status(CANCELLED), Outcome.REFUSE, Code.ORDER_CANCELLED),
                row("no deliveredAt, shipped 3 days ago", given().noDeliveredAt(Duration.ofDays(3)), Outcome.APPROVE, Code.RETURN_ACCEPTED),
                row("no deliveredAt, shipped 9 days ago", given().noDeliveredAt(Duration.ofDays(9)), Outcome.REFUSE, Code.WINDOW_PASSED),
                row("fake photo on a no-reason return", given().photos(FAKE), Outcome.REVIEW, Code.EVIDENCE_SUSPICIOUS),
                row("another open case type on the order", given().open(Type.REFUND_ONLY, Status.PENDING_REVIEW), Outcome.REVIEW, Code.OTHER_CASE_OPEN),

                // rule 5: defects need a photo, verdicts decide
                row("quality without photo", given().ask(Type.RETURN_REFUND, Reason.QUALITY), Outcome.NEEDS_EVIDENCE, Code.EVIDENCE_NEEDED),
                row("damaged without photo", given().ask(Type.RETURN_REFUND, Reason.DAMAGED), Outcome.NEEDS_EVIDENCE, Code.EVIDENCE_NEEDED),
                row("wrong item without photo", given().ask(Type.RETURN_REFUND, Reason.WRONG_ITEM), Outcome.NEEDS_EVIDENCE, Code.EVIDENCE_NEEDED),
                row("not as described without photo", given().ask(Type.RETURN_REFUND, Reason.NOT_AS_DESCRIBED), Outcome.NEEDS_EVIDENCE, Code.EVIDENCE_NEEDED),
                row("damaged, authentic photos", given().ask(Type.RETURN_REFUND, Reason.DAMAGED).photos(AUTHENTIC, AUTHENTIC),
                        Outcome.APPROVE, Code.QUALITY_ACCEPTED),
                row("damaged, one suspicious photo", given().ask(Type.RETURN_REFUND, Reason.DAMAGED).photos(AUTHENTIC, SUSPICIOUS),
                        Outcome.REVIEW, Code.EVIDENCE_SUSPICIOUS),
                row("quality, fake photo", given().ask(Type.RETURN_REFUND, Reason.QUALITY).photos(FAKE), Outcome.REVIEW, Code.EVIDENCE_SUSPICIOUS),
                row("quality, day 30", given().ask(Type.RETURN_REFUND, Reason.QUALITY).deliveredDaysAgo(30).photos(AUTHENTIC),
                        Outcome.APPROVE, Code.QUALITY_ACCEPTED),
                row("quality, day 31", given().ask(Type.RETURN_REFUND, Reason.QUALITY).deliveredDaysAgo(31).photos(AUTHENTIC),
                        Outcome.REFUSE, Code.WINDOW_PASSED),
                row("quality, day 31 without photo: the window first", given().ask(Type.RETURN_REFUND, Reason.QUALITY).deliveredDaysAgo(31),
                        Outcome.REFUSE, Code.WINDOW_PASSED),
                row("damaged fresh food is not a no-reason return", given().items(item("PEACH", 1, "59.00"))
                        .ask(Type.RETURN_REFUND, Reason.DAMAGED).photos(AUTHENTIC), Outcome.APPROVE, Code.QUALITY_ACCEPTED),
                row("damaged in transit", given().status(SHIPPED).ask(Type.RETURN_REFUND, Reason.DAMAGED).photos(AUTHENTIC),
                        Outcome.REFUSE, Code.NOT_DELIVERED),

                // not received
                row("return, not received though delivered", given().ask(Type.RETURN_REFUND, Reason.NOT_RECEIVED), Outcome.REVIEW, Code.NOT_RECEIVED_REVIEW),
                row("refund only, not received, delivered", given().ask(Type.REFUND_ONLY, Reason.NOT_RECEIVED), Outcome.REVIEW, Code.NOT_RECEIVED_REVIEW),
                row("refund only, not received, in transit", given().status(SHIPPED).ask(Type.REFUND_ONLY, Reason.NOT_RECEIVED),
                        Outcome.REVIEW, Code.NOT_RECEIVED_REVIEW),
                row("not received, day 31", given().deliveredDaysAgo(31).ask(Type.REFUND_ONLY, Reason.NOT_RECEIVED), Outcome.REFUSE, Code.WINDOW_PASSED),
                row("return, not received, in transit", given().status(SHIPPED).ask(Type.RETURN_REFUND, Reason.NOT_RECEIVED),
                        Outcome.REFUSE, Code.NOT_DELIVERED),
                row("exchange, not received", given().ask(Type.EXCHANGE, Reason.NOT_RECEIVED).target("TEE-L"), Outcome.REFUSE, Code.EXCHANGE_NOT_RECEIVED),

                // rule 6: refund only
                row("refund only at the limit", given().ask(Type.REFUND_ONLY, Reason.DAMAGED).total("50.00").photos(AUTHENTIC),
                        Outcome.APPROVE, Code.REFUND_ACCEPTED),
                row("refund only a cent over the limit", given().ask(Type.REFUND_ONLY, Reason.DAMAGED).total("50.01").photos(AUTHENTIC),
                        Outcome.REVIEW, Code.OVER_AUTO_APPROVE_LIMIT),
                row("refund only, part of a large order", given().ask(Type.REFUND_ONLY, Reason.DAMAGED)
                        .items(item("TEE-S", 1, "39.00"), item("MUG", 1, "45.00")).skus("TEE-S").photos(AUTHENTIC),
                        Outcome.REVIEW, Code.OVER_AUTO_APPROVE_LIMIT),
                row("refund only, merchant limit 100", given().ask(Type.REFUND_ONLY, Reason.QUALITY).total("80.00").photos(AUTHENTIC)
                        .policy(fifteenDaysNoExclusions), Outcome.APPROVE, Code.REFUND_ACCEPTED),
                row("refund only, damaged without photo", given().ask(Type.REFUND_ONLY, Reason.DAMAGED), Outcome.NEEDS_EVIDENCE, Code.EVIDENCE_NEEDED),
                row("refund only, suspicious photo", given().ask(Type.REFUND_ONLY, Reason.DAMAGED).photos(SUSPICIOUS),
                        Outcome.REVIEW, Code.EVIDENCE_SUSPICIOUS),
                row("refund only, fake photo over the limit", given().ask(Type.REFUND_ONLY, Reason.DAMAGED).total("99.00").photos(FAKE),
                        Outcome.REVIEW, Code.EVIDENCE_SUSPICIOUS),
                row("refund only, 2 earlier (limit 3)", given().ask(Type.REFUND_ONLY, Reason.DAMAGED).photos(AUTHENTIC).refundOnlyCount(2),
                        Outcome.APPROVE, Code.REFUND_ACCEPTED),
                row("refund only, 3 earlier (limit 3)", given().ask(Type.REFUND_ONLY, Reason.DAMAGED).photos(AUTHENTIC).refundOnlyCount(3),
                        Outcome.REVIEW, Code.ABUSE_PATTERN),
                row("refund only, merchant abuse limit 2", given().ask(Type.REFUND_ONLY, Reason.DAMAGED).photos(AUTHENTIC).refundOnlyCount(2)
                        .policy(fifteenDaysNoExclusions), Outcome.REVIEW, Code.ABUSE_PATTERN),
                row("refund only, no reason, small", given().ask(Type.REFUND_ONLY, Reason.NO_REASON).deliveredDaysAgo(7),
                        Outcome.APPROVE, Code.REFUND_ACCEPTED),
                row("refund only, no reason, day 8", given().ask(Type.REFUND_ONLY, Reason.NO_REASON).deliveredDaysAgo(8),
                        Outcome.REFUSE, Code.WINDOW_PASSED),
                row("refund only, other, day 20", given().ask(Type.REFUND_ONLY, Reason.OTHER).deliveredDaysAgo(20),
                        Outcome.APPROVE, Code.REFUND_ACCEPTED),
                row("refund only, damaged, day 31", given().ask(Type.REFUND_ONLY, Reason.DAMAGED).deliveredDaysAgo(31).photos(AUTHENTIC),
                        Outcome.REFUSE, Code.WINDOW_PASSED),
                row("refund only before shipping", given().status(PAID).ask(Type.REFUND_ONLY, Reason.NO_REASON), Outcome.REFUSE, Code.NOT_SHIPPED),

                // rule 7: exchange
                row("exchange to a variant in stock", given().ask(Type.EXCHANGE, Reason.SIZE).target("TEE-L"), Outcome.APPROVE, Code.EXCHANGE_ACCEPTED),
                row("exchange to a variant out of stock", given().ask(Type.EXCHANGE, Reason.SIZE).target("TEE-M"), Outcome.REFUSE, Code.OUT_OF_STOCK),
                row("exchange to another product", given().ask(Type.EXCHANGE, Reason.SIZE).target("MUG"), Outcome.REFUSE, Code.NO_VARIANT),
                row("exchange to the same sku", given().ask(Type.EXCHANGE, Reason.SIZE).target("TEE-S"), Outcome.REFUSE, Code.NO_VARIANT),
                row("exchange to an unknown sku", given().ask(Type.EXCHANGE, Reason.SIZE).target("NOPE"), Outcome.REFUSE, Code.NO_VARIANT),
                row("exchange, the only variant in stock", given().ask(Type.EXCHANGE, Reason.SIZE), Outcome.APPROVE, Code.EXCHANGE_ACCEPTED),
                row("exchange, several variants in stock", given().items(item("CAP-RED", 1, "29.00")).ask(Type.EXCHANGE, Reason.NO_REASON),
                        Outcome.NEEDS_TARGET, Code.TARGET_NEEDED),
                row("exchange, variants all out of stock", given().items(item("SOCK-A", 1, "15.00")).ask(Type.EXCHANGE, Reason.SIZE),
                        Outcome.REFUSE, Code.OUT_OF_STOCK),
                row("exchange, no variants", given().items(item("MUG", 1, "45.00")).ask(Type.EXCHANGE, Reason.SIZE), Outcome.REFUSE, Code.NO_VARIANT),
                row("exchange, size day 7", given().ask(Type.EXCHANGE, Reason.SIZE).target("TEE-L").deliveredDaysAgo(7), Outcome.APPROVE, Code.EXCHANGE_ACCEPTED),
                row("exchange, size day 8", given().ask(Type.EXCHANGE, Reason.SIZE).target("TEE-L").deliveredDaysAgo(8), Outcome.REFUSE, Code.WINDOW_PASSED),
                row("exchange, defect day 20 without photo", given().ask(Type.EXCHANGE, Reason.QUALITY).target("TEE-L").deliveredDaysAgo(20),
                        Outcome.NEEDS_EVIDENCE, Code.EVIDENCE_NEEDED),
                row("exchange, defect day 20 with photo", given().ask(Type.EXCHANGE, Reason.QUALITY).target("TEE-L").deliveredDaysAgo(20)
                        .photos(AUTHENTIC), Outcome.APPROVE, Code.EXCHANGE_ACCEPTED),
                row("exchange, defect, fake photo", given().ask(Type.EXCHANGE, Reason.WRONG_ITEM).target("TEE-L").photos(FAKE),
                        Outcome.REVIEW, Code.EVIDENCE_SUSPICIOUS),
                row("exchange, defect, out of stock before asking a photo", given().ask(Type.EXCHANGE, Reason.QUALITY).target("TEE-M"),
                        Outcome.REFUSE, Code.OUT_OF_STOCK),
                row("exchange of a custom item", given().items(item("PLATE", 1, "88.00")).ask(Type.EXCHANGE, Reason.NO_REASON),
                        Outcome.REFUSE, Code.NO_VARIANT),
                row("exchange in transit", given().status(SHIPPED).ask(Type.EXCHANGE, Reason.SIZE).target("TEE-L"), Outcome.REFUSE, Code.NOT_DELIVERED),

                // rule 8: one open case per order and type
                row("return again while approved", given().open(Type.RETURN_REFUND, Status.APPROVED), Outcome.ALREADY_OPEN, Code.ALREADY_OPEN),
                row("return again while in review", given().open(Type.RETURN_REFUND, Status.PENDING_REVIEW), Outcome.ALREADY_OPEN, Code.ALREADY_OPEN),
                row("return again while waiting for evidence", given().open(Type.RETURN_REFUND, Status.NEEDS_EVIDENCE),
                        Outcome.ALREADY_OPEN, Code.ALREADY_OPEN),
                row("already open wins over a passed window", given().deliveredDaysAgo(40).open(Type.RETURN_REFUND, Status.APPROVED),
                        Outcome.ALREADY_OPEN, Code.ALREADY_OPEN),
                row("a rejected case does not block", given().open(Type.RETURN_REFUND, Status.REJECTED), Outcome.APPROVE, Code.RETURN_ACCEPTED)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void appliesThePolicy(String name, Scenario s, Outcome outcome, Code code) {
        PolicyDecision d = s.decide();
        assertThat(d.outcome()).as(name).isEqualTo(outcome);
        assertThat(d.code()).as(name).isEqualTo(code);
        assertThat(d.createsCase()).isEqualTo(outcome == Outcome.APPROVE || outcome == Outcome.REVIEW);
        if (outcome != Outcome.ALREADY_OPEN) {
            assertThat(d.caseStatus()).isEqualTo(switch (outcome) {
                case APPROVE -> Status.APPROVED;
                case REVIEW -> Status.PENDING_REVIEW;
                case NEEDS_EVIDENCE -> Status.NEEDS_EVIDENCE;
                default -> null;
            });
        }
        String text = TEXTS.explain(d);
        assertThat(text).as(name).isNotBlank().doesNotContain("{").doesNotContain("null");
        SEEN.add(code);
    }

    @AfterAll
    static void everyCodeIsReachable() {
        assertThat(EnumSet.complementOf(EnumSet.copyOf(SEEN))).as("codes no rule produced").isEmpty();
    }

    @Test
    void windowPassedCarriesTheDayCount() {
        PolicyDecision d = given().deliveredAgo(Duration.ofDays(9).plusHours(20)).decide();
        assertThat(d.days()).isEqualTo(9);
        assertThat(d.windowDays()).isEqualTo(7);
        assertThat(d.window()).isEqualTo(PolicyDecision.Window.NO_REASON);
        assertThat(TEXTS.explain(d)).contains("9 天").contains("7 天").contains("无理由");
    }

    @Test
    void qualityWindowIsNamed() {
        PolicyDecision d = given().ask(Type.RETURN_REFUND, Reason.DAMAGED).deliveredDaysAgo(33).photos(AUTHENTIC).decide();
        assertThat(d.windowDays()).isEqualTo(30);
        assertThat(TEXTS.explain(d)).contains("33 天").contains("30 天").contains("质量");
    }

    @Test
    void missingDeliveryTimeIsEstimatedFromShipping() {
        PolicyDecision d = given().noDeliveredAt(Duration.ofDays(5).plusHours(3)).decide();
        assertThat(d.deliveryEstimated()).isTrue();
        assertThat(d.days()).isEqualTo(5);
        assertThat(given().decide().deliveryEstimated()).isFalse();
    }

    @Test
    void futureDeliveryTimeCountsAsDayZero() {
        assertThat(given().deliveredAgo(Duration.ofHours(-3)).decide().days()).isZero();
    }

    @Test
    void excludedCategoriesAreNamed() {
        PolicyDecision d = given().items(item("TEE-S", 1, "39.00"), item("PLATE", 1, "88.00"), item("PEACH", 2, "59.00")).decide();
        assertThat(d.categories()).containsExactly("定制", "生鲜");
        assertThat(TEXTS.explain(d)).contains("定制").contains("生鲜");
    }

    @Test
    void amountIsTheOrderTotalForTheWholeOrderAndTheItemsOtherwise() {
        Scenario whole = given().items(item("TEE-S", 2, "39.00"), item("MUG", 1, "45.00")).total("110.00");
        assertThat(whole.decide().amount()).isEqualByComparingTo("110.00");
        assertThat(whole.skus("TEE-S").decide().amount()).isEqualByComparingTo("78.00");
        assertThat(given().items(item("TEE-S", 2, "39.00"), item("MUG", 1, "45.00")).total("110.00").skus("TEE-S", "MUG").decide().amount())
                .isEqualByComparingTo("110.00");
    }

    @Test
    void exchangeNamesTheTargetAndNarrowsToItsItem() {
        PolicyDecision d = given().items(item("TEE-S", 1, "39.00"), item("MUG", 1, "45.00")).ask(Type.EXCHANGE, Reason.SIZE)
                .target("TEE-L").decide();
        assertThat(d.targetSku()).isEqualTo("TEE-L");
        assertThat(d.targetTitle()).isEqualTo("纯棉短袖 L");
        assertThat(d.items()).containsExactly("TEE-S");
        assertThat(d.amount()).isEqualByComparingTo("39.00");
        assertThat(TEXTS.explain(d)).contains("纯棉短袖 L");
    }

    @Test
    void exchangeWithoutTargetListsTheVariantsInStock() {
        PolicyDecision d = given().items(item("CAP-RED", 1, "29.00")).ask(Type.EXCHANGE, Reason.SIZE).decide();
        assertThat(d.variants()).containsExactly("CAP-BLUE", "CAP-GREEN");
        PolicyDecision only = given().ask(Type.EXCHANGE, Reason.SIZE).decide();
        assertThat(only.targetSku()).isEqualTo("TEE-L");
    }

    @Test
    void outOfStockNamesTheWantedVariant() {
        PolicyDecision d = given().ask(Type.EXCHANGE, Reason.SIZE).target("TEE-M").decide();
        assertThat(TEXTS.explain(d)).contains("纯棉短袖 M").contains("缺货");
    }

    @Test
    void alreadyOpenReportsTheExistingCase() {
        PolicyDecision d = given().open(Type.RETURN_REFUND, Status.PENDING_REVIEW).decide();
        assertThat(d.existingCase().caseId()).isEqualTo("AS-EXISTING-RETURN_REFUND");
        assertThat(d.caseStatus()).isEqualTo(Status.PENDING_REVIEW);
        assertThat(TEXTS.explain(d)).contains("AS-EXISTING-RETURN_REFUND").contains("审核中").contains("退货退款");
    }

    @Test
    void overTheLimitNamesTheLimit() {
        PolicyDecision d = given().ask(Type.REFUND_ONLY, Reason.DAMAGED).total("88.00").photos(AUTHENTIC).decide();
        assertThat(d.limit()).isEqualByComparingTo("50.00");
        assertThat(TEXTS.explain(d)).contains("50.00");
    }

    @ParameterizedTest
    @EnumSource(value = Type.class, names = {"RETURN_REFUND", "EXCHANGE"})
    void insuredReturnsMentionShippingInsurance(Type type) {
        Scenario s = given().insured().ask(type, Reason.SIZE).target(type == Type.EXCHANGE ? "TEE-L" : null);
        PolicyDecision d = s.decide();
        assertThat(d.insured()).isTrue();
        assertThat(TEXTS.explain(d)).contains("退货宝");
        assertThat(TEXTS.explain(given().ask(type, Reason.SIZE).target(s.target).decide())).doesNotContain("退货宝");
    }

    @Test
    void shippingInsuranceIsNotPromisedWhereNothingGoesBack() {
        assertThat(TEXTS.explain(given().insured().deliveredDaysAgo(9).decide())).doesNotContain("退货宝");
        assertThat(TEXTS.explain(given().insured().ask(Type.REFUND_ONLY, Reason.NO_REASON).decide())).doesNotContain("退货宝");
        assertThat(TEXTS.explain(given().insured().ask(Type.RETURN_REFUND, Reason.DAMAGED).photos(AUTHENTIC).decide())).contains("退货宝");
    }

    @Test
    void replayOfACaseRendersLikeTheOriginal() {
        for (Code code : Code.values()) {
            if (!code.approval()) {
                continue;
            }
            AfterSaleCase c = new AfterSaleCase("AS-R", "shop", "O-1", "buyer-1", Type.EXCHANGE, Reason.SIZE, List.of("TEE-S"),
                    new BigDecimal("39.00"), Status.APPROVED, List.of(), "TEE-L", null, null, code.name(), null, null, null);
            PolicyDecision d = PolicyEngine.replay(c, given().order());
            assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
            assertThat(TEXTS.explain(d)).doesNotContain("{");
        }
    }

    @Test
    void theEngineIsPure() {
        Scenario s = given().ask(Type.REFUND_ONLY, Reason.DAMAGED).photos(AUTHENTIC);
        assertThat(s.decide()).isEqualTo(s.decide());
    }
}
