package dev.nectar.merchant;

import dev.nectar.platform.ErrorBody;
import dev.nectar.platform.Json;
import dev.nectar.platform.NectarConfig;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down credential guessing: a client (by remote address) whose credentials were refused
 * {@code nectar.limits.auth-failures} times within {@code auth-failure-window} gets 429 for every request, sockets
 * included, until that window ends. Refusals are counted from 401 responses and from sockets refused at open.
 * Counted per node: a guesser spread over nodes meets each node's limit.
 */
@ApplicationScoped
public class CredentialThrottle {
    /** Beyond this many clients the table starts over rather than grow without bound under a spoofed flood. */
    private static final int MAX_CLIENTS = 100_000;
    private static final String TOO_MANY = Json.write(ErrorBody.of("RATE_LIMITED", "too many failed credentials, try again later", null));

    private final int maxFailures;
    private final long windowNanos;
    private final ConcurrentHashMap<String, Strikes> clients = new ConcurrentHashMap<>();

    private record Strikes(long since, int count) {
    }

    public CredentialThrottle(NectarConfig config) {
        this.maxFailures = config.limits().authFailures();
        this.windowNanos = config.limits().authFailureWindow().toNanos();
    }

    void install(@Observes Router router) {
        router.route().order(-900).handler(this::gate);
    }

    private void gate(RoutingContext rc) {
        String client = rc.request().remoteAddress().hostAddress();
        if (blocked(client)) {
            rc.response().setStatusCode(429).putHeader("Content-Type", "application/json").end(TOO_MANY);
            return;
        }
        rc.addHeadersEndHandler(v -> {
            if (rc.response().getStatusCode() == 401) {
                failed(client);
            }
        });
        rc.next();
    }

    /** A socket refused for its token counts like a 401. */
    public void refused(WebSocketConnection connection) {
        String address = connection.handshakeRequest().remoteAddress();
        int colon = address.lastIndexOf(':');
        failed(colon > 0 ? address.substring(0, colon) : address); // host:port
    }

    boolean blocked(String client) {
        Strikes s = clients.get(client);
        return s != null && s.count() >= maxFailures && System.nanoTime() - s.since() < windowNanos;
    }

    void failed(String client) {
        if (clients.size() > MAX_CLIENTS) {
            clients.clear();
        }
        long now = System.nanoTime();
        clients.merge(client, new Strikes(now, 1),
                (old, one) -> now - old.since() < windowNanos ? new Strikes(old.since(), old.count() + 1) : one);
    }
}
