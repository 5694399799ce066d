package dev.nectar.aftersales;

import java.time.Instant;
import java.util.List;

/**
 * A buyer's after-sales history over the policy's profile window: how many refund-only and return cases they
 * opened (whatever became of them: a rejected request still counts as an attempt) against how many orders they
 * placed in the same window.
 */
public record BuyerProfile(int windowDays, int orders, int refundOnlyCount, int returnCount) {

    public static BuyerProfile empty(int windowDays) {
        return new BuyerProfile(windowDays, 0, 0, 0);
    }

    /** Counts cases and orders created at or after {@code since}. */
    public static BuyerProfile of(int windowDays, Instant since, List<AfterSaleCase> cases, List<Instant> orderTimes) {
        List<AfterSaleCase> recent = cases.stream().filter(c -> !c.createdAt().toInstant().isBefore(since)).toList();
        return new BuyerProfile(windowDays, (int) orderTimes.stream().filter(t -> !t.isBefore(since)).count(),
                (int) recent.stream().filter(c -> c.type() == AfterSaleCase.Type.REFUND_ONLY).count(),
                (int) recent.stream().filter(c -> c.type() == AfterSaleCase.Type.RETURN_REFUND).count());
    }

    /** Refund-only cases per order in the window (cases on older orders still count, hence at least one order). */
    public double refundOnlyShare() {
        return share(refundOnlyCount);
    }

    public double returnShare() {
        return share(returnCount);
    }

    private double share(int count) {
        return (double) count / Math.max(1, orders);
    }
}
