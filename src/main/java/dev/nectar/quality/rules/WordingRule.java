package dev.nectar.quality.rules;

import dev.nectar.conversation.Turn;
import dev.nectar.quality.Finding;
import dev.nectar.quality.QualityLexicon;
import dev.nectar.quality.QualityRule;
import dev.nectar.quality.Severity;
import dev.nectar.quality.Transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rule about what the bot or an agent wrote, found by the wording of a lexicon; the matched words are the evidence. */
abstract class WordingRule implements QualityRule {
    private final String rule;
    private final Severity severity;
    private final QualityLexicon lexicon;
    private final String detail;

    WordingRule(String rule, Severity severity, QualityLexicon lexicon, String detail) {
        this.rule = rule;
        this.severity = severity;
        this.lexicon = lexicon;
        this.detail = detail;
    }

    @Override
    public List<Finding> check(Transcript t) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < t.turns().size(); i++) {
            Turn turn = t.turn(i);
            if (Transcript.outgoing(turn)) {
                Optional<String> words = lexicon.find(turn.text());
                if (words.isPresent()) {
                    out.add(t.finding(rule, severity, i, detail, words.get()));
                }
            }
        }
        return out;
    }
}
