package dev.nectar.eval;

import dev.nectar.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev evaluation against the packaged server, embedded planner, nothing configured but a data folder. */
class DevEvalIT {

    @Test
    void embeddedPlannerPassesNinetyFivePercent(@TempDir Path data) throws Exception {
        try (ServerProcess server = ServerProcess.start(Map.of("NECTAR_DATA_DIR", data.toString(),
                "NECTAR_ADMIN_TOKEN", "eval-admin", "NECTAR_DEMO", "false"))) {
            DevEval.Result r = DevEval.run(server, "eval-admin");
            System.out.println(r.output());
            assertThat(r.accuracy()).as("dev evaluation accuracy").isGreaterThanOrEqualTo(0.95);
        }
    }
}
