package dev.nectar.bench;

import io.vertx.core.Vertx;

/**
 * The floor for idle connections: a bare Vert.x WebSocket server (the HTTP and WebSocket stack Quarkus runs on) that
 * echoes text frames and keeps nothing per connection. Started by {@link Bench} as its own JVM with the node's heap
 * options; {@code GET /} answers 200 when it is listening.
 */
public final class EchoServer {
    private EchoServer() {
    }

    public static void main(String[] args) {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer()
                .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
                .requestHandler(request -> request.response().end("ok"))
                .listen(port, host)
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
