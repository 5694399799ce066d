package dev.nectar.chat;

import dev.nectar.RedisProcess;
import dev.nectar.TestConfigs;
import dev.nectar.platform.redis.SharedRedis;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on a real Redis, plus what only a shared store can do: one budget across nodes, and outages. */
class RedisRateLimiterIT extends RateLimiterContract {
    private static final List<SharedRedis> clients = new ArrayList<>();
    private static Vertx vertx;
    private static RedisProcess redis;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        redis = RedisProcess.start();
    }

    @AfterAll
    static void stop() throws Exception {
        clients.forEach(SharedRedis::close);
        vertx.close().toCompletionStage().toCompletableFuture().get();
        redis.close();
    }

    /** A node's limiter: a client of its own on the shared Redis. */
    private static RedisRateLimiter node() {
        SharedRedis client = new SharedRedis(vertx, TestConfigs.nectar(Map.of("redis-url", redis.url())));
        clients.add(client);
        assertThat(client.ping()).isTrue();
        return new RedisRateLimiter(client, BUDGET);
    }

    @Override
    RateLimiter limiter() {
        return node();
    }

    @Test
    void nodesShareOneBudget() {
        RateLimiter first = node();
        RateLimiter second = node();
        String key = freshKey();
        int passed = 0;
        for (int i = 0; i < BUDGET.burst(); i++) {
            passed += (i % 2 == 0 ? first : second).tryAcquire(key) ? 1 : 0;
        }
        assertThat(passed).isEqualTo(BUDGET.burst());
        assertThat(first.tryAcquire(key)).isFalse();
        assertThat(second.tryAcquire(key)).isFalse();
    }

    @Test
    void whileRedisIsAwayTheNodeDecidesAlone() throws Exception {
        RateLimiter limiter = node();
        String key = freshKey();
        assertThat(limiter.tryAcquire(key)).isTrue();
        redis.stop();
        try {
            int passed = 0;
            for (int i = 0; i <= BUDGET.burst(); i++) {
                passed += limiter.tryAcquire(key) ? 1 : 0;
            }
            assertThat(passed).as("the local bucket serves, and still limits").isEqualTo(BUDGET.burst());
        } finally {
            redis.resume();
        }
        Thread.sleep(1100); // past the pause before Redis is tried again
        String fresh = freshKey();
        for (int i = 0; i < BUDGET.burst(); i++) {
            limiter.tryAcquire(fresh);
        }
        assertThat(node().tryAcquire(fresh)).as("back on the shared budget").isFalse();
    }
}
