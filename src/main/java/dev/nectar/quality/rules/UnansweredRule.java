package dev.nectar.quality.rules;

import dev.nectar.conversation.Turn;
import dev.nectar.quality.Finding;
import dev.nectar.quality.QualityLexicon;
import dev.nectar.quality.QualityRule;
import dev.nectar.quality.Severity;
import dev.nectar.quality.Transcript;
import dev.nectar.tools.ToolNames;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code UNANSWERED}: a buyer question left without an answer and without a handoff. Either the bot's own "not
 * sure" (its knowledge search found nothing answerable) that no later answer or handoff made good, or, once the
 * conversation is over, a question ({@code prompts/quality/questions.json}) that nobody replied to.
 */
public final class UnansweredRule implements QualityRule {
    public static final String NAME = "UNANSWERED";

    @Override
    public String name() {
        return NAME;
    }
    static final String NOT_SURE = "NONE";
    static final String FOUND = "FOUND";
    private final QualityLexicon questions;

    public UnansweredRule(QualityLexicon questions) {
        this.questions = questions;
    }

    @Override
    public List<Finding> check(Transcript t) {
        List<Finding> out = new ArrayList<>();
        List<Turn> turns = t.turns();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (turn.role() == Turn.Role.BOT && knowledge(turn, NOT_SURE) && !madeGood(t, i)) {
                String question = i > 0 && turns.get(i - 1).role() == Turn.Role.BUYER ? turns.get(i - 1).text() : turn.text();
                out.add(t.finding(NAME, Severity.MEDIUM, i, "机器人没能回答买家的问题,之后也没有解答或转人工", question));
            } else if (turn.role() == Turn.Role.BUYER && t.ended() && noReplyAfter(turns, i)
                    && questions.find(turn.text()).isPresent()
                    && (t.heldAt(turn.at()).isPresent() || !(t.humanDueAt(turn.at()) || t.handedOffBetween(turn.at(), null)))) {
                out.add(t.finding(NAME, Severity.MEDIUM, i, "买家的问题直到会话结束都没有得到回复", turn.text()));
            }
        }
        return out;
    }

    private static boolean knowledge(Turn turn, String status) {
        return turn.toolCalls() != null && turn.toolCalls().stream()
                .anyMatch(c -> ToolNames.KNOWLEDGE_SEARCH.equals(c.tool()) && status.equals(c.status()));
    }

    /** A later turn answered from knowledge, a human took part, or a handoff was opened. */
    private static boolean madeGood(Transcript t, int index) {
        for (int j = index + 1; j < t.turns().size(); j++) {
            Turn later = t.turn(j);
            if (later.role() == Turn.Role.AGENT || (later.role() == Turn.Role.BOT && knowledge(later, FOUND))) {
                return true;
            }
        }
        return t.handedOffBetween(t.turn(index).at(), null);
    }

    private static boolean noReplyAfter(List<Turn> turns, int index) {
        return turns.subList(index + 1, turns.size()).stream().noneMatch(Transcript::outgoing);
    }
}
