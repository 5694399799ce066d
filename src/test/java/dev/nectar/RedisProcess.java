package dev.nectar;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server of the test's own (Debian's redis-server, installed by scripts/services.sh) on a free port,
 * without persistence, that the test can stop and start again on the same port: outages are then real ones, and
 * other tests' Redis is not touched.
 */
public final class RedisProcess implements AutoCloseable {
    private final int port;
    private final Path log;
    private Process process;

    private RedisProcess(int port) throws IOException {
        this.port = port;
        this.log = Files.createTempFile("nectar-redis-", ".log");
    }

    public static RedisProcess start() throws Exception {
        RedisProcess redis = new RedisProcess(ServerProcess.freePort());
        redis.resume();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server again on its port (after {@link #stop()}), empty, and waits until it accepts connections. */
    public void resume() throws Exception {
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited: " + Files.readString(log));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start: " + Files.readString(log));
    }

    /** Kills the server at once, as a crash or a network cut would look to its clients. */
    public void stop() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
