package dev.nectar.chat;

import dev.nectar.platform.redis.SharedRedis;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.time.Duration;

/**
 * The token buckets of {@link InMemoryRateLimiter}, kept in Redis so that a buyer's budget holds across nodes
 * (a script cannot multiply it by reconnecting through the load balancer). Refill runs on Redis's clock inside one
 * script, so the check is atomic and node clocks do not matter. While Redis is away the node's own buckets decide:
 * buyers keep being served, at worst with one budget per node.
 */
final class RedisRateLimiter implements RateLimiter {
    private static final String SCRIPT = """
            local burst = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(b[1]) or burst
            local at = tonumber(b[2]) or now
            tokens = math.min(burst, tokens + (now - at) / 1000 * rate)
            local ok = 0
            if tokens >= 1 then
              tokens = tokens - 1
              ok = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return ok
            """;
    /** A rate check is on the path of every message: it waits for Redis only this long. */
    private static final Duration TIMEOUT = Duration.ofMillis(250);
    /** After a failure, Redis is tried again only after this, so an outage does not slow every message. */
    private static final long RETRY_AFTER_NANOS = Duration.ofSeconds(1).toNanos();

    private final SharedRedis redis;
    private final Budget budget;
    private final RateLimiter local;
    /** System.nanoTime() before which Redis is not asked; compared by difference, as nanoTime may be negative. */
    private volatile long retryAt = System.nanoTime();

    RedisRateLimiter(SharedRedis redis, Budget budget) {
        this.redis = redis;
        this.budget = budget;
        this.local = new InMemoryRateLimiter(budget);
    }

    @Override
    public boolean tryAcquire(String key) {
        long now = System.nanoTime();
        if (now - retryAt < 0) {
            return local.tryAcquire(key);
        }
        try {
            return redis.send(Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg("nectar:rate:" + key)
                    .arg(budget.burst()).arg(String.valueOf(budget.perSecond())).arg(budget.refillMillis() + 1000), TIMEOUT)
                    .toInteger() == 1;
        } catch (SharedRedis.RedisUnavailableException e) {
            retryAt = now + RETRY_AFTER_NANOS;
            return local.tryAcquire(key);
        }
    }
}
