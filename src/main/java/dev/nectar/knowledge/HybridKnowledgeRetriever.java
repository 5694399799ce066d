package dev.nectar.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.nectar.platform.NectarConfig;
import dev.nectar.text.ChineseText;
import dev.nectar.text.ChineseWords;
import dev.nectar.text.HomophoneCorrector;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Vector similarity fused with BM25 over bigrams and words, the query's words expanded with their synonyms, its
 * homophone typos repaired (of the domain vocabulary, and of the merchant's own words) and its English e-commerce
 * words glossed in Chinese first. The embedding finds paraphrases ("寄回去的地址" for the return address);
 * the lexical score rewards the exact rare words a buyer types (发票, 42码, SPF). Both are mapped to 0..1 and added
 * with fixed weights, so a score means the same for every merchant and one calibrated threshold separates answers
 * from guesses. Each merchant's lexical index is cached until its revision moves.
 */
@ApplicationScoped
public class HybridKnowledgeRetriever implements KnowledgeRetriever {
    private static final int MIN_CANDIDATES = 30;
    private static final int MAX_QUERY_CHARS = 500;
    /**
     * Punctuation and symbols around a question (?, !, ~, emoji) carry no meaning for retrieval but move a short
     * query's embedding enough to cost an answer its place above the threshold.
     */
    private static final Pattern EDGE_MARKS = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");

    /** A merchant's chunks as of one revision, their lexical index, and the homophones of their own words. */
    private record Lexicon(long revision, List<KnowledgeChunk> chunks, Map<String, Integer> positions, LexicalIndex index,
                           HomophoneCorrector homophones) {
    }

    private final KnowledgeIndex index;
    private final EmbeddingModel model;
    private final KnowledgeConfig config;
    private final ChineseText text;
    private final AnswerTypes answerTypes;
    private final ConcurrentMap<String, Lexicon> lexicons = new ConcurrentHashMap<>();

    public HybridKnowledgeRetriever(KnowledgeIndex index, EmbeddingModel model, KnowledgeConfig config, ChineseText text,
                                    NectarConfig nectar) {
        this.index = index;
        this.model = model;
        this.config = config;
        this.text = text;
        this.answerTypes = AnswerTypes.load(Path.of(nectar.promptsDir(), "understanding", "answer_types.json"));
    }

    @Override
    public List<KnowledgeHit> search(String merchantId, String query, int k) {
        String q = EDGE_MARKS.matcher(BigramTokenizer.normalize(text.glossed(text.corrected(query == null ? "" : query)))).replaceAll("");
        if (q.length() > MAX_QUERY_CHARS) {
            q = q.substring(0, MAX_QUERY_CHARS);
        }
        Lexicon lexicon = lexicon(merchantId);
        if (q.isEmpty() || k <= 0 || lexicon.chunks().isEmpty()) {
            return List.of();
        }
        // a typo of a word only this merchant uses (运废 for 运费, 顺风 for 顺丰): the word joins the query
        List<String> homophones = lexicon.homophones().alternatives(q);
        if (!homophones.isEmpty()) {
            q = q + " " + String.join(" ", homophones);
        }
        float[] vector = model.embed(config.queryInstruction().orElse("") + q).content().vector();
        int pool = Math.max(MIN_CANDIDATES, k * 4);

        Map<String, Double> similarity = new HashMap<>();
        index.nearest(merchantId, vector, pool).forEach(h -> similarity.put(h.chunkId(), h.similarity()));
        double[] lexical = lexicon.index().scores(KnowledgeTokens.query(q, text));
        Set<String> candidates = new LinkedHashSet<>(similarity.keySet());
        for (int p : TopK.positions(lexical, pool, 0)) {
            candidates.add(lexicon.chunks().get(p).chunkId());
        }
        List<String> missing = candidates.stream().filter(id -> !similarity.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            similarity.putAll(index.similarities(merchantId, vector, missing));
        }

        List<Pattern> asked = answerTypes.asked(q);
        List<KnowledgeHit> hits = new ArrayList<>();
        // candidates in document order (doc, then position in it), so that equal scores, common once the cosine is
        // capped (冲锋衣XL码 in the men's and the women's chart), rank the same way on every search and every node
        List<String> ordered = candidates.stream().filter(lexicon.positions()::containsKey)
                .sorted(Comparator.comparingInt(lexicon.positions()::get)).toList();
        for (String id : ordered) {
            Integer position = lexicon.positions().get(id);
            Double cosine = similarity.get(id);
            if (position == null || cosine == null) {
                continue; // written after this lexicon was built; the next search sees it
            }
            KnowledgeChunk c = lexicon.chunks().get(position);
            double score = fuse(cosine, lexical[position]) + answerTypes.bonus(asked, c.text());
            hits.add(new KnowledgeHit(c.docId(), c.title(), c.headingPath(), c.text(), score,
                    score >= config.answerableThreshold()));
        }
        hits.sort(Comparator.comparingDouble(KnowledgeHit::score).reversed());
        // the same fact twice in one document (a line repeated under two headings): keep its best score only
        Set<String> seen = new HashSet<>();
        return hits.stream().filter(h -> seen.add(h.docId() + "\n" + h.text())).limit(k).toList();
    }

    /** The fused score: cosine mapped from [floor, ceiling] onto 0..1, plus the normalised lexical score. */
    private double fuse(double cosine, double lexical) {
        double span = config.cosineCeiling() - config.cosineFloor();
        double semantic = Math.max(0, Math.min(1, (cosine - config.cosineFloor()) / span));
        return config.vectorWeight() * semantic + (1 - config.vectorWeight()) * lexical;
    }

    private Lexicon lexicon(String merchantId) {
        long revision = index.revision(merchantId);
        Lexicon current = lexicons.get(merchantId);
        if (current != null && current.revision() == revision) {
            return current;
        }
        return lexicons.compute(merchantId, (m, old) -> old != null && old.revision() == revision ? old : build(m, revision));
    }

    private Lexicon build(String merchantId, long revision) {
        List<KnowledgeChunk> chunks = index.chunks(merchantId);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            positions.put(chunks.get(i).chunkId(), i);
        }
        Set<String> words = new HashSet<>();
        chunks.forEach(c -> words.addAll(ChineseWords.content(c.retrievalText())));
        return new Lexicon(revision, chunks, positions, LexicalIndex.build(chunks.stream().map(KnowledgeChunk::retrievalText).toList()),
                new HomophoneCorrector(words));
    }
}
