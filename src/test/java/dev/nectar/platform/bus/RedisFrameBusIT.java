package dev.nectar.platform.bus;

import dev.nectar.RedisProcess;
import dev.nectar.TestConfigs;
import dev.nectar.platform.Json;
import dev.nectar.platform.redis.SharedRedis;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two nodes' buses on one real Redis, each with its own sockets. */
class RedisFrameBusIT {
    private Vertx vertx;
    private RedisProcess redis;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Node a;
    private Node b;

    private record Node(RedisFrameBus bus, LocalSockets sockets) {
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        redis = RedisProcess.start();
        a = node();
        b = node();
        // a bus reads what is sent after it started: wait until each hears the other
        awaitHearing(a, b);
        awaitHearing(b, a);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get();
        redis.close();
    }

    private Node node() {
        SharedRedis client = new SharedRedis(vertx, TestConfigs.nectar(Map.of("redis-url", redis.url())));
        open.add(client::close);
        assertThat(client.ping()).isTrue();
        LocalSockets sockets = new LocalSockets();
        RedisFrameBus bus = new RedisFrameBus(client, sockets).start();
        open.add(bus);
        return new Node(bus, sockets);
    }

    private static void awaitHearing(Node sender, Node receiver) {
        String address = "probe:" + UUID.randomUUID();
        List<String> got = socket(receiver, address);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            sender.bus().publish(address, Map.of("type", "probe"));
            return !got.isEmpty();
        });
    }

    /** A connection of the node at the address that records what it is sent. */
    private static List<String> socket(Node node, String address) {
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocketConnection c = (WebSocketConnection) Proxy.newProxyInstance(WebSocketConnection.class.getClassLoader(),
                new Class<?>[]{WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        received.add((String) args[0]);
                        yield Uni.createFrom().voidItem();
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "test connection at " + address;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        node.sockets().add(address, c);
        return received;
    }

    private record Message(String type, String text) {
    }

    private static List<Message> frames(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Message("agent_message", "第" + i + "条")).toList();
    }

    private static List<String> json(List<Message> frames) {
        return frames.stream().map(Json::write).toList();
    }

    @Test
    void framesReachSocketsOnTheOtherNodeOnceAndInOrder() {
        String address = FrameBus.buyer("c-" + UUID.randomUUID());
        List<String> onB = socket(b, address);
        List<Message> expected = frames(300);
        expected.forEach(f -> a.bus().publish(address, f));
        await().atMost(Duration.ofSeconds(15)).until(() -> onB.size() >= expected.size());
        assertThat(onB).containsExactlyElementsOf(json(expected));
    }

    @Test
    void aSocketOnTheSendingNodeGetsEachFrameOnce() throws InterruptedException {
        String address = FrameBus.agent("m1", "a-" + UUID.randomUUID());
        List<String> onA = socket(a, address);
        List<String> onB = socket(b, address);
        List<Message> expected = frames(5);
        expected.forEach(f -> a.bus().publish(address, f));
        await().atMost(Duration.ofSeconds(15)).until(() -> onB.size() >= expected.size());
        Thread.sleep(500); // an echo from the stream would have arrived by now
        assertThat(onA).containsExactlyElementsOf(json(expected));
        assertThat(onB).containsExactlyElementsOf(json(expected));
    }

    @Test
    void framesSentWhileRedisIsAwayArriveWhenItReturns() throws Exception {
        String address = FrameBus.buyer("c-" + UUID.randomUUID());
        List<String> onB = socket(b, address);
        redis.stop();
        List<Message> expected = frames(20);
        expected.forEach(f -> a.bus().publish(address, f));
        Thread.sleep(1000);
        assertThat(onB).as("nothing can cross while Redis is away").isEmpty();
        redis.resume();
        await().atMost(Duration.ofSeconds(20)).until(() -> onB.size() >= expected.size());
        assertThat(onB).containsExactlyElementsOf(json(expected));
    }
}
