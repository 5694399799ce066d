package dev.nectar.text;

import dev.nectar.platform.NectarConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Chinese text toolkit shared by understanding, knowledge and recommendation: the thesaurus and the homophone
 * corrector over its vocabulary, both read from {@code prompts/understanding/synonyms.json} at start-up, and the
 * English glossary and the regions beside it.
 */
@ApplicationScoped
public class ChineseText {
    private final Thesaurus thesaurus;
    private final HomophoneCorrector corrector;
    private final EnglishGlossary english;
    private final Regions regions;

    @Inject
    public ChineseText(NectarConfig config) {
        this(Path.of(config.promptsDir(), "understanding", "synonyms.json"));
    }

    public ChineseText(Path synonyms) {
        this.thesaurus = Thesaurus.load(synonyms);
        Set<String> vocabulary = new LinkedHashSet<>(thesaurus.vocabulary());
        vocabulary.addAll(thesaurus.extraVocabulary());
        this.corrector = new HomophoneCorrector(vocabulary);
        this.english = EnglishGlossary.load(synonyms.resolveSibling("english.json"));
        this.regions = Regions.load(synonyms.resolveSibling("regions.json"));
    }

    public Thesaurus thesaurus() {
        return thesaurus;
    }

    public Regions regions() {
        return regions;
    }

    /** The text with the Chinese of its English e-commerce words appended (invoice → 发票 开票), for searching. */
    public String glossed(String text) {
        return english.glossed(text);
    }

    /** The text with homophone typos of domain words repaired (快第 → 快递). */
    public String corrected(String text) {
        return corrector.correct(text);
    }
}
