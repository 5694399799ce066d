package dev.nectar.quality;

/** How much a finding weighs: the points it takes off a conversation's score of 100. */
public enum Severity {
    LOW(5), MEDIUM(10), HIGH(25);

    private final int penalty;

    Severity(int penalty) {
        this.penalty = penalty;
    }

    public int penalty() {
        return penalty;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
