package dev.nectar.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A merchant's append-only record of who did what: there is no way to change or remove an entry. */
public interface AuditLog {

    void append(String merchantId, AuditEntry.Actor actor, AuditAction action, String target, Map<String, Object> details);

    /** Entries of the merchant in [from, to), oldest first, at most {@code limit}; only one action when given. */
    List<AuditEntry> list(String merchantId, Instant from, Instant to, Optional<AuditAction> action, int limit);
}
