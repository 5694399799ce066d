package dev.nectar.platform.bus;

import dev.nectar.platform.redis.SharedRedis;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** One node alone delivers in process; nodes sharing a Redis deliver through it. Chosen at start, no rebuild. */
@ApplicationScoped
class FrameBusProducer {

    /** At start-up, so that a node reads frames for its sockets before it ever sends one. */
    @Produces
    @ApplicationScoped
    @Startup
    FrameBus frameBus(SharedRedis redis, LocalSockets sockets) {
        return redis.configured() ? new RedisFrameBus(redis, sockets).start() : new InMemoryFrameBus(sockets);
    }

    void close(@Disposes FrameBus bus) throws Exception {
        if (bus instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
