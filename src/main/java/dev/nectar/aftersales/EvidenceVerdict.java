package dev.nectar.aftersales;

/** What photo verification concluded about one image offered as evidence in a claim. */
public record EvidenceVerdict(String imageId, Verdict verdict) {

    public enum Verdict { AUTHENTIC, SUSPICIOUS, FAKE }

    public boolean authentic() {
        return verdict == Verdict.AUTHENTIC;
    }
}
