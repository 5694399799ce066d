package dev.nectar.webhook;

import dev.nectar.platform.NectarConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * On every node every {@code nectar.webhooks.poll-every}: claims the due deliveries, posts them signed, and records
 * each outcome (2xx ends it; anything else, a timeout or a refused connection is retried on the schedule).
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 16;

    private final WebhookStore store;
    private final RetrySchedule schedule;
    private final Duration every;
    private final Duration timeout;
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-dispatch");
        t.setDaemon(true);
        return t;
    });

    public WebhookDispatcher(WebhookStore store, NectarConfig config) {
        this.store = store;
        this.schedule = RetrySchedule.of(config.webhooks());
        this.every = config.webhooks().pollEvery();
        this.timeout = config.webhooks().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void start(@Observes StartupEvent event) {
        timer.scheduleWithFixedDelay(this::dispatch, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops, letting a running batch finish, before the database closes. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(timeout.toSeconds() + 5, TimeUnit.SECONDS);
    }

    void dispatch() {
        try {
            List<WebhookStore.Claimed> due;
            do {
                // the lease outlasts the slowest answer, so no other node takes a delivery that is still being sent
                due = store.claimDue(Instant.now(), timeout.multipliedBy(3), BATCH);
                CompletableFuture.allOf(due.stream().map(this::send).toArray(CompletableFuture[]::new)).join();
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhook dispatch failed; the next poll retries");
        }
    }

    private CompletableFuture<Void> send(WebhookStore.Claimed d) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Nectar-Webhooks/1")
                .header("Nectar-Event", d.type())
                .header("Nectar-Delivery", d.deliveryId())
                .header("Nectar-Timestamp", String.valueOf(timestamp))
                .header("Nectar-Signature", WebhookSignature.sign(d.secret(), timestamp, d.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    Integer status = response == null ? null : response.statusCode();
                    record(d, status, failure);
                    return null;
                });
    }

    private void record(WebhookStore.Claimed d, Integer status, Throwable failure) {
        Instant now = Instant.now();
        boolean delivered = status != null && status >= 200 && status < 300;
        Instant retryAt = delivered ? null : schedule.next(d.attempts() + 1, now, d.deadline());
        if (!delivered) {
            LOG.warnf("webhook delivery %s (%s) refused: %s; %s", d.deliveryId(), d.type(),
                    status != null ? "HTTP " + status : failure.getClass().getSimpleName(),
                    retryAt == null ? "given up" : "retry at " + retryAt);
        }
        try {
            store.record(d, now, status, delivered, retryAt);
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhook delivery %s could not be recorded; it is sent again when its lease ends", d.deliveryId());
        }
    }
}
