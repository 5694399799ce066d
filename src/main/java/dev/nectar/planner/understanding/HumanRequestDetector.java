package dev.nectar.planner.understanding;

import java.util.List;
import java.util.Optional;

/**
 * A request to talk to a person (转人工, 找真人, 别让机器人回答, talk to a human). Naming human service is a request
 * unless the message asks about service hours: 人工客服几点上班 is a knowledge question, not a handoff.
 */
public final class HumanRequestDetector {
    private final CueTable table;

    public HumanRequestDetector(Lexicon lexicon) {
        this.table = lexicon.humanRequest;
    }

    /** The cue of the request, or empty. */
    public Optional<Cue> detect(NormalizedText text) {
        List<Cue> cues = table.find(text.folded());
        Optional<Cue> strong = first(cues, "STRONG");
        if (strong.isPresent() || first(cues, "SERVICE_QUESTION").isPresent()) {
            return strong;
        }
        return first(cues, "WEAK");
    }

    private static Optional<Cue> first(List<Cue> cues, String label) {
        return cues.stream().filter(c -> c.label().equals(label)).findFirst();
    }
}
