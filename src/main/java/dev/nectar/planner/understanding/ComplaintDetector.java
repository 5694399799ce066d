package dev.nectar.planner.understanding;

import java.util.Optional;

/** A complaint, threat or abuse (投诉, 12315, 差评, 骗子, 什么破服务): each goes to a person. */
public final class ComplaintDetector {
    private final CueTable table;

    public ComplaintDetector(Lexicon lexicon) {
        this.table = lexicon.complaint;
    }

    /** The strongest cue; its label is COMPLAINT, THREAT or ABUSE. */
    public Optional<Cue> detect(NormalizedText text) {
        return CueTable.strongest(table.find(text.folded()));
    }
}
