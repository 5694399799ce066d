package dev.nectar.handoff;

import dev.nectar.platform.NectarConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What time alone changes, on every node every {@code nectar.handoff.sweep-every}: this node's consoles stay live,
 * an agent gone longer than the grace period loses their conversations to the queue, tickets of buyers who ended
 * the conversation leave the line, and waiting handoffs are routed again (a skilled one becomes open to general agents once it has waited long enough).
 */
@ApplicationScoped
public class HandoffSweeper {
    private static final Logger LOG = Logger.getLogger(HandoffSweeper.class);

    private final HandoffStore handoffs;
    private final AgentPresence presence;
    private final HandoffRouter router;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "handoff-sweep");
        t.setDaemon(true);
        return t;
    });
    private final Duration every;
    private final Duration grace;

    public HandoffSweeper(HandoffStore handoffs, AgentPresence presence, HandoffRouter router, NectarConfig config) {
        this.handoffs = handoffs;
        this.presence = presence;
        this.router = router;
        this.every = config.handoff().sweepEvery();
        this.grace = config.handoff().agentGrace();
    }

    void start(@Observes StartupEvent event) {
        timer.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops, letting a running sweep finish, before the database closes. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            presence.heartbeat();
            Instant cutoff = Instant.now().minus(grace);
            for (HandoffStore.Holder holder : handoffs.holders()) {
                if (presence.goneSince(holder.merchantId(), holder.agentId(), cutoff)) {
                    handoffs.heldBy(holder.merchantId(), holder.agentId()).forEach(router::requeue);
                }
            }
            Instant now = Instant.now();
            handoffs.abandoned().forEach(h -> router.close(h, now));
            handoffs.merchantsWaiting().forEach(router::dispatch);
        } catch (RuntimeException e) {
            LOG.errorf(e, "handoff sweep failed; the next one retries");
        }
    }
}
