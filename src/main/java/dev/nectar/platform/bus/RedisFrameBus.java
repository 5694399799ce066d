package dev.nectar.platform.bus;

import dev.nectar.platform.Json;
import dev.nectar.platform.redis.SharedRedis;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Frames between nodes over one Redis stream. A frame goes at once to this node's sockets, then into the stream,
 * which every node reads from where it left off. A stream rather than pub/sub, so that nothing sent while Redis or
 * the link to it was away is lost: the sender keeps frames in order in its outbox until Redis takes them, and a
 * reader resumes after the last entry it saw (entry ids are Redis's clock, so even a restarted, empty Redis hands
 * out later ids).
 */
public final class RedisFrameBus implements FrameBus, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisFrameBus.class);
    static final String STREAM = "nectar:frames";
    /** Entries kept in Redis (approximately): far more than nodes fall behind in a reconnect. */
    private static final String MAX_ENTRIES = "100000";
    private static final int MAX_OUTBOX = 50_000;
    private static final int BATCH = 256;
    /** A frame this old is no longer worth delivering: the buyer or agent has moved on or reloaded the transcript. */
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    private static final long RETRY_MILLIS = 500;

    private final String node = UUID.randomUUID().toString();
    private final SharedRedis redis;
    private final LocalSockets sockets;
    private final LinkedBlockingDeque<Outgoing> outbox = new LinkedBlockingDeque<>();
    private final Thread publisher;
    private final Thread reader;
    private volatile boolean running = true;
    private volatile RedisConnection readConnection;

    private record Outgoing(String address, String json, long at) {
    }

    public RedisFrameBus(SharedRedis redis, LocalSockets sockets) {
        this.redis = redis;
        this.sockets = sockets;
        this.publisher = daemon("frame-bus-publisher", this::publishLoop);
        this.reader = daemon("frame-bus-reader", this::readLoop);
    }

    private static Thread daemon(String name, Runnable loop) {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts reading the stream from now and sending the outbox. */
    public RedisFrameBus start() {
        reader.start();
        publisher.start();
        return this;
    }

    @Override
    public void publish(String address, Object frame) {
        String json = Json.write(frame);
        sockets.deliver(address, json);
        if (outbox.size() >= MAX_OUTBOX) {
            outbox.pollFirst();
            LOG.warnf("frame outbox full (%d) while Redis is away: dropped the oldest frame", MAX_OUTBOX);
        }
        outbox.offerLast(new Outgoing(address, json, System.currentTimeMillis()));
    }

    private void publishLoop() {
        List<Outgoing> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Outgoing first = outbox.pollFirst(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outbox.drainTo(batch, BATCH - 1);
                send(batch);
                batch.clear();
            } catch (InterruptedException e) {
                return;
            } catch (SharedRedis.RedisUnavailableException e) {
                requeue(batch);
                batch.clear();
                pause();
            }
        }
    }

    private void send(List<Outgoing> batch) throws SharedRedis.RedisUnavailableException {
        long oldest = System.currentTimeMillis() - MAX_AGE.toMillis();
        List<Request> adds = new ArrayList<>(batch.size());
        for (Outgoing o : batch) {
            if (o.at() >= oldest) {
                adds.add(Request.cmd(Command.XADD).arg(STREAM).arg("MAXLEN").arg("~").arg(MAX_ENTRIES).arg("*")
                        .arg("node").arg(node).arg("address").arg(o.address()).arg("frame").arg(o.json()));
            }
        }
        if (adds.size() < batch.size()) {
            LOG.warnf("dropped %d frames older than %s that Redis never took", batch.size() - adds.size(), MAX_AGE);
        }
        if (!adds.isEmpty()) {
            redis.batch(adds, CALL_TIMEOUT);
        }
    }

    /** Puts an unsent batch back at the head of the outbox, in its order. */
    private void requeue(List<Outgoing> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            outbox.offerFirst(batch.get(i));
        }
    }

    private void readLoop() {
        String lastId = null;
        while (running) {
            try {
                RedisConnection c = redis.connect().toCompletionStage().toCompletableFuture().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                readConnection = c;
                if (lastId == null) {
                    lastId = now(c);
                }
                while (running) {
                    Response r = c.send(Request.cmd(Command.XREAD).arg("COUNT").arg(BATCH).arg("BLOCK").arg(2000)
                                    .arg("STREAMS").arg(STREAM).arg(lastId))
                            .toCompletionStage().toCompletableFuture().get(CALL_TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
                    redis.observed(true);
                    if (r != null) {
                        lastId = deliver(r, lastId);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (running) {
                    redis.observed(false);
                    LOG.debugf("frame stream read failed (%s); reconnecting", e.getMessage());
                    closeReadConnection();
                    pause();
                }
            }
        }
    }

    /** The id of an entry added now, by Redis's clock, so a new node reads only what comes after it started. */
    private static String now(RedisConnection c) throws Exception {
        Response time = c.send(Request.cmd(Command.TIME)).toCompletionStage().toCompletableFuture()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long millis = time.get(0).toLong() * 1000 + time.get(1).toLong() / 1000;
        return millis + "-0";
    }

    /** Delivers the entries of an XREAD reply ([[stream name, entries]], RESP2) and answers the last id seen. */
    private String deliver(Response reply, String lastId) {
        for (Response stream : reply) {
            for (Response entry : stream.get(1)) {
                lastId = entry.get(0).toString();
                Response fields = entry.get(1);
                String from = null;
                String address = null;
                String frame = null;
                for (int i = 0; i + 1 < fields.size(); i += 2) {
                    switch (fields.get(i).toString()) {
                        case "node" -> from = fields.get(i + 1).toString();
                        case "address" -> address = fields.get(i + 1).toString();
                        case "frame" -> frame = fields.get(i + 1).toString();
                        default -> { }
                    }
                }
                if (address != null && frame != null && !node.equals(from)) {
                    sockets.deliver(address, frame);
                }
            }
        }
        return lastId;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeReadConnection() {
        RedisConnection c = readConnection;
        readConnection = null;
        if (c != null) {
            c.close();
        }
    }

    /** Gives the outbox a moment to reach Redis, then stops both loops. */
    @Override
    public void close() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2000;
        while (!outbox.isEmpty() && redis.reachable() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        running = false;
        publisher.interrupt();
        reader.interrupt();
        closeReadConnection();
    }
}
