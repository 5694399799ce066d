package dev.nectar.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hankcs.hanlp.dictionary.CoreSynonymDictionary;
import com.hankcs.hanlp.dictionary.common.CommonSynonymDictionary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words that mean the same, for query expansion: the e-commerce groups of {@code prompts/understanding/synonyms.json}
 * (邮费 = 运费 = 快递费, 码数 = 尺码) first, then HanLP's 同义词词林 ({@code CoreSynonym.txt}) where it lists exact synonyms
 * ("=" entries) of a word of two or more characters. 词林's looser classes ("#" related, "@" alone) are not used: they
 * join words a buyer would never swap (退款 # 退税).
 */
public final class Thesaurus {
    /** A 词林 group larger than this is a broad class (好 = 便宜 = 有利 …), not synonyms. */
    private static final int MAX_LIBRARY_GROUP = 6;

    private final Map<String, Set<String>> groups;
    private final Set<String> extra;

    private Thesaurus(Map<String, Set<String>> groups, Set<String> extra) {
        this.groups = groups;
        this.extra = extra;
    }

    private record File(List<List<String>> groups, List<String> vocabulary) {
    }

    /** Reads {@code synonyms.json}: {"groups":[["邮费","运费",…],…],"vocabulary":["七天无理由",…]}. */
    public static Thesaurus load(Path file) {
        Map<String, Set<String>> groups = new HashMap<>();
        Set<String> extra = new LinkedHashSet<>();
        if (Files.exists(file)) {
            try {
                File json = new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                        .readValue(file.toFile(), File.class);
                if (json.vocabulary() != null) {
                    extra.addAll(json.vocabulary());
                }
                for (List<String> group : json.groups() == null ? List.<List<String>>of() : json.groups()) {
                    Set<String> members = new LinkedHashSet<>(group.stream().map(String::strip).filter(w -> !w.isEmpty()).toList());
                    for (String w : members) {
                        groups.computeIfAbsent(w, k -> new LinkedHashSet<>()).addAll(members);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the thesaurus " + file, e);
            }
        }
        return new Thesaurus(groups, extra);
    }

    /** The word and the words that mean the same, the word first. */
    public Set<String> synonyms(String word) {
        Set<String> out = new LinkedHashSet<>();
        out.add(word);
        Set<String> own = groups.get(word);
        if (own != null) {
            out.addAll(own);
        }
        if (word.length() >= 2 && word.codePoints().allMatch(Thesaurus::isHan)) {
            CommonSynonymDictionary.SynonymItem item = CoreSynonymDictionary.get(word);
            if (item != null && item.type == com.hankcs.hanlp.corpus.synonym.Synonym.Type.EQUAL
                    && item.synonymList.size() <= MAX_LIBRARY_GROUP) {
                item.synonymList.stream().map(s -> s.realWord).filter(w -> w.length() >= 2).forEach(out::add);
            }
        }
        return out;
    }

    /** Every word of the merchant-editable groups (the domain vocabulary typos are corrected towards). */
    public Set<String> vocabulary() {
        return groups.keySet();
    }

    /** Domain words that have no synonyms but that typos are corrected towards too. */
    public Set<String> extraVocabulary() {
        return extra;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
