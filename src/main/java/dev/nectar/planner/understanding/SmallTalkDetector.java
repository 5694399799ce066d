package dev.nectar.planner.understanding;

import java.util.List;
import java.util.Optional;

/** Greetings (你好, 在吗, hello) and goodbyes (谢谢, 没有别的问题了, 拜拜); a goodbye outweighs a greeting. */
public final class SmallTalkDetector {
    private final Lexicon lexicon;

    public SmallTalkDetector(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Optional<SmallTalk> detect(NormalizedText text) {
        String folded = text.folded();
        List<Cue> cues = lexicon.smallTalk.find(folded);
        // 好的谢谢 is still only small talk: an answer does not make it a request
        return CueTable.strongest(cues).map(best -> new SmallTalk(SmallTalk.Kind.valueOf(best.label()), best,
                Coverage.onlyPleasantries(lexicon, folded, lexicon.yesNo.find(folded))));
    }
}
