package dev.nectar.planner;

import java.util.Optional;

/** Reads a buyer's answer to a yes/no question in words (确认, 好的, 不用了 ...). */
public interface AnswerReader {

    /**
     * true for yes, false for no, empty when the message is not an answer to confirming an action of this kind: a
     * message that asks for another kind (算了,还是换个大号的 while a return awaits) or corrects the variant is a new
     * request, not a no.
     *
     * @param pendingKind the contract's case type of the action awaiting confirmation, or the tool's name otherwise
     */
    Optional<Boolean> yesNo(String text, String pendingKind);
}
