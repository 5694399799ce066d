package dev.nectar.quality.rules;

import dev.nectar.quality.QualityLexicon;
import dev.nectar.quality.Severity;

/**
 * {@code PROHIBITED_PROMISE}: paying for good reviews, or taking the deal off the platform
 * ({@code prompts/quality/prohibited_promise.json}).
 */
public final class ProhibitedPromiseRule extends WordingRule {
    public static final String NAME = "PROHIBITED_PROMISE";

    @Override
    public String name() {
        return NAME;
    }

    public ProhibitedPromiseRule(QualityLexicon prohibited) {
        super(NAME, Severity.HIGH, prohibited, "回复中有平台禁止的承诺(好评返现或引导站外交易)");
    }
}
