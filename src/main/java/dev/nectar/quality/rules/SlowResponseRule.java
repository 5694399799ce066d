package dev.nectar.quality.rules;

import dev.nectar.conversation.Turn;
import dev.nectar.handoff.Handoff;
import dev.nectar.quality.Finding;
import dev.nectar.quality.QualityRule;
import dev.nectar.quality.Severity;
import dev.nectar.quality.Transcript;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SLOW_RESPONSE}: a human agent's reply later than the merchant's {@code slaSeconds}. The clock starts when
 * the agent got the conversation, and again at the first buyer message after each of the agent's replies; time in
 * the queue is not the agent's.
 */
public final class SlowResponseRule implements QualityRule {
    public static final String NAME = "SLOW_RESPONSE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(Transcript t) {
        List<Finding> out = new ArrayList<>();
        for (Handoff h : t.handoffs()) {
            if (h.assignedAt() == null) {
                continue;
            }
            Instant waitingSince = h.assignedAt();
            for (int i = 0; i < t.turns().size(); i++) {
                Turn turn = t.turn(i);
                if (turn.at().isBefore(h.assignedAt()) || (h.resolvedAt() != null && turn.at().isAfter(h.resolvedAt()))) {
                    continue;
                }
                if (turn.role() == Turn.Role.BUYER && waitingSince == null) {
                    waitingSince = turn.at();
                } else if (turn.role() == Turn.Role.AGENT && waitingSince != null) {
                    Duration waited = Duration.between(waitingSince, turn.at());
                    if (waited.compareTo(t.sla()) > 0) {
                        out.add(t.finding(NAME, Severity.MEDIUM, i, "人工客服回复超过了店铺的响应时限",
                                "买家等待 " + waited.toSeconds() + " 秒,时限 " + t.sla().toSeconds() + " 秒"));
                    }
                    waitingSince = null;
                }
            }
        }
        return out;
    }
}
