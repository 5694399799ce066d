package dev.nectar.images;

/** How far a merchant can trust a photo as evidence. */
public enum Verdict {
    /** Nothing points at generation, editing or reuse: fit for automatic approval. */
    AUTHENTIC,
    /** Signals add up to the threshold: a person should look before money moves. */
    SUSPICIOUS,
    /** A strong marker (an AI generator's own metadata or provenance) says the photo is not a real capture. */
    FAKE
}
