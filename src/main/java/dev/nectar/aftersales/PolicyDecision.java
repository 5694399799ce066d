package dev.nectar.aftersales;

import dev.nectar.aftersales.AfterSaleCase.Reason;
import dev.nectar.aftersales.AfterSaleCase.Status;
import dev.nectar.aftersales.AfterSaleCase.Type;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the policy says about one request, with the facts a reply needs to explain it.
 *
 * @param items              the order skus the case would cover
 * @param amount             the money the case concerns (the order total when it covers the whole order)
 * @param days               whole days since delivery (null when the order is not delivered)
 * @param windowDays         the window that applied (no-reason or quality), null when none did
 * @param window             which window applied
 * @param deliveryEstimated  true when the order has no deliveredAt and an earlier time stood in for it
 * @param categories         the excluded categories the items fell into (EXCLUDED_CATEGORY)
 * @param targetSku          the exchange target
 * @param targetTitle        its title
 * @param variants           variants to choose from (TARGET_NEEDED) or all out of stock (OUT_OF_STOCK without target)
 * @param limit              the auto-approve limit for refund-only (OVER_AUTO_APPROVE_LIMIT)
 * @param insured            the order carries 退货宝: return shipping is covered
 * @param existingCase       the open case this request ran into (ALREADY_OPEN) or replays
 */
public record PolicyDecision(Outcome outcome, Code code, Type type, Reason reason, String orderId, List<String> items,
                             BigDecimal amount, Integer days, Integer windowDays, Window window,
                             boolean deliveryEstimated, List<String> categories, String targetSku, String targetTitle,
                             List<String> variants, BigDecimal limit, boolean insured, AfterSaleCase existingCase) {

    public enum Outcome {
        /** a case is created APPROVED */
        APPROVE,
        /** a case is created PENDING_REVIEW */
        REVIEW,
        /** no case yet: the bot asks for a photo */
        NEEDS_EVIDENCE,
        /** no case yet: the bot asks which variant (exchange) */
        NEEDS_TARGET,
        /** no case: the bot explains why */
        REFUSE,
        /** an open case of this order and type exists; it is reported and none is created */
        ALREADY_OPEN
    }

    public enum Window { NO_REASON, QUALITY }

    /** Why; each has an explanation template in prompts/aftersales/reasons.json. */
    public enum Code {
        // approved
        CANCEL_ACCEPTED, RETURN_ACCEPTED, QUALITY_ACCEPTED, REFUND_ACCEPTED, EXCHANGE_ACCEPTED,
        // asks
        EVIDENCE_NEEDED, TARGET_NEEDED,
        // to review
        EVIDENCE_SUSPICIOUS, ABUSE_PATTERN, OVER_AUTO_APPROVE_LIMIT, NOT_RECEIVED_REVIEW, UNKNOWN_PRODUCT, OTHER_CASE_OPEN,
        // refused
        WINDOW_PASSED, EXCLUDED_CATEGORY, NOT_SHIPPED, NOT_DELIVERED, ORDER_CANCELLED, ITEM_NOT_IN_ORDER, OUT_OF_STOCK,
        NO_VARIANT, EXCHANGE_NOT_RECEIVED, NOT_CANCELLABLE_SHIPPED, NOT_CANCELLABLE_DONE, ALREADY_CANCELLED,
        // rule 8
        ALREADY_OPEN;

        /** True for the codes a case is approved with. */
        public boolean approval() {
            return name().endsWith("_ACCEPTED");
        }
    }

    /** The status of the case this decision leads to (or of the existing one), null when there is none. */
    public Status caseStatus() {
        return switch (outcome) {
            case APPROVE -> Status.APPROVED;
            case REVIEW -> Status.PENDING_REVIEW;
            case NEEDS_EVIDENCE -> Status.NEEDS_EVIDENCE;
            case ALREADY_OPEN -> existingCase.status();
            case NEEDS_TARGET, REFUSE -> null;
        };
    }

    /** True when submitting this decision creates a case. */
    public boolean createsCase() {
        return outcome == Outcome.APPROVE || outcome == Outcome.REVIEW;
    }

    /** Goods travel back to the merchant, so 退货宝 is worth mentioning. */
    public boolean goodsReturned() {
        return type == Type.RETURN_REFUND || type == Type.EXCHANGE;
    }
}
