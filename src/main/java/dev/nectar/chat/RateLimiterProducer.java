package dev.nectar.chat;

import dev.nectar.platform.NectarConfig;
import dev.nectar.platform.redis.SharedRedis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Budgets shared through Redis when the nodes have one, else per node. */
@ApplicationScoped
class RateLimiterProducer {

    @Produces
    @ApplicationScoped
    RateLimiter rateLimiter(SharedRedis redis, NectarConfig config) {
        RateLimiter.Budget budget = new RateLimiter.Budget(config.limits().chatBurst(), config.limits().chatPerSecond());
        return redis.configured() ? new RedisRateLimiter(redis, budget) : new InMemoryRateLimiter(budget);
    }
}
