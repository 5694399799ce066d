package dev.nectar.eval;

import dev.nectar.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs ../shared/eval/run-eval.mjs against a server and reads its closing "N passed, M failed" line. */
public final class DevEval {
    private static final Pattern RESULT = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");
    private static final Pattern BY_CATEGORY = Pattern.compile("(?m)^by category: (.*)$");

    public record Result(int passed, int failed, String output) {
        public double accuracy() {
            return passed / (double) Math.max(1, passed + failed);
        }

        public int total() {
            return passed + failed;
        }

        /** The runner's "by category: a 3/4, b 5/5" line without its label, or "" when it printed none. */
        public String byCategory() {
            Matcher m = BY_CATEGORY.matcher(output);
            return m.find() ? m.group(1).strip() : "";
        }

        /** The runner's lines for failed cases. */
        public java.util.List<String> failures() {
            return output.lines().filter(l -> l.startsWith("FAIL ")).toList();
        }
    }

    private DevEval() {
    }

    public static Path dataset() {
        return Path.of("..", "shared", "eval", "dev");
    }

    public static Result run(ServerProcess server, String adminToken) throws Exception {
        return run(server, adminToken, dataset());
    }

    /** Runs the evaluation on any dataset folder (merchant.json, catalog.json, orders.json, knowledge/, cases.jsonl ...). */
    public static Result run(ServerProcess server, String adminToken, Path dataset) throws Exception {
        Path script = Path.of("..", "shared", "eval", "run-eval.mjs");
        if (!Files.exists(script)) {
            throw new IllegalStateException("the evaluation is expected at " + script.toAbsolutePath());
        }
        Process p = new ProcessBuilder("node", "--experimental-websocket", script.toString(), "--base", server.baseUrl(),
                "--admin-token", adminToken, "--dataset", dataset.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("evaluation timed out:\n" + out);
        }
        Matcher m = RESULT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("evaluation printed no result line:\n" + out);
        }
        return new Result(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), out);
    }
}
