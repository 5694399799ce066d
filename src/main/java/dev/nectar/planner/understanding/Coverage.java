package dev.nectar.planner.understanding;

import java.util.Collection;

/** Whether a message is nothing but some cues: 好的谢谢 is only an answer, 你好呀 only a greeting. */
final class Coverage {
    private Coverage() {
    }

    /** True when every letter or digit of {@code folded} lies inside one of {@code cues}. */
    static boolean onlyCues(String folded, Collection<Cue> cues) {
        boolean[] covered = new boolean[folded.length()];
        for (Cue cue : cues) {
            for (int k = cue.start(); k < cue.end(); k++) {
                covered[k] = true;
            }
        }
        for (int k = 0; k < folded.length(); k++) {
            if (!covered[k] && Character.isLetterOrDigit(folded.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
