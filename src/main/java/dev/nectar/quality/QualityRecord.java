package dev.nectar.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The inspection of one conversation: its findings, the score derived from them, and what each agent who took part
 * did in it (the basis of their grade).
 *
 * @param rating the buyer's satisfaction score, when given
 */
public record QualityRecord(String conversationId, String buyerId, Instant inspectedAt, int score, Integer rating,
                            List<Finding> findings, List<AgentShare> agents) {

    /**
     * @param firstReplySeconds from assignment to the agent's first message, null when they never wrote
     * @param handlingMinutes   from assignment to resolution, null when it was never resolved
     */
    public record AgentShare(String agentId, Double firstReplySeconds, Double handlingMinutes) {
    }

    public static QualityRecord of(String conversationId, String buyerId, Instant inspectedAt, Integer rating,
                                   List<Finding> findings, List<AgentShare> agents) {
        return new QualityRecord(conversationId, buyerId, inspectedAt, score(findings), rating, List.copyOf(findings),
                List.copyOf(agents));
    }

    /** 100 less the penalty of every finding that still counts, never below 0. */
    public static int score(List<Finding> findings) {
        return Math.max(0, 100 - findings.stream().filter(Finding::counts).mapToInt(f -> f.severity().penalty()).sum());
    }

    /** The same record with finding {@code index} dismissed and the score derived again. */
    public QualityRecord dismiss(int index, String note, Instant at) {
        List<Finding> next = new ArrayList<>(findings);
        next.set(index, findings.get(index).dismissed(note, at));
        return of(conversationId, buyerId, inspectedAt, rating, next, agents);
    }

    /** True when a finding that still counts is at least this severe. */
    public boolean hasAtLeast(Severity min) {
        return findings.stream().anyMatch(f -> f.counts() && f.severity().atLeast(min));
    }

    /** True when this agent is answerable for no finding that still counts. */
    public boolean cleanFor(String agentId) {
        return findings.stream().noneMatch(f -> f.counts() && agentId.equals(f.agentId()));
    }
}
