package dev.nectar.handoff;

import java.util.List;
import java.util.Optional;

/** Handoffs of every merchant; the durable record behind the queue. */
public interface HandoffStore {

    void save(Handoff handoff);

    Optional<Handoff> find(String merchantId, String handoffId);

    /** The open (queued or assigned) handoff of a conversation. */
    Optional<Handoff> openFor(String merchantId, String conversationId);

    List<Handoff> list(String merchantId, Handoff.Status status);

    /** Queued handoffs ahead of this one: higher priority, or the same priority and older. */
    int ahead(Handoff handoff);
}
