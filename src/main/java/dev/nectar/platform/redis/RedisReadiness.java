package dev.nectar.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether the shared Redis is reachable, but stays UP without it: a node without Redis still serves its
 * buyers from local state, and taking it out of the load balancer would only make that worse.
 */
@Readiness
@ApplicationScoped
class RedisReadiness implements HealthCheck {
    private final SharedRedis redis;

    RedisReadiness(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        String state = !redis.configured() ? "not configured" : redis.reachable() ? "reachable" : "unreachable (degraded: local state)";
        return HealthCheckResponse.named("redis").up().withData("redis", state).build();
    }
}
