package dev.nectar.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results table: each figure beside its floor and target, with the load average while it was measured. */
final class Report {
    private String machine;
    private double loadAtStart;
    private double seconds;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void machine(String description, double load) {
        this.machine = description;
        this.loadAtStart = load;
    }

    void total(double seconds) {
        this.seconds = seconds;
    }

    void embeddingFloor(Stats s) {
        row("one in-process embedding (floor)", f("p50 %.1f ms, p99 %.1f ms (%d runs)", s.p(50), s.p(99), s.count()), "-", "-", "-", "");
    }

    /**
     * The paced run (300 turns/s offered) is judged on latency, the capacity run (as fast as the per-buyer rate limit
     * lets 240 buyers go) on throughput. Handoffs are the planner's answer (two unanswered questions in a row hand off),
     * not errors, nor are the queue updates the handoff router pushes to a handed-off buyer (handoff frames without
     * {@code replyTo}: "unmatched_handoff"); errors are error frames, timeouts, dropped sockets and other frames that
     * answer nothing sent.
     */
    void chat(ChatLoad.Result r, Stats embed) {
        boolean paced = r.label().equals("paced");
        boolean capacity = r.label().equals("capacity");
        double floor = embed.p(50);
        String label = label(r);
        row(label + ": throughput", f("%.1f turns/s (%d turns in %.0f s)", r.turnsPerSecond(), r.turns(), r.seconds()),
                "-", paced ? "keeps the offered pace" : capacity ? ">= 300 turns/s" : "-",
                paced ? met(r.turnsPerSecond() >= 0.97 * r.offeredPerSecond()) : capacity ? met(r.turnsPerSecond() >= 300) : "-",
                loads(r.loadStart(), r.loadEnd()));
        row(label + ": turn latency", f("p50 %.1f / p95 %.1f / p99 %.1f ms", r.latency().p(50), r.latency().p(95), r.latency().p(99)),
                f("%.1f ms one embedding; p50 = %.1fx", floor, r.latency().p(50) / floor),
                paced ? "p99 <= 100 ms; p50 <= 3x floor" : "-",
                paced ? met(r.latency().p(99) <= 100) + " / " + met(r.latency().p(50) <= 3 * floor) : "-",
                loads(r.loadStart(), r.loadEnd()));
        long handoffs = r.outcomes().getOrDefault("handoff", 0L);
        long errors = r.failures();
        row(label + ": errors and CPU", f("%d errors, %d handoffs in %s; server %.2f cores, client %.2f cores (%.0f %% of the CPU used)",
                        errors, handoffs, r.outcomes(), r.serverCpuSeconds() / r.seconds(), r.clientCpuSeconds() / r.seconds(),
                        100 * r.clientCpuSeconds() / (r.clientCpuSeconds() + r.serverCpuSeconds())),
                "-", "0 errors", met(errors == 0), "");
    }

    /**
     * What understanding a message cost the node in a chat run (issue 15: reported beside the floor): the lexicons and
     * slots, then the decision model, which embeds the message (or finds it cached) and searches the knowledge base
     * for evidence. It is part of the turn latency above, which adds the tool, the answer and the stores.
     */
    void understanding(ChatLoad.Result r, ServerCounters c, Stats embed) {
        double ms = c.understandingMsPerTurn();
        row(label(r) + ": understanding per turn",
                f("mean %.2f ms (lexicons and slots %.2f + decision model with embedding and evidence %.2f; %.0f turns)", ms,
                        1000 * c.understandSeconds() / Math.max(1, c.interpretations()),
                        1000 * c.interpretSeconds() / Math.max(1, c.interpretations()), c.interpretations()),
                f("%.1f ms one embedding; = %.1fx", embed.p(50), ms / embed.p(50)), "reported (issue 15)", "-",
                loads(r.loadStart(), r.loadEnd()));
    }

    private static String label(ChatLoad.Result r) {
        return r.label().equals("paced")
                ? f("chat, %d buyers paced to %.0f turns/s", r.buyers(), r.offeredPerSecond())
                : f("chat %s, %d buyers at <= 1.9 msg/s each", r.label(), r.buyers());
    }

    static String describe(ChatLoad.Result r) {
        return f("%.1f turns/s, p50 %.1f p95 %.1f p99 %.1f ms, outcomes %s, server %.2f cores, client %.2f cores, load %.1f-%.1f",
                r.turnsPerSecond(), r.latency().p(50), r.latency().p(95), r.latency().p(99), r.outcomes(),
                r.serverCpuSeconds() / r.seconds(), r.clientCpuSeconds() / r.seconds(), r.loadStart(), r.loadEnd());
    }

    void row(String what, String figure, String floor, String target, String met, String load) {
        rows.add("| " + String.join(" | ", what, figure, floor, target, met, load) + " |");
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(f("Run %s on %s; load average %.1f at the start; the whole run took %.0f s.%n%n",
                OffsetDateTime.now(ZoneOffset.UTC).withNano(0), machine, loadAtStart, seconds));
        sb.append("| what | figure | floor (same run) | target | met | load avg |\n|---|---|---|---|---|---|\n");
        rows.forEach(r -> sb.append(r).append('\n'));
        if (!notes.isEmpty()) {
            sb.append('\n');
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    static String met(boolean yes) {
        return yes ? "yes" : "**no**";
    }

    static String loads(double a, double b) {
        return f("%.1f → %.1f", a, b);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
