package dev.nectar.quality.rules;

import dev.nectar.conversation.Turn;
import dev.nectar.quality.Finding;
import dev.nectar.quality.QualityLexicon;
import dev.nectar.quality.QualityRule;
import dev.nectar.quality.Severity;
import dev.nectar.quality.Transcript;

import java.util.List;
import java.util.Optional;

/** {@code NEGATIVE_ENDING}: a rating of 2 or less, or an angry last buyer message ({@code prompts/quality/angry.json}). */
public final class NegativeEndingRule implements QualityRule {
    public static final String NAME = "NEGATIVE_ENDING";

    @Override
    public String name() {
        return NAME;
    }
    private final QualityLexicon angry;

    public NegativeEndingRule(QualityLexicon angry) {
        this.angry = angry;
    }

    @Override
    public List<Finding> check(Transcript t) {
        Integer rating = t.conversation().rating();
        int lastBuyer = -1;
        int lastOutgoing = -1;
        for (int i = 0; i < t.turns().size(); i++) {
            if (t.turn(i).role() == Turn.Role.BUYER) {
                lastBuyer = i;
            } else if (Transcript.outgoing(t.turn(i))) {
                lastOutgoing = i;
            }
        }
        if (rating != null && rating >= 1 && rating <= 2 && (lastOutgoing >= 0 || lastBuyer >= 0)) {
            return List.of(t.finding(NAME, Severity.MEDIUM, lastOutgoing >= 0 ? lastOutgoing : lastBuyer,
                    "买家给出了低评分", "评分 " + rating));
        }
        if (lastBuyer >= 0) {
            Optional<String> words = angry.find(t.turn(lastBuyer).text());
            if (words.isPresent()) {
                return List.of(t.finding(NAME, Severity.MEDIUM, lastBuyer, "买家带着不满结束了会话", words.get()));
            }
        }
        return List.of();
    }
}
