package dev.nectar.quality;

import dev.nectar.platform.NectarConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Every {@code nectar.quality.sweep-every}, on every node: inspects the conversations that became due. Nodes may
 * sweep at the same moment; the claim in the store lets each conversation be inspected by one of them only.
 */
@ApplicationScoped
public class QualitySweep {
    private static final Logger LOG = Logger.getLogger(QualitySweep.class);

    private final QualityStore store;
    private final Inspector inspector;
    private final NectarConfig.Quality config;

    public QualitySweep(QualityStore store, Inspector inspector, NectarConfig config) {
        this.store = store;
        this.inspector = inspector;
        this.config = config.quality();
    }

    @Scheduled(every = "${nectar.quality.sweep-every}", delayed = "${nectar.quality.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = Instant.now();
        for (QualityStore.Due due : store.due(now.minus(config.idleAfter()), now.minus(config.claimTimeout()), config.sweepBatch())) {
            try {
                inspector.inspectOnce(due.merchantId(), due.conversationId());
            } catch (RuntimeException e) {
                // the claim stays until it times out, then a later sweep tries again
                LOG.errorf(e, "inspection of conversation %s failed", due.conversationId());
            }
        }
    }
}
