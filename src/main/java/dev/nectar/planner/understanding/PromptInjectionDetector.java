package dev.nectar.planner.understanding;

import java.util.List;
import java.util.Optional;

/**
 * Attempts to override the assistant: instructions to ignore its rules or to become someone else (OVERRIDE), or a
 * claimed role (我是店长) used to demand a privileged action (直接退款, 跳过确认). A role claim alone is not enough.
 */
public final class PromptInjectionDetector {
    private final CueTable table;

    public PromptInjectionDetector(Lexicon lexicon) {
        this.table = lexicon.promptInjection;
    }

    /** The cue that makes the message an injection (OVERRIDE or ROLE_CLAIM), or empty. */
    public Optional<Cue> detect(NormalizedText text) {
        List<Cue> cues = table.find(text.folded());
        Optional<Cue> override = cues.stream().filter(c -> c.label().equals("OVERRIDE")).findFirst();
        if (override.isPresent()) {
            return override;
        }
        boolean privileged = cues.stream().anyMatch(c -> c.label().equals("PRIVILEGED_ACTION"));
        return privileged ? cues.stream().filter(c -> c.label().equals("ROLE_CLAIM")).findFirst() : Optional.empty();
    }
}
