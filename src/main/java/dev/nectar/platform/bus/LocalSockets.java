package dev.nectar.platform.bus;

import dev.nectar.platform.Json;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The sockets connected to this node, by bus address; every bus implementation delivers through it. */
@ApplicationScoped
public class LocalSockets {
    private static final Logger LOG = Logger.getLogger(LocalSockets.class);
    private final ConcurrentHashMap<String, Set<WebSocketConnection>> byAddress = new ConcurrentHashMap<>();

    public void add(String address, WebSocketConnection c) {
        byAddress.computeIfAbsent(address, k -> ConcurrentHashMap.newKeySet()).add(c);
    }

    public void remove(String address, WebSocketConnection c) {
        byAddress.computeIfPresent(address, (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
    }

    public boolean has(String address) {
        Set<WebSocketConnection> set = byAddress.get(address);
        return set != null && !set.isEmpty();
    }

    /** Sends already-serialised JSON to the address's sockets on this node. */
    public int deliver(String address, String json) {
        Set<WebSocketConnection> set = byAddress.get(address);
        if (set == null) {
            return 0;
        }
        set.forEach(c -> send(c, json));
        return set.size();
    }

    /**
     * Queues a frame without waiting for the write: frames of one connection still go out in the order sent, and the
     * calling worker thread is free for the next message instead of parked on a slow client. A closed socket drops it.
     */
    public static void send(WebSocketConnection connection, String json) {
        connection.sendText(json).subscribe().with(ok -> { },
                e -> LOG.debugf("frame not sent, the socket is closed: %s", e.getMessage()));
    }

    public int deliver(String address, Object frame) {
        return deliver(address, Json.write(frame));
    }
}
