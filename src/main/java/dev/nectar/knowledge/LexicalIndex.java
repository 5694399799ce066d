package dev.nectar.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over {@link KnowledgeTokens} (words and character bigrams), immutable once built. A query is a list of token
 * groups, each group one token of the query with the synonyms it may be matched by (邮费 or 运费); a group counts once,
 * by its best-scoring member. Scores are normalised to 0..1 by the score a chunk of average length would get for
 * containing every group once, so they mean "how much of the query (weighted by rarity) this chunk covers" and can be
 * fused with a cosine similarity.
 */
final class LexicalIndex {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /** A synonym's match counts a little less than the buyer's own word. */
    private static final double SYNONYM_WEIGHT = 0.8;

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
            List<String> tokens = KnowledgeTokens.of(texts.get(d));
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

    /** Scores of a plain query (each token its own group), for tests and callers without a thesaurus. */
    double[] scores(String query) {
        return scores(KnowledgeTokens.of(query).stream().distinct().map(Set::of).toList());
    }

    /** The normalised score of every chunk position for the query groups (0 where no group is matched). */
    double[] scores(List<Set<String>> groups) {
        double[] scores = new double[lengths.length];
        double ceiling = 0;
        for (Set<String> group : groups) {
            double[] best = new double[lengths.length];
            double groupIdf = -1;
            double absentIdf = 0;
            boolean first = true;
            for (String term : group) {
                int[] list = postings.get(term);
                int df = list == null ? 0 : list.length / 2;
                double idf = Math.log(1 + (lengths.length - df + 0.5) / (df + 0.5));
                double weight = first ? 1.0 : SYNONYM_WEIGHT;
                if (first) {
                    absentIdf = idf;
                }
                first = false;
                if (list == null) {
                    continue;
                }
                // the group weighs what its rarest word found in the documents weighs: a buyer's word the merchant
                // never uses (邮费) is matched by the merchant's synonym (运费) without lowering every score
                groupIdf = Math.max(groupIdf, idf);
                for (int i = 0; i < list.length; i += 2) {
                    int d = list[i];
                    double tf = list[i + 1];
                    double s = weight * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[d] / averageLength));
                    best[d] = Math.max(best[d], s);
                }
            }
            ceiling += groupIdf < 0 ? absentIdf : groupIdf;
            for (int d = 0; d < scores.length; d++) {
                scores[d] += best[d];
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
