package dev.nectar.aftersales;

import dev.nectar.aftersales.AfterSaleCase.Status;
import dev.nectar.aftersales.AfterSaleCase.Type;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * After-sales cases. Idempotency lives here, not in callers: at most one open case per merchant, order and type,
 * and at most one case per buyer confirmation ({@code actionId}), however many requests race.
 */
public interface AfterSaleStore {

    /** What {@link #create} did. */
    record Insert(AfterSaleCase afterSale, Kind kind) {
        public enum Kind {
            /** this call stored the case */
            CREATED,
            /** the same confirmation stored a case before; that case is returned */
            SAME_ACTION,
            /** another open case of the order and type exists; it is returned and nothing is stored */
            OPEN_EXISTS
        }
    }

    /**
     * Stores an open case unless the order already has an open case of its type or {@code actionId} (may be null)
     * already produced a case for this buyer.
     */
    Insert create(AfterSaleCase c, String actionId);

    Optional<AfterSaleCase> find(String merchantId, String caseId);

    Optional<AfterSaleCase> findByAction(String merchantId, String buyerId, String actionId);

    /** The order's open cases, any type. */
    List<AfterSaleCase> openCases(String merchantId, String orderId);

    /** Newest first; null filters match everything. */
    List<AfterSaleCase> list(String merchantId, String orderId, String buyerId, Status status);

    /** The buyer's cases created at or after {@code since}. */
    List<AfterSaleCase> byBuyerSince(String merchantId, String buyerId, Instant since);

    /**
     * Moves a case whose status is one of {@code from} to {@code to}, atomically; a REJECTED case no longer holds
     * its order's open key.
     *
     * @return the updated case, or empty when it does not exist or was not in one of those states
     */
    Optional<AfterSaleCase> decide(String merchantId, String caseId, Collection<Status> from, Status to, String note,
                                   OffsetDateTime at);

    /**
     * Gives the buyer's cases to {@code pseudonym} without their personal fields ({@link AfterSaleCase#anonymised});
     * ids, items, amounts and statuses stay. Returns how many cases.
     */
    int anonymise(String merchantId, String buyerId, String pseudonym);

    default Optional<AfterSaleCase> findOpen(String merchantId, String orderId, Type type) {
        return openCases(merchantId, orderId).stream().filter(c -> c.type() == type).findFirst();
    }
}
