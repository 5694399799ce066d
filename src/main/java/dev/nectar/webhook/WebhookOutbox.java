package dev.nectar.webhook;

import dev.nectar.platform.Json;
import dev.nectar.platform.MerchantEvent;
import dev.nectar.platform.NectarConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns every {@link MerchantEvent} into deliveries in the store, in the thread that fired it, so an event is durable
 * before the feature that fired it moves on; {@link WebhookDispatcher} sends them.
 */
@ApplicationScoped
public class WebhookOutbox {
    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class);

    private final WebhookStore store;
    private final RetrySchedule schedule;

    public WebhookOutbox(WebhookStore store, NectarConfig config) {
        this.store = store;
        this.schedule = RetrySchedule.of(config.webhooks());
    }

    void on(@Observes MerchantEvent event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("event", event.type());
        payload.put("createdAt", now.toString());
        payload.put("merchantId", event.merchantId());
        payload.put("data", event.data());
        try {
            store.enqueue(new WebhookStore.Event(id, event.merchantId(), event.type(), Json.write(payload), now),
                    schedule.deadline(now));
        } catch (RuntimeException e) {
            // the feature's own write has happened; failing it now would not undo that
            LOG.errorf(e, "webhook event %s %s of merchant %s could not be queued", event.type(), id, event.merchantId());
        }
    }
}
