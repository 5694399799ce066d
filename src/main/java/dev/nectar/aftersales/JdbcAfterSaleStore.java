package dev.nectar.aftersales;

import dev.nectar.aftersales.AfterSaleCase.Status;
import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Cases in table {@code after_sale_cases}. Two unique constraints make creation idempotent under any concurrency:
 * {@code (merchant_id, open_key)} where the open key is {@code orderId|type} while the case is open and NULL once
 * rejected (NULLs never collide, in H2 as in PostgreSQL), and {@code (merchant_id, buyer_id, action_id)}.
 */
@ApplicationScoped
public class JdbcAfterSaleStore implements AfterSaleStore {
    private static final String COLUMNS = "SELECT body FROM after_sale_cases ";
    /** Losing a race against a case that is rejected right after can repeat; a few rounds settle it. */
    private static final int INSERT_ATTEMPTS = 3;

    private final Database db;

    public JdbcAfterSaleStore(Database db) {
        this.db = db;
    }

    @Override
    public Insert create(AfterSaleCase c, String actionId) {
        if (!c.status().open()) {
            throw new IllegalArgumentException("only open cases are created");
        }
        for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
            try {
                db.update("INSERT INTO after_sale_cases (merchant_id, case_id, order_id, buyer_id, type, status, open_key, "
                                + "action_id, created_at, updated_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        c.merchantId(), c.caseId(), c.orderId(), c.buyerId(), c.type().name(), c.status().name(), c.openKey(),
                        actionId, c.createdAt().toInstant(), Instant.now(), Json.write(c));
                return new Insert(c, Insert.Kind.CREATED);
            } catch (Database.StoreException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
            }
            Optional<AfterSaleCase> same = actionId == null ? Optional.empty() : findByAction(c.merchantId(), c.buyerId(), actionId);
            if (same.isPresent()) {
                return new Insert(same.get(), Insert.Kind.SAME_ACTION);
            }
            Optional<AfterSaleCase> open = findOpen(c.merchantId(), c.orderId(), c.type());
            if (open.isPresent()) {
                return new Insert(open.get(), Insert.Kind.OPEN_EXISTS);
            }
        }
        throw new IllegalStateException("case " + c.caseId() + " kept colliding with cases that closed meanwhile");
    }

    @Override
    public Optional<AfterSaleCase> find(String merchantId, String caseId) {
        return db.queryOne(COLUMNS + "WHERE merchant_id = ? AND case_id = ?", JdbcAfterSaleStore::map, merchantId, caseId);
    }

    @Override
    public Optional<AfterSaleCase> findByAction(String merchantId, String buyerId, String actionId) {
        return db.queryOne(COLUMNS + "WHERE merchant_id = ? AND buyer_id = ? AND action_id = ?", JdbcAfterSaleStore::map,
                merchantId, buyerId, actionId);
    }

    @Override
    public List<AfterSaleCase> openCases(String merchantId, String orderId) {
        return db.query(COLUMNS + "WHERE merchant_id = ? AND order_id = ? AND open_key IS NOT NULL ORDER BY created_at",
                JdbcAfterSaleStore::map, merchantId, orderId);
    }

    @Override
    public List<AfterSaleCase> list(String merchantId, String orderId, String buyerId, Status status) {
        StringBuilder sql = new StringBuilder(COLUMNS + "WHERE merchant_id = ?");
        List<Object> params = new ArrayList<>(List.of(merchantId));
        if (orderId != null) {
            sql.append(" AND order_id = ?");
            params.add(orderId);
        }
        if (buyerId != null) {
            sql.append(" AND buyer_id = ?");
            params.add(buyerId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        sql.append(" ORDER BY created_at DESC, case_id");
        return db.query(sql.toString(), JdbcAfterSaleStore::map, params.toArray());
    }

    @Override
    public List<AfterSaleCase> byBuyerSince(String merchantId, String buyerId, Instant since) {
        return db.query(COLUMNS + "WHERE merchant_id = ? AND buyer_id = ? AND created_at >= ? ORDER BY created_at",
                JdbcAfterSaleStore::map, merchantId, buyerId, since);
    }

    @Override
    public Optional<AfterSaleCase> decide(String merchantId, String caseId, Collection<Status> from, Status to,
                                          String note, OffsetDateTime at) {
        return db.inTransaction(c -> {
            Optional<AfterSaleCase> current = Database.query(c, COLUMNS + "WHERE merchant_id = ? AND case_id = ?",
                    JdbcAfterSaleStore::map, merchantId, caseId).stream().findFirst();
            if (current.isEmpty() || !from.contains(current.get().status())) {
                return Optional.empty();
            }
            AfterSaleCase updated = current.get().decided(to, note, at);
            // the status column guards the change, so two concurrent decisions cannot both succeed
            int n = Database.update(c, "UPDATE after_sale_cases SET status = ?, open_key = ?, body = ?, updated_at = ? "
                            + "WHERE merchant_id = ? AND case_id = ? AND status = ?", to.name(), updated.openKey(),
                    Json.write(updated), Instant.now(), merchantId, caseId, current.get().status().name());
            return n == 1 ? Optional.of(updated) : Optional.<AfterSaleCase>empty();
        });
    }

    @Override
    public int anonymise(String merchantId, String buyerId, String pseudonym) {
        return db.inTransaction(c -> {
            List<AfterSaleCase> own = Database.query(c, COLUMNS + "WHERE merchant_id = ? AND buyer_id = ? FOR UPDATE",
                    JdbcAfterSaleStore::map, merchantId, buyerId);
            for (AfterSaleCase a : own) {
                // the confirmation id went with the conversation
                Database.update(c, "UPDATE after_sale_cases SET buyer_id = ?, action_id = NULL, body = ?, updated_at = ? "
                        + "WHERE merchant_id = ? AND case_id = ?", pseudonym, Json.write(a.anonymised(pseudonym)), Instant.now(),
                        merchantId, a.caseId());
            }
            return own.size();
        });
    }

    private static AfterSaleCase map(ResultSet rs) throws SQLException {
        return Json.read(rs.getString(1), AfterSaleCase.class);
    }
}
