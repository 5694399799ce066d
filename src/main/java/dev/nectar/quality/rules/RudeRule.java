package dev.nectar.quality.rules;

import dev.nectar.quality.QualityLexicon;
import dev.nectar.quality.Severity;

/** {@code RUDE}: insults or contempt towards the buyer ({@code prompts/quality/rude.json}). */
public final class RudeRule extends WordingRule {
    public static final String NAME = "RUDE";

    @Override
    public String name() {
        return NAME;
    }

    public RudeRule(QualityLexicon rude) {
        super(NAME, Severity.HIGH, rude, "回复中有辱骂或轻视买家的措辞");
    }
}
