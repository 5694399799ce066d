package dev.nectar.platform.redis;

import dev.nectar.platform.NectarConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.quarkus.runtime.StartupEvent;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Redis that the nodes of one deployment share, when {@code nectar.redis-url} names one. Everything kept here
 * is shared but expendable (frames in transit, rate budgets): what must survive lives in the database, so a node
 * keeps serving from local state while Redis is away, and this class only tracks whether it is reachable.
 */
@ApplicationScoped
public class SharedRedis {
    private static final Logger LOG = Logger.getLogger(SharedRedis.class);

    private final Optional<Redis> client;
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    public SharedRedis(Vertx vertx, NectarConfig config) {
        this.client = config.redisUrl().filter(u -> !u.isBlank()).map(url -> Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(url).setMaxPoolSize(16).setMaxPoolWaiting(256).setPoolRecycleTimeout(15_000)
                // replies are read by position (XREAD in particular) in the RESP2 shape
                .setPreferredProtocolVersion(ProtocolVersion.RESP2)));
    }

    public boolean configured() {
        return client.isPresent();
    }

    public boolean reachable() {
        return configured() && reachable.get();
    }

    /**
     * Opens the first connection with time to spare, so that the short timeouts of calls on a buyer's path are not
     * spent on a cold start.
     */
    public boolean ping() {
        try {
            send(Request.cmd(Command.PING), Duration.ofSeconds(5));
            return true;
        } catch (RedisUnavailableException e) {
            return false;
        }
    }

    void warmUp(@Observes StartupEvent event) {
        if (!configured()) {
            return;
        }
        if (ping()) {
            LOG.info("shared Redis reachable: frames between nodes and rate budgets go through it");
        } else {
            LOG.warn("shared Redis is not reachable at start-up: serving from local state until it is");
        }
    }

    /** Sends one command and waits at most {@code timeout}; failures mark Redis unreachable until a call succeeds. */
    public Response send(Request request, Duration timeout) throws RedisUnavailableException {
        return await(redis().send(request), timeout);
    }

    /** Sends the commands pipelined on one connection, so they apply in order. */
    public List<Response> batch(List<Request> requests, Duration timeout) throws RedisUnavailableException {
        return await(redis().batch(requests), timeout);
    }

    /** A connection of its own, for blocking reads that must not hold a pooled one. */
    public Future<RedisConnection> connect() {
        return redis().connect();
    }

    /** Reports the outcome of a call made on a connection of its own. */
    public void observed(boolean success) {
        if (reachable.compareAndSet(!success, success)) {
            if (success) {
                LOG.info("Redis is reachable again");
            } else {
                LOG.warn("Redis is unreachable: serving from local state until it returns");
            }
        }
    }

    private <T> T await(Future<T> future, Duration timeout) throws RedisUnavailableException {
        try {
            T result = future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            observed(true);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailableException(e);
        } catch (Exception e) {
            observed(false);
            throw new RedisUnavailableException(e);
        }
    }

    private Redis redis() {
        return client.orElseThrow(() -> new IllegalStateException("nectar.redis-url is not set"));
    }

    @PreDestroy
    public void close() {
        client.ifPresent(Redis::close);
    }

    /** Redis did not answer in time or refused; callers fall back to local state. */
    public static class RedisUnavailableException extends Exception {
        RedisUnavailableException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
