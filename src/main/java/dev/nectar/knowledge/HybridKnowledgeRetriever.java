package dev.nectar.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.nectar.platform.NectarConfig;
import dev.nectar.text.ChineseText;
import dev.nectar.text.ChineseWords;
import dev.nectar.text.HomophoneCorrector;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                           HomophoneCorrector homophones, List<Set<String>> headingTokens, List<Set<String>> textTokens) {
    }

    private final KnowledgeIndex index;
    private final EmbeddingModel model;
    private final KnowledgeConfig config;
    private final ChineseText text;
    private final AnswerTypes answerTypes;
    private final Optional<FactRanker> ranker;
    private final ConcurrentMap<String, Lexicon> lexicons = new ConcurrentHashMap<>();

    public HybridKnowledgeRetriever(KnowledgeIndex index, EmbeddingModel model, KnowledgeConfig config, ChineseText text,
                                    NectarConfig nectar) {
        this.index = index;
        this.model = model;
        this.config = config;
        this.text = text;
        this.answerTypes = AnswerTypes.load(Path.of(nectar.promptsDir(), "understanding", "answer_types.json"));
        this.ranker = FactRanker.load(Path.of(nectar.promptsDir(), "knowledge", "ranker.json"));
    }

    @Override
    @WithSpan("nectar.knowledge.search")
    public List<KnowledgeHit> search(String merchantId, String query, int k) {
        List<Candidate> found = candidates(merchantId, query, Math.max(k, FactRanker.WINDOW));
        return ranker.map(r -> reranked(r, found)).orElse(found).stream().limit(Math.max(k, 0)).map(Candidate::hit).toList();
    }

    @Override
    @WithSpan("nectar.knowledge.search")
    public Optional<KnowledgeHit> strongest(String merchantId, String query) {
        return candidates(merchantId, query, 1).stream().findFirst().map(Candidate::hit);
    }

    /** One fact found for a question, with what the fact ranker weighs ({@link FactRanker#FEATURES}). */
    record Candidate(KnowledgeHit hit, double[] features) {
    }

    /**
     * The window's facts in the ranker's order, the rest as the fused score put them. Whether a question has an answer
     * stays the calibrated threshold's call on the best fused score, and the fact the ranker puts first carries that
     * call: the threshold says the knowledge answers, the ranker says which fact does (a postage row that covers both
     * 江浙沪 and 包邮 over a delivery line that only shares 江浙沪).
     */
    static List<Candidate> reranked(FactRanker ranker, List<Candidate> found) {
        if (found.isEmpty()) {
            return found;
        }
        int window = Math.min(found.size(), FactRanker.WINDOW);
        boolean answerable = found.get(0).hit().answerable();
        List<Candidate> out = new ArrayList<>(found.subList(0, window));
        // stable: equal model scores keep the fused order, itself document order for equal fused scores
        out.sort(Comparator.comparingDouble((Candidate c) -> ranker.score(c.features())).reversed());
        Candidate first = out.get(0);
        if (first.hit().answerable() != answerable) {
            KnowledgeHit h = first.hit();
            out.set(0, new Candidate(new KnowledgeHit(h.docId(), h.title(), h.headingPath(), h.text(), h.score(), answerable), first.features()));
        }
        out.addAll(found.subList(window, found.size()));
        return out;
    }

    /** The best {@code n} facts by fused score, each with its ranking features. */
    List<Candidate> candidates(String merchantId, String query, int n) {
        String q = EDGE_MARKS.matcher(BigramTokenizer.normalize(text.glossed(text.corrected(query == null ? "" : query)))).replaceAll("");
        if (q.length() > MAX_QUERY_CHARS) {
            q = q.substring(0, MAX_QUERY_CHARS);
        }
        Lexicon lexicon = lexicon(merchantId);
        if (q.isEmpty() || n <= 0 || lexicon.chunks().isEmpty()) {
            return List.of();
        }
        // a typo of a word only this merchant uses (运废 for 运费, 顺风 for 顺丰): the word joins the query
        q = lexicon.homophones().withAlternatives(q);
        float[] vector = model.embed(config.queryInstruction().orElse("") + q).content().vector();
        int pool = Math.max(MIN_CANDIDATES, n * 4);

        Map<String, Double> similarity = new HashMap<>();
        index.nearest(merchantId, vector, pool).forEach(h -> similarity.put(h.chunkId(), h.similarity()));
        List<Set<String>> groups = KnowledgeTokens.query(q, text);
        double[] lexical = lexicon.index().scores(groups);
        Set<String> candidates = new LinkedHashSet<>(similarity.keySet());
        for (int p : TopK.positions(lexical, pool, 0)) {
            candidates.add(lexicon.chunks().get(p).chunkId());
        }
        List<String> missing = candidates.stream().filter(id -> !similarity.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            similarity.putAll(index.similarities(merchantId, vector, missing));
        }

        List<Pattern> asked = answerTypes.asked(q);
        List<Scored> scored = new ArrayList<>();
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
            double bonus = answerTypes.bonus(asked, c.text());
            double score = fuse(cosine, lexical[position]) + bonus;
            scored.add(new Scored(new KnowledgeHit(c.docId(), c.title(), c.headingPath(), c.text(), score,
                    score >= config.answerableThreshold()), position, cosine, lexical[position], bonus > 0));
        }
        scored.sort(Comparator.comparingDouble((Scored h) -> h.hit().score()).reversed());
        // the same fact twice in one document (a line repeated under two headings): keep its best score only
        Set<String> seen = new HashSet<>();
        List<Scored> best = scored.stream().filter(h -> seen.add(h.hit().docId() + "\n" + h.hit().text())).limit(n).toList();
        return features(best, groups, words(q), lexicon);
    }

    private record Scored(KnowledgeHit hit, int position, double cosine, double lexical, boolean typed) {
    }

    /**
     * The query's words with their synonyms, one group per word, and the places it names with the regions around them
     * and the provinces they group (江浙沪 → 江苏): what a fact must say to be about the question.
     */
    private List<Set<String>> words(String q) {
        List<String> places = text.regions().places(q);
        List<Set<String>> out = new ArrayList<>(ChineseWords.content(q).stream().filter(w -> w.length() >= 2).distinct()
                .filter(w -> places.stream().noneMatch(p -> p.contains(w) || w.contains(p))).map(w -> {
                    Set<String> group = new LinkedHashSet<>(List.of(w));
                    group.addAll(text.thesaurus().synonyms(w));
                    return (Set<String>) group;
                }).toList());
        for (String place : places) {
            Set<String> group = new LinkedHashSet<>(List.of(place));
            group.addAll(text.regions().containing(place));
            group.addAll(text.regions().members(place));
            out.add(group);
        }
        return out;
    }

    private List<Candidate> features(List<Scored> best, List<Set<String>> groups, List<Set<String>> words, Lexicon lexicon) {
        double top = best.isEmpty() ? 0 : best.get(0).hit().score();
        List<Candidate> out = new ArrayList<>(best.size());
        for (int i = 0; i < best.size(); i++) {
            Scored s = best.get(i);
            String fact = s.hit().text();
            out.add(new Candidate(s.hit(), new double[]{
                    semantic(s.cosine()), s.lexical(), s.typed() ? 1 : 0, 1.0 / (1 + i),
                    1.0 / (1 + rank(best, s, Scored::cosine)), 1.0 / (1 + rank(best, s, Scored::lexical)),
                    cover(groups, lexicon.headingTokens().get(s.position())), cover(groups, lexicon.textTokens().get(s.position())),
                    FactAnswer.isFaq(fact) ? 1 : 0, FactAnswer.isRow(fact) ? 1 : 0, Math.min(fact.length(), 200) / 200.0,
                    top - s.hit().score(), contained(words, lexicon.chunks().get(s.position()).retrievalText()), contained(words, fact)}));
        }
        return out;
    }

    /** How many facts of the list beat this one on a measure. */
    private static int rank(List<Scored> all, Scored one, java.util.function.ToDoubleFunction<Scored> measure) {
        double v = measure.applyAsDouble(one);
        return (int) all.stream().filter(o -> measure.applyAsDouble(o) > v).count();
    }

    /** The share of the query's word groups of which the text contains a member. */
    private static double contained(List<Set<String>> words, String text) {
        if (words.isEmpty()) {
            return 0;
        }
        return (double) words.stream().filter(g -> g.stream().anyMatch(text::contains)).count() / words.size();
    }

    /** The share of the query's word groups that a set of tokens holds a member of. */
    private static double cover(List<Set<String>> groups, Set<String> tokens) {
        if (groups.isEmpty()) {
            return 0;
        }
        return (double) groups.stream().filter(g -> g.stream().anyMatch(tokens::contains)).count() / groups.size();
    }

    /** The fused score: cosine mapped from [floor, ceiling] onto 0..1, plus the normalised lexical score. */
    private double fuse(double cosine, double lexical) {
        return config.vectorWeight() * semantic(cosine) + (1 - config.vectorWeight()) * lexical;
    }

    private double semantic(double cosine) {
        double span = config.cosineCeiling() - config.cosineFloor();
        return Math.max(0, Math.min(1, (cosine - config.cosineFloor()) / span));
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
                new HomophoneCorrector(words), tokenSets(chunks, KnowledgeChunk::headingPath), tokenSets(chunks, KnowledgeChunk::text));
    }

    private static List<Set<String>> tokenSets(List<KnowledgeChunk> chunks, java.util.function.Function<KnowledgeChunk, String> part) {
        return chunks.stream().map(c -> Set.copyOf(KnowledgeTokens.of(part.apply(c) == null ? "" : part.apply(c)))).toList();
    }
}
