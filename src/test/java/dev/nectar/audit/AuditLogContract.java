package dev.nectar.audit;

import dev.nectar.platform.Database;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the audit log promises, on the embedded database and on PostgreSQL. */
abstract class AuditLogContract {

    abstract Database db();

    private static String merchant() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<AuditEntry> all(AuditLog log, String m) {
        return log.list(m, Instant.now().minus(Duration.ofHours(1)), Instant.now().plusSeconds(1), Optional.empty(), 1000);
    }

    @Test
    void aScriptedDayIsListedInOrderWithActorTargetAndDetails() {
        AuditLog log = new JdbcAuditLog(db());
        String m = merchant();
        log.append(m, AuditEntry.Actor.merchant(m), AuditAction.POLICY_CHANGED, "policy", Map.of());
        log.append(m, AuditEntry.Actor.merchant(m), AuditAction.KNOWLEDGE_CHANGED, "doc-1", Map.of("change", "ADDED"));
        log.append(m, AuditEntry.Actor.buyer("b1"), AuditAction.CASE_CREATED, "AS1", Map.of("orderId", "O1", "amount", 59.0));
        log.append(m, AuditEntry.Actor.buyer("b1"), AuditAction.ORDER_CANCELLED, "O2", Map.of());
        log.append(m, AuditEntry.Actor.merchant(m), AuditAction.CASE_DECIDED, "AS1", Map.of("status", "APPROVED"));
        log.append(m, AuditEntry.Actor.merchant(m), AuditAction.API_KEY_ROTATED, m, Map.of("graceSeconds", 60));
        log.append(m, AuditEntry.Actor.merchant(m), AuditAction.TOKENS_REVOKED, "b1", Map.of());
        log.append(m, AuditEntry.Actor.merchant(m), AuditAction.BUYER_ERASED, "b1", Map.of());
        log.append(merchant(), AuditEntry.Actor.system(), AuditAction.POLICY_CHANGED, "policy", Map.of());

        List<AuditEntry> day = all(log, m);
        assertThat(day).extracting(AuditEntry::action).containsExactly("POLICY_CHANGED", "KNOWLEDGE_CHANGED",
                "CASE_CREATED", "ORDER_CANCELLED", "CASE_DECIDED", "API_KEY_ROTATED", "TOKENS_REVOKED", "BUYER_ERASED");
        AuditEntry created = day.get(2);
        assertThat(created.actor()).isEqualTo(AuditEntry.Actor.buyer("b1"));
        assertThat(created.target()).isEqualTo("AS1");
        assertThat(created.details()).containsEntry("orderId", "O1");
        assertThat(new java.math.BigDecimal(created.details().get("amount").toString())).isEqualByComparingTo("59");
        assertThat(created.at()).isBetween(Instant.now().minusSeconds(60).atOffset(java.time.ZoneOffset.UTC),
                Instant.now().plusSeconds(1).atOffset(java.time.ZoneOffset.UTC));
        assertThat(log.list(m, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(1), Optional.of(AuditAction.CASE_DECIDED), 10))
                .extracting(AuditEntry::target).containsExactly("AS1");
        assertThat(log.list(m, Instant.now().plusSeconds(60), Instant.now().plusSeconds(120), Optional.empty(), 10)).isEmpty();
        assertThat(log.list(m, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(1), Optional.empty(), 3)).hasSize(3);
    }

    @Test
    void entriesCannotBeChangedOrRemovedEvenInSql() {
        AuditLog log = new JdbcAuditLog(db());
        String m = merchant();
        log.append(m, AuditEntry.Actor.merchant(m), AuditAction.POLICY_CHANGED, "policy", Map.of());
        assertThatThrownBy(() -> db().update("UPDATE audit_log SET action = 'BUYER_ERASED' WHERE merchant_id = ?", m))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> db().update("DELETE FROM audit_log WHERE merchant_id = ?", m))
                .hasStackTraceContaining("append-only");
        assertThat(all(log, m)).extracting(AuditEntry::action).containsExactly("POLICY_CHANGED");
    }
}
