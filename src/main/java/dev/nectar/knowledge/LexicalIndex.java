package dev.nectar.knowledge;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * BM25 over {@link BigramTokenizer} tokens, immutable once built. Scores are normalised to 0..1 by the score a
 * chunk of average length would get for containing every query token once, so they mean "how much of the query
 * (weighted by rarity) this chunk covers" and can be fused with a cosine similarity.
 */
final class LexicalIndex {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /** term -> pairs of (chunk position, term frequency). */
    private final Map<String, int[]> postings;
    private final int[] lengths;
    private final double averageLength;

    private LexicalIndex(Map<String, int[]> postings, int[] lengths) {
        this.postings = postings;
        this.lengths = lengths;
        long total = 0;
        for (int l : lengths) {
            total += l;
        }
        this.averageLength = lengths.length == 0 ? 1 : Math.max(1.0, (double) total / lengths.length);
    }

    static LexicalIndex build(List<String> texts) {
        Map<String, Map<Integer, Integer>> frequencies = new HashMap<>();
        int[] lengths = new int[texts.size()];
        for (int d = 0; d < texts.size(); d++) {
            List<String> tokens = BigramTokenizer.tokens(texts.get(d));
            lengths[d] = tokens.size();
            for (String t : tokens) {
                frequencies.computeIfAbsent(t, k -> new HashMap<>()).merge(d, 1, Integer::sum);
            }
        }
        Map<String, int[]> postings = new HashMap<>(frequencies.size() * 2);
        frequencies.forEach((term, byDoc) -> {
            int[] list = new int[byDoc.size() * 2];
            int i = 0;
            for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(byDoc).entrySet()) {
                list[i++] = e.getKey();
                list[i++] = e.getValue();
            }
            postings.put(term, list);
        });
        return new LexicalIndex(postings, lengths);
    }

    /** The normalised score of every chunk position for the query (0 where no token is shared). */
    double[] scores(String query) {
        double[] scores = new double[lengths.length];
        double ceiling = 0;
        for (String term : new LinkedHashSet<>(BigramTokenizer.tokens(query))) {
            int[] list = postings.get(term);
            int df = list == null ? 0 : list.length / 2;
            double idf = Math.log(1 + (lengths.length - df + 0.5) / (df + 0.5));
            ceiling += idf;
            if (list == null) {
                continue;
            }
            for (int i = 0; i < list.length; i += 2) {
                int d = list[i];
                double tf = list[i + 1];
                scores[d] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[d] / averageLength));
            }
        }
        if (ceiling > 0) {
            for (int d = 0; d < scores.length; d++) {
                scores[d] = Math.min(1.0, scores[d] / ceiling);
            }
        }
        return scores;
    }
}
