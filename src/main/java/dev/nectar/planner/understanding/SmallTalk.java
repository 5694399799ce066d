package dev.nectar.planner.understanding;

/**
 * A greeting or goodbye.
 *
 * @param pure true when the message is nothing else (你好呀, 好的谢谢再见); 你好,我想退货 is not pure and the
 *             planner should serve the request
 */
public record SmallTalk(Kind kind, Cue cue, boolean pure) {

    public enum Kind {
        GREETING, THANKS_BYE
    }
}
