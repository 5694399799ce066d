package dev.nectar.webhook;

import dev.nectar.platform.Database;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every webhook store must guarantee, on embedded H2 and PostgreSQL: an event is queued once per subscribed
 * endpoint of its merchant only; a due delivery goes to exactly one of several racing claimers (two stores on one
 * database, as two nodes) and to nobody while its lease lasts; an attempt recorded under a lost claim is ignored;
 * retries, giving up and re-sends show in the log.
 */
abstract class WebhookStoreContract {
    private static final Duration LEASE = Duration.ofSeconds(30);

    abstract Database db();

    private final String merchant = "m-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private WebhookStore store() {
        return new JdbcWebhookStore(db());
    }

    private Webhook webhook(String merchantId, String... events) {
        Webhook w = new Webhook("wh_" + UUID.randomUUID(), merchantId, "http://127.0.0.1:9/hook", List.of(events), t0);
        store().create(w, "secret-" + w.webhookId());
        return w;
    }

    private static WebhookStore.Event event(String merchantId, String type, Instant at) {
        String id = "evt_" + UUID.randomUUID();
        return new WebhookStore.Event(id, merchantId, type, "{\"id\":\"" + id + "\"}", at);
    }

    /** Only this test's merchant's claims: the PostgreSQL schema is shared by the test methods. */
    private List<WebhookStore.Claimed> claim(WebhookStore store, Instant now) {
        return store.claimDue(now, LEASE, 100);
    }

    @Test
    void anEventIsQueuedOncePerSubscribedEndpointOfItsMerchant() {
        Webhook cases = webhook(merchant, "case.created", "case.decided");
        Webhook handoffs = webhook(merchant, "handoff.queued");
        Webhook other = webhook(merchant + "x", "case.created");

        assertThat(store().enqueue(event(merchant, "case.created", t0), t0.plus(Duration.ofHours(24)))).isEqualTo(1);

        assertThat(store().deliveries(merchant, cases.webhookId(), 10)).singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo("case.created");
            assertThat(d.status()).isEqualTo(Delivery.Status.PENDING);
            assertThat(d.attempts()).isZero();
            assertThat(d.lastAttemptAt()).isNull();
        });
        assertThat(store().deliveries(merchant, handoffs.webhookId(), 10)).isEmpty();
        assertThat(store().deliveries(merchant + "x", other.webhookId(), 10)).isEmpty();
        // another merchant cannot read the log through its own id
        assertThat(store().deliveries(merchant + "x", cases.webhookId(), 10)).isEmpty();
    }

    @Test
    void racingClaimersGetEachDueDeliveryExactlyOnce() throws Exception {
        Webhook w = webhook(merchant, "case.created");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            WebhookStore.Event e = event(merchant, "case.created", t0);
            store().enqueue(e, t0.plus(Duration.ofHours(24)));
            events.add(e.eventId());
        }
        WebhookStore nodeA = store();
        WebhookStore nodeB = store();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<WebhookStore.Claimed>>> claims = new ArrayList<>();
            for (WebhookStore node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                Callable<List<WebhookStore.Claimed>> task = () -> {
                    start.await();
                    return claim(node, t0.plusSeconds(1));
                };
                claims.add(pool.submit(task));
            }
            start.countDown();
            List<String> claimed = new ArrayList<>();
            for (Future<List<WebhookStore.Claimed>> f : claims) {
                f.get().stream().filter(c -> c.url().equals(w.url()) && events.contains(c.eventId()))
                        .forEach(c -> claimed.add(c.eventId()));
            }
            assertThat(claimed).containsExactlyInAnyOrderElementsOf(events);
        } finally {
            pool.shutdownNow();
        }
        // all are leased now: nobody gets them again until the lease ends
        assertThat(claim(nodeA, t0.plusSeconds(2))).noneMatch(c -> events.contains(c.eventId()));
        assertThat(claim(nodeB, t0.plus(LEASE).plusSeconds(2))).filteredOn(c -> events.contains(c.eventId())).hasSize(20);
    }

    @Test
    void aClaimCarriesWhatSendingNeedsAndOnlyItsHolderRecordsTheAttempt() {
        Webhook w = webhook(merchant, "knowledge.ready");
        WebhookStore.Event e = event(merchant, "knowledge.ready", t0);
        store().enqueue(e, t0.plus(Duration.ofHours(24)));
        WebhookStore.Claimed first = mine(claim(store(), t0), e);
        assertThat(first.url()).isEqualTo(w.url());
        assertThat(first.secret()).isEqualTo("secret-" + w.webhookId());
        assertThat(first.payload()).isEqualTo(e.payload());
        assertThat(first.type()).isEqualTo("knowledge.ready");
        assertThat(first.attempts()).isZero();

        // the first claimer stalled past its lease; a second node took the delivery over and delivered it
        WebhookStore.Claimed second = mine(claim(store(), t0.plus(LEASE).plusSeconds(1)), e);
        assertThat(store().record(second, t0.plusSeconds(40), 204, true, null)).isTrue();
        assertThat(store().record(first, t0.plusSeconds(41), 500, false, t0.plusSeconds(60))).isFalse();

        Delivery d = store().deliveries(merchant, w.webhookId(), 10).get(0);
        assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.responseStatus()).isEqualTo(204);
        assertThat(d.lastAttemptAt()).isEqualTo(t0.plusSeconds(40));
        assertThat(claim(store(), t0.plus(Duration.ofHours(2)))).noneMatch(c -> c.eventId().equals(e.eventId()));
    }

    @Test
    void aRefusedDeliveryIsDueAgainAtItsRetryTimeAndFailsWhenGivenUp() {
        Webhook w = webhook(merchant, "order.cancelled");
        WebhookStore.Event e = event(merchant, "order.cancelled", t0);
        Instant deadline = t0.plus(Duration.ofHours(24));
        store().enqueue(e, deadline);

        WebhookStore.Claimed c1 = mine(claim(store(), t0), e);
        assertThat(c1.deadline()).isEqualTo(deadline);
        store().record(c1, t0.plusSeconds(1), 500, false, t0.plusSeconds(31));
        assertThat(claim(store(), t0.plusSeconds(30))).noneMatch(c -> c.eventId().equals(e.eventId()));
        WebhookStore.Claimed c2 = mine(claim(store(), t0.plusSeconds(31)), e);
        assertThat(c2.attempts()).isEqualTo(1);
        store().record(c2, t0.plusSeconds(32), null, false, null);

        Delivery failed = store().deliveries(merchant, w.webhookId(), 10).get(0);
        assertThat(failed.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.responseStatus()).isNull();
        assertThat(claim(store(), t0.plus(Duration.ofDays(2)))).noneMatch(c -> c.eventId().equals(e.eventId()));

        // a manual re-send makes it due at once, whatever happened before
        Instant later = t0.plus(Duration.ofDays(2));
        assertThat(store().resend(merchant, w.webhookId(), failed.deliveryId(), later, later.plus(Duration.ofHours(24))))
                .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(Delivery.Status.PENDING));
        WebhookStore.Claimed again = mine(claim(store(), later), e);
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.deadline()).isEqualTo(later.plus(Duration.ofHours(24)));
        assertThat(store().resend(merchant + "x", w.webhookId(), failed.deliveryId(), later, later)).isEmpty();
    }

    @Test
    void endpointsAreListedPerMerchantAndDeletedWithTheirOutbox() {
        Webhook a = webhook(merchant, "case.created");
        Webhook b = webhook(merchant, "conversation.closed", "handoff.resolved");
        assertThat(store().list(merchant)).containsExactlyInAnyOrder(a, b);
        assertThat(store().find(merchant + "x", a.webhookId())).isEmpty();
        WebhookStore.Event e = event(merchant, "case.created", t0);
        store().enqueue(e, t0.plus(Duration.ofHours(24)));

        assertThat(store().delete(merchant + "x", a.webhookId())).isFalse();
        assertThat(store().delete(merchant, a.webhookId())).isTrue();
        assertThat(store().delete(merchant, a.webhookId())).isFalse();
        assertThat(store().list(merchant)).containsExactly(b);
        assertThat(claim(store(), t0)).noneMatch(c -> c.eventId().equals(e.eventId()));
    }

    private static WebhookStore.Claimed mine(List<WebhookStore.Claimed> claimed, WebhookStore.Event e) {
        return claimed.stream().filter(c -> c.eventId().equals(e.eventId())).findFirst()
                .orElseThrow(() -> new AssertionError("event " + e.eventId() + " was not claimed"));
    }
}
