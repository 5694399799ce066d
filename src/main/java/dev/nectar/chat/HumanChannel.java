package dev.nectar.chat;

import dev.nectar.conversation.Conversation;

import java.util.List;

/**
 * Where buyer messages go while a conversation is queued for or held by a human: implemented by the handoff
 * feature. Returns the frames for the buyer (their place in line while queued; nothing while an agent holds it).
 */
public interface HumanChannel {

    List<Object> deliver(Conversation conversation, String replyTo, String text, List<String> images);
}
