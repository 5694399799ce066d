package dev.nectar.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
    private final Instant t0 = Instant.parse("2026-12-03T00:00:00Z");

    @Test
    void theFirstRetryComesWithinAMinuteAndEachWaitDoublesUpToTheCap() {
        Instant deadline = schedule.deadline(t0);
        assertThat(schedule.next(1, t0, deadline)).isEqualTo(t0.plusSeconds(30));
        assertThat(schedule.next(2, t0, deadline)).isEqualTo(t0.plusSeconds(60));
        assertThat(schedule.next(5, t0, deadline)).isEqualTo(t0.plusSeconds(480));
        assertThat(schedule.next(8, t0, deadline)).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(schedule.next(1000, t0, deadline)).isEqualTo(t0.plus(Duration.ofHours(1)));
    }

    @Test
    void retriesGoOnForTwentyFourHoursThenStop() {
        Instant deadline = schedule.deadline(t0);
        assertThat(deadline).isEqualTo(t0.plus(Duration.ofHours(24)));
        Instant at = t0;
        int attempts = 1;
        for (Instant next = schedule.next(attempts, at, deadline); next != null; next = schedule.next(++attempts, at, deadline)) {
            at = next;
        }
        assertThat(at).isAfter(t0.plus(Duration.ofHours(23))).isBeforeOrEqualTo(deadline);
        assertThat(attempts).isBetween(25, 40);
    }
}
