package dev.nectar.audit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** The embedded database's guard of the audit log (V32__audit.sql): every UPDATE or DELETE of a row fails. */
public class AppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only", "P0001");
    }
}
