package dev.nectar.chat;

class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    RateLimiter limiter() {
        return new InMemoryRateLimiter(BUDGET);
    }
}
