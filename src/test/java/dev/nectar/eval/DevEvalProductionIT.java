package dev.nectar.eval;

import dev.nectar.RedisProcess;
import dev.nectar.ServerProcess;
import dev.nectar.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev evaluation against the packaged server in production mode: PostgreSQL with pgvector, and Redis. */
class DevEvalProductionIT {

    @Test
    void productionModePassesNinetyFivePercent(@TempDir Path data) throws Exception {
        try (RedisProcess redis = RedisProcess.start()) {
            Map<String, String> env = new HashMap<>(TestPostgres.freshNodeEnv("eval_production_it"));
            env.putAll(Map.of("NECTAR_REDIS_URL", redis.url(), "NECTAR_DATA_DIR", data.toString(),
                    "NECTAR_ADMIN_TOKEN", "eval-admin", "NECTAR_DEMO", "false"));
            try (ServerProcess server = ServerProcess.start(env)) {
                assertThat(server.output()).contains("database ready: PostgreSQL").contains("shared Redis reachable");
                DevEval.Result r = DevEval.run(server, "eval-admin");
                System.out.println(r.output());
                assertThat(r.accuracy()).as("dev evaluation accuracy in production mode").isGreaterThanOrEqualTo(0.95);
            }
        }
    }
}
