package dev.nectar.quality;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Inspection records. A conversation is inspected exactly once, on whichever node: the inspector first claims it
 * here (an insert that only one node can win) and then saves the record under that claim.
 */
public interface QualityStore {

    record Due(String merchantId, String conversationId) {
    }

    /**
     * Conversations due for inspection, oldest first: closed, or untouched since {@code idleBefore}, and neither
     * inspected nor claimed (a claim older than {@code staleBefore} counts as abandoned).
     */
    List<Due> due(Instant idleBefore, Instant staleBefore, int limit);

    /**
     * Claims the inspection of a conversation for {@code node}. True for exactly one of any number of concurrent
     * claimers; a claim older than {@code staleBefore} that was never finished may be taken over.
     */
    boolean claim(String merchantId, String conversationId, String node, Instant now, Instant staleBefore);

    /** Stores the record of a conversation this node claimed; false (and nothing stored) when the claim was lost. */
    boolean save(String merchantId, QualityRecord record, String node);

    Optional<QualityRecord> find(String merchantId, String conversationId);

    /** Records inspected in {@code [from, to)}, lowest score first; only those an agent took part in when agentId is set. */
    List<QualityRecord> list(String merchantId, Instant from, Instant to, String agentId);

    /** Replaces a stored record by {@code change} of it, one change at a time; empty when there is no record. */
    Optional<QualityRecord> update(String merchantId, String conversationId, UnaryOperator<QualityRecord> change);

    /** Deletes the records (and claims) of these conversations (an erased buyer's); returns how many. */
    int eraseConversations(String merchantId, Collection<String> conversationIds);
}
