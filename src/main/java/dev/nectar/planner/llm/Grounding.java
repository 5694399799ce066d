package dev.nectar.planner.llm;

/** What the model's text may show this buyer in this turn (see {@link OutputGuard}). */
public interface Grounding {

    /** The token (an id, a tracking or phone number) comes from this buyer's own data or this turn's tool results. */
    boolean known(String token);

    /** A tool result of this turn shows an approved after-sales case, so the text may say the refund is granted. */
    boolean refundGranted();
}
