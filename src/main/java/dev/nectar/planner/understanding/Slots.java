package dev.nectar.planner.understanding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one message says, grounded in the buyer's data. Every slot is empty when the message does not state it.
 *
 * @param orderIds          the buyer's own order ids the message names, spelt as in the buyer's data
 * @param foreignOrderIds   tokens shaped like order ids that are not the buyer's: answer them exactly like unknown ids
 * @param mentionedOrders   buyer orders whose items the message refers to by title or category, strongest first
 * @param mentionedProducts catalog products the message refers to, strongest first
 * @param priceMin          lower price bound (99元以上, 100-200元)
 * @param priceMax          upper price bound (100元以内, 不超过200, 100-200元)
 * @param priceAround       a target price (200块左右); the planner allows ±25%
 * @param weightKg          a weight in kilograms (20斤 → 10.0, 3.5kg → 3.5)
 * @param count             a number of things (家里有3只猫 → 3)
 * @param ageMonths         an age (8个月大 → 8, 2岁 → 24)
 * @param sizeTokens        sizes named, canonical (S M L XL XXL, 38 for 38码, 均码), in order
 * @param targetSize        the size asked for in an exchange (换成XL码 → XL)
 * @param sizeDirection     the way the buyer needs to go (小了 → BIGGER, 买大了 → SMALLER, 换大一码 → BIGGER)
 * @param ordinal           a pick from a list: 1-based, -1 for the last (第二个 → 2, 最后那个 → -1)
 * @param reason            why an after-sale is wanted, the strongest cue winning
 * @param afterSaleKind     what is asked for (不想退货了,直接退款 → REFUND_ONLY; 取消订单 → CANCEL)
 * @param yesNo             an answer, only when the message is essentially one (好的谢谢 → YES; 取消订单 → none)
 * @param statusHints       order states the message names (没付款的那个 → PENDING_PAYMENT), in order
 * @param cues              the lexicon hits behind reason, afterSaleKind, yesNo, ordinal, sizeDirection and
 *                          statusHints, for logs and explanations
 */
public record Slots(
        List<String> orderIds,
        List<String> foreignOrderIds,
        List<OrderMention> mentionedOrders,
        List<ProductMention> mentionedProducts,
        Optional<BigDecimal> priceMin,
        Optional<BigDecimal> priceMax,
        Optional<BigDecimal> priceAround,
        Optional<Double> weightKg,
        OptionalInt count,
        OptionalInt ageMonths,
        List<String> sizeTokens,
        Optional<String> targetSize,
        Optional<SizeDirection> sizeDirection,
        OptionalInt ordinal,
        Optional<Reason> reason,
        Optional<AfterSaleKind> afterSaleKind,
        Optional<YesNo> yesNo,
        List<OrderStatusHint> statusHints,
        List<Cue> cues) {

    /** These slots with the reason and after-sale kind a learned model read where the lexicons read none. */
    public Slots orLearned(Optional<Reason> learnedReason, Optional<AfterSaleKind> learnedKind) {
        return new Slots(orderIds, foreignOrderIds, mentionedOrders, mentionedProducts, priceMin, priceMax, priceAround,
                weightKg, count, ageMonths, sizeTokens, targetSize, sizeDirection, ordinal,
                reason.isPresent() ? reason : learnedReason, afterSaleKind.isPresent() ? afterSaleKind : learnedKind,
                yesNo, statusHints, cues);
    }
}
