package dev.nectar.planner.llm;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Turns streamed pieces of model text into guarded sentences: a sentence is passed through the guard and sent on
 * as soon as it is complete, so the buyer sees text early but never an unguarded word. What was sent, plus the
 * guarded tail, is exactly the final reply.
 */
final class SentenceStream {
    private final UnaryOperator<String> guard;
    private final Consumer<String> sink;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder sent = new StringBuilder();
    private int received;

    SentenceStream(UnaryOperator<String> guard, Consumer<String> sink) {
        this.guard = guard;
        this.sink = sink;
    }

    void accept(String piece) {
        received += piece.length();
        pending.append(piece);
        int end;
        while ((end = OutputGuard.sentenceEnd(pending)) > 0) {
            emit(pending.substring(0, end));
            pending.delete(0, end);
        }
    }

    /** Characters received so far. */
    int received() {
        return received;
    }

    /** Sends the last sentence and returns the whole guarded text. */
    String finish() {
        if (!pending.isEmpty()) {
            emit(pending.toString());
            pending.setLength(0);
        }
        return sent.toString();
    }

    private void emit(String sentence) {
        String guarded = guard.apply(sentence);
        if (!guarded.isBlank()) {
            sent.append(guarded);
            sink.accept(guarded);
        }
    }
}
