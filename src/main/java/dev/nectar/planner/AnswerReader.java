package dev.nectar.planner;

import java.util.Optional;

/** Reads a buyer's answer to a yes/no question in words (确认, 好的, 不用了 ...). */
public interface AnswerReader {

    /** true for yes, false for no, empty when the message is not an answer. */
    Optional<Boolean> yesNo(String text);
}
