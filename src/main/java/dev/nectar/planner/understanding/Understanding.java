package dev.nectar.planner.understanding;

import java.util.Optional;

/**
 * Everything the understanding layer reads from one buyer message. Immutable.
 *
 * <p>Detectors come first in the planner's decision (DESIGN.md, step 4): a prompt injection is refused, a human
 * request, complaint or health case hands off; small talk is answered only when {@link SmallTalk#pure()}.
 *
 * @param text            the message, original and normalised
 * @param slots           the slots, grounded in the buyer's orders and the catalog
 * @param humanRequest    the buyer asks for a person (转人工); a question about service hours is not one
 * @param complaint       complaint, threat or abuse (label COMPLAINT, THREAT or ABUSE)
 * @param healthSafety    a symptom, with the category hint that picks the skill
 * @param promptInjection an attempt to override the rules (label OVERRIDE or ROLE_CLAIM)
 * @param smallTalk       greeting or goodbye
 */
public record Understanding(
        NormalizedText text,
        Slots slots,
        Optional<Cue> humanRequest,
        Optional<Cue> complaint,
        Optional<HealthSafety> healthSafety,
        Optional<Cue> promptInjection,
        Optional<SmallTalk> smallTalk) {

    /** The policy hands this message to a human: a request for one, a complaint, or a health or safety case. */
    public boolean forHumans() {
        return humanRequest.isPresent() || complaint.isPresent() || healthSafety.isPresent();
    }

    /** The same understanding with other slots. */
    public Understanding withSlots(Slots other) {
        return new Understanding(text, other, humanRequest, complaint, healthSafety, promptInjection, smallTalk);
    }
}
