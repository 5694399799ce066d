package dev.nectar.quality;

import dev.nectar.aftersales.AfterSaleCase;
import dev.nectar.commerce.Order;
import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.Turn;
import dev.nectar.handoff.Handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What inspection knows about one conversation: its turns and handoffs, the buyer's orders and cases, the merchant's
 * reply deadline, and the engine's own handoff detectors.
 *
 * @param ended     closed, or idle long enough to count as over: a question still open then was left unanswered
 * @param forHumans the handoff detectors of the understanding layer, replayed on a buyer message
 */
public record Transcript(Conversation conversation, List<Turn> turns, List<Handoff> handoffs, List<Order> orders,
                         List<AfterSaleCase> cases, Duration sla, boolean ended, Predicate<String> forHumans) {

    public Turn turn(int index) {
        return turns.get(index);
    }

    /** The handoff whose agent held the conversation at this moment. */
    public Optional<Handoff> heldAt(Instant at) {
        return handoffs.stream().filter(h -> h.assignedAt() != null && !at.isBefore(h.assignedAt())
                && (h.resolvedAt() == null || !at.isAfter(h.resolvedAt()))).findFirst();
    }

    /** A handoff was open (waiting or held) at this moment: a human, not the bot, was due to answer. */
    public boolean humanDueAt(Instant at) {
        return handoffs.stream().anyMatch(h -> !at.isBefore(h.createdAt()) && (h.resolvedAt() == null || !at.isAfter(h.resolvedAt())));
    }

    /** A handoff was opened at or after {@code from} and before {@code until} (null: the end). */
    public boolean handedOffBetween(Instant from, Instant until) {
        return handoffs.stream().anyMatch(h -> !h.createdAt().isBefore(from) && (until == null || h.createdAt().isBefore(until)));
    }

    /** The time of the first buyer turn after {@code index}, null when there is none. */
    public Instant nextBuyerTurnAt(int index) {
        for (int i = index + 1; i < turns.size(); i++) {
            if (turns.get(i).role() == Turn.Role.BUYER) {
                return turns.get(i).at();
            }
        }
        return null;
    }

    public static boolean outgoing(Turn turn) {
        return turn.role() == Turn.Role.BOT || turn.role() == Turn.Role.AGENT;
    }

    /**
     * A finding about turn {@code index}: an outgoing turn is answerable by whoever wrote it, a buyer turn by
     * whoever was due to answer it (the agent holding the conversation, else the bot).
     */
    public Finding finding(String rule, Severity severity, int index, String detail, String evidence) {
        Turn t = turns.get(index);
        Optional<Handoff> held = t.role() == Turn.Role.BOT ? Optional.empty() : heldAt(t.at());
        Turn.Role role = t.role() == Turn.Role.AGENT || (t.role() != Turn.Role.BOT && held.isPresent()) ? Turn.Role.AGENT : Turn.Role.BOT;
        String agentId = role == Turn.Role.AGENT ? held.map(Handoff::agentId).orElse(null) : null;
        return new Finding(rule, severity, index, role, agentId, detail, evidence, Finding.RULES, null);
    }
}
