package dev.nectar.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/** Node-wide values that must be the same on every node and survive restarts (kept in the database). */
@ApplicationScoped
public class Settings {
    private final Database db;

    public Settings(Database db) {
        this.db = db;
    }

    /** The stored value, or the supplied one stored first; concurrent first calls agree on one value. */
    public String getOrCreate(String name, Supplier<String> initial) {
        return db.queryOne("SELECT value FROM settings WHERE name = ?", rs -> rs.getString(1), name).orElseGet(() -> {
            try {
                db.update("INSERT INTO settings (name, value) VALUES (?, ?)", name, initial.get());
            } catch (Database.StoreException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
            }
            return db.queryOne("SELECT value FROM settings WHERE name = ?", rs -> rs.getString(1), name).orElseThrow();
        });
    }
}
