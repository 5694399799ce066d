package dev.nectar.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The time window of a query ({@code from}/{@code to} as ISO-8601, the last 7 days by default): the service center, the audit log. */
public record Window(Instant from, Instant to) {
    static final Duration DEFAULT = Duration.ofDays(7);

    public static Window parse(String from, String to) {
        Instant end = time(to, "to");
        Instant until = end == null ? Instant.now() : end;
        Instant start = time(from, "from");
        Window w = new Window(start == null ? until.minus(DEFAULT) : start, until);
        if (w.from.isAfter(w.to)) {
            throw ApiException.invalid("from", "from must not be after to");
        }
        return w;
    }

    private static Instant time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, field + " must be an ISO-8601 time with offset, such as 2026-01-31T00:00:00+08:00");
        }
    }
}
