package dev.nectar.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Opens many WebSockets and leaves them idle. For a Nectar node a connection counts as open when its {@code session}
 * frame has arrived (the buyer's conversation exists); for the echo floor when the handshake is done.
 */
final class IdleConnections implements AutoCloseable {
    private static final int IN_FLIGHT = 200;

    private final Vertx vertx;
    private final WebSocketClient client;
    private final List<WebSocket> open = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failed = new AtomicInteger();

    IdleConnections(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000).setConnectTimeout(30_000));
    }

    /** Opens {@code count} connections, {@code uri.apply(i)} each; returns the seconds it took. */
    double open(String host, int port, int count, IntFunction<String> uri, boolean awaitSession) throws InterruptedException {
        long t0 = System.nanoTime();
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < Math.min(IN_FLIGHT, count); i++) {
            vertx.runOnContext(v -> openNext(host, port, count, uri, awaitSession, next, done));
        }
        done.await(5, TimeUnit.MINUTES);
        return (System.nanoTime() - t0) / 1e9;
    }

    private void openNext(String host, int port, int count, IntFunction<String> uri, boolean awaitSession, AtomicInteger next,
                          CountDownLatch done) {
        int i = next.getAndIncrement();
        if (i >= count) {
            return;
        }
        Runnable finished = () -> {
            done.countDown();
            openNext(host, port, count, uri, awaitSession, next, done);
        };
        client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI(uri.apply(i)))
                .onFailure(e -> {
                    if (failed.incrementAndGet() <= 3) {
                        System.out.println("  connection failed: " + e);
                    }
                    finished.run();
                })
                .onSuccess(ws -> {
                    open.add(ws);
                    if (!awaitSession) {
                        finished.run();
                        return;
                    }
                    boolean[] once = {false};
                    ws.textMessageHandler(text -> {
                        if (!once[0]) {
                            once[0] = true;
                            finished.run();
                        }
                    });
                });
    }

    /** Connections open now (not closed by either side). */
    int stillOpen() {
        synchronized (open) {
            return (int) open.stream().filter(ws -> !ws.isClosed()).count();
        }
    }

    int failed() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        List<WebSocket> all;
        synchronized (open) {
            all = new ArrayList<>(open);
            open.clear();
        }
        CountDownLatch closed = new CountDownLatch(all.size());
        for (WebSocket ws : all) {
            vertx.runOnContext(v -> ws.close().onComplete(r -> closed.countDown()));
        }
        closed.await(2, TimeUnit.MINUTES);
        client.close();
    }
}
