package dev.nectar.images;

import java.util.List;

/** The latest verdict on one image, with the signals it was computed from. */
public record Verification(String imageId, Verdict verdict, double score, List<Signal> signals) {
}
