package dev.nectar.planner.understanding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Whether a message is nothing but pleasantries: 好的谢谢 is only an answer, 你好呀 only a greeting. */
final class Coverage {
    private Coverage() {
    }

    /** True when the message holds nothing but the given answers, greetings, thanks and fillers. */
    static boolean onlyPleasantries(Lexicon lexicon, String folded, Collection<Cue> answers) {
        List<Cue> covering = new ArrayList<>(answers);
        covering.addAll(lexicon.smallTalk.find(folded));
        covering.addAll(lexicon.fillers.find(folded));
        return onlyCues(folded, covering);
    }

    /** True when every letter or digit of {@code folded} lies inside one of {@code cues}. */
    private static boolean onlyCues(String folded, Collection<Cue> cues) {
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
