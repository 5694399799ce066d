package dev.nectar.knowledge;

/** One question and its answer; the question is what retrieval matches, the answer travels with it. */
public record FaqPair(String question, String answer) {
}
