package dev.nectar.chat;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link RateLimiter} promises, whatever keeps the buckets. */
abstract class RateLimiterContract {

    /** Small and slow, so that a check is never refilled by the time the test makes its next call. */
    static final RateLimiter.Budget BUDGET = new RateLimiter.Budget(5, 1.0);

    abstract RateLimiter limiter();

    static String freshKey() {
        return "m:" + UUID.randomUUID();
    }

    @Test
    void aBurstPassesThenTheBudgetIsSpent() {
        RateLimiter limiter = limiter();
        String key = freshKey();
        for (int i = 0; i < BUDGET.burst(); i++) {
            assertThat(limiter.tryAcquire(key)).as("message %d of the burst", i + 1).isTrue();
        }
        assertThat(limiter.tryAcquire(key)).isFalse();
    }

    @Test
    void buyersHaveBudgetsOfTheirOwn() {
        RateLimiter limiter = limiter();
        String spent = freshKey();
        for (int i = 0; i <= BUDGET.burst(); i++) {
            limiter.tryAcquire(spent);
        }
        assertThat(limiter.tryAcquire(spent)).isFalse();
        assertThat(limiter.tryAcquire(freshKey())).isTrue();
    }

    @Test
    void theBudgetRefillsWithTime() throws InterruptedException {
        RateLimiter limiter = limiter();
        String key = freshKey();
        while (limiter.tryAcquire(key)) {
            // spend it all
        }
        Thread.sleep((long) (1000 / BUDGET.perSecond()) + 200);
        assertThat(limiter.tryAcquire(key)).isTrue();
    }
}
