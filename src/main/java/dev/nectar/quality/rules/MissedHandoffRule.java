package dev.nectar.quality.rules;

import dev.nectar.conversation.Turn;
import dev.nectar.quality.Finding;
import dev.nectar.quality.QualityRule;
import dev.nectar.quality.Severity;
import dev.nectar.quality.Transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code MISSED_HANDOFF}: the engine's own handoff detectors (a request for a human, a complaint, a health or
 * safety question), replayed on every buyer message the bot was due to answer, fired and yet no handoff followed
 * before the buyer wrote again.
 */
public final class MissedHandoffRule implements QualityRule {
    public static final String NAME = "MISSED_HANDOFF";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(Transcript t) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < t.turns().size(); i++) {
            Turn turn = t.turn(i);
            if (turn.role() != Turn.Role.BUYER || t.humanDueAt(turn.at()) || !t.forHumans().test(turn.text())) {
                continue;
            }
            if (!t.handedOffBetween(turn.at(), t.nextBuyerTurnAt(i))) {
                int answer = i + 1 < t.turns().size() && t.turn(i + 1).role() == Turn.Role.BOT ? i + 1 : i;
                out.add(t.finding(NAME, Severity.HIGH, answer, "买家要求人工、投诉或询问健康安全问题,但没有转人工", turn.text()));
            }
        }
        return out;
    }
}
