package dev.nectar.webhook;

import dev.nectar.platform.NectarConfig;

import java.time.Duration;
import java.time.Instant;

/** Exponential backoff: the first retry after {@code first-retry}, doubling up to {@code max-backoff}, until the deadline. */
public record RetrySchedule(Duration firstRetry, Duration maxBackoff, Duration retryFor) {

    public static RetrySchedule of(NectarConfig.Webhooks config) {
        return new RetrySchedule(config.firstRetry(), config.maxBackoff(), config.retryFor());
    }

    /** When the delivery created now must be given up. */
    public Instant deadline(Instant now) {
        return now.plus(retryFor);
    }

    /**
     * @param failed attempts made so far, the one that just failed included (1 or more)
     * @return when to try again, or null when that would be past the deadline
     */
    public Instant next(int failed, Instant now, Instant deadline) {
        Duration wait = firstRetry;
        for (int i = 1; i < failed && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        Instant at = now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
        return at.isAfter(deadline) ? null : at;
    }
}
