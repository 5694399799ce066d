package dev.nectar.planner.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;
import dev.nectar.text.EnglishGlossary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Every cue word and pattern of the understanding layer, read from the JSON files of one directory (see its
 * README.md) and compiled once: cues are normalised like buyer text and put in tries, regexes are compiled. Nothing
 * here is shop-specific; merchants may edit the files without recompiling. Immutable and thread-safe.
 */
public final class Lexicon {
    /** Where the files live relative to the working directory ({@code nectar.prompts-dir} + /understanding). */
    public static final Path DEFAULT_DIR = Path.of("prompts", "understanding");

    private static final Set<String> YES_NO_LABELS = Set.of("YES", "NO", "YES_ALONE", "NO_ALONE");

    final TextNormalizer normalizer;
    final CueTable fillers;
    final List<String> questionEndings;
    final CueTable reasons;
    final CueTable afterSaleKinds;
    final CueTable yesNo;
    final CueTable ordinals;
    final CueTable orderStatus;
    final CueTable humanRequest;
    final CueTable complaint;
    final CueTable healthSymptoms;
    final CueTable healthSubjects;
    final CueTable smallTalk;
    final CueTable promptInjection;
    final MoneyReader money;
    final QuantityReader quantities;
    final SizeReader sizes;
    final OrderIdReader orderIds;
    final TitleMatcher titles;
    /** English product and service words in Chinese, so that "my boots" names the 靴子 of an order. */
    final EnglishGlossary english;

    private Lexicon(Loader in) {
        JsonNode quantityFile = in.file("quantities.json");
        List<String> numeralUnits = in.strings(quantityFile, "numeralUnits");
        normalizer = new TextNormalizer(numeralUnits, in.strings(quantityFile, "keepWords"), in.strings(quantityFile, "halfUnits"));
        in.normalizer = normalizer;

        JsonNode common = in.file("common.json");
        in.negation = new CueTable.Negation(
                in.table(common.path("negation"), "common.json#negation", Set.of("NEGATION")::contains, null),
                in.cues(in.strings(common, "negationStops")));
        fillers = in.wordTable(in.strings(common, "fillers"), "FILLER");
        questionEndings = in.cues(in.strings(common, "questionEndings"));
        titles = new TitleMatcher(normalizer, in.wordTable(in.strings(common, "genericWords"), "GENERIC"));
        english = EnglishGlossary.load(in.dir.resolve("english.json"));

        reasons = in.table("reasons.json", enumLabels(Reason.class));
        afterSaleKinds = in.table("after_sale_kinds.json", enumLabels(AfterSaleKind.class));
        yesNo = in.table("yes_no.json", YES_NO_LABELS::contains);
        ordinals = in.table("ordinals.json", label -> label.matches("-?\\d+|\\$\\d"));
        orderStatus = in.table("order_status.json", enumLabels(OrderStatusHint.class));
        humanRequest = in.table("human_request.json", Set.of("STRONG", "WEAK", "SERVICE_QUESTION")::contains);
        complaint = in.table("complaint.json", Set.of("COMPLAINT", "THREAT", "ABUSE")::contains);
        healthSymptoms = in.table("health_symptoms.json", Set.of("SYMPTOM")::contains);
        healthSubjects = in.table("health_subjects.json", label -> !label.isBlank());
        smallTalk = in.table("small_talk.json", enumLabels(SmallTalk.Kind.class));
        promptInjection = in.table("prompt_injection.json", Set.of("OVERRIDE", "ROLE_CLAIM", "PRIVILEGED_ACTION")::contains);

        JsonNode sizeFile = in.file("sizes.json");
        sizes = new SizeReader(
                in.table(sizeFile.path("sizeWords"), "sizes.json#sizeWords", label -> !label.isBlank(), null),
                in.table(sizeFile.path("direction"), "sizes.json#direction", enumLabels(SizeDirection.class), null),
                in.cues(in.strings(sizeFile, "exchangeVerbs")));

        JsonNode moneyFile = in.file("money.json");
        MoneyReader.Words moneyWords = new MoneyReader.Words(
                in.cues(in.strings(moneyFile, "currency")), in.strings(moneyFile, "currencyPrefix"),
                in.cues(in.strings(moneyFile, "maxSuffix")), in.cues(in.strings(moneyFile, "maxPrefix")),
                in.cues(in.strings(moneyFile, "minSuffix")), in.cues(in.strings(moneyFile, "minPrefix")),
                in.cues(in.strings(moneyFile, "aroundSuffix")), in.cues(in.strings(moneyFile, "aroundPrefix")),
                in.cues(in.strings(moneyFile, "rangeJoiners")));
        Map<String, Double> weightUnits = in.numbers(quantityFile, "weightUnits");
        List<String> otherUnits = new ArrayList<>(in.cues(numeralUnits));
        otherUnits.removeAll(moneyWords.currency());
        otherUnits.addAll(weightUnits.keySet());
        money = new MoneyReader(moneyWords, otherUnits);

        quantities = new QuantityReader(new QuantityReader.Words(weightUnits,
                in.cues(in.strings(quantityFile, "countClassifiers")),
                in.cues(in.strings(quantityFile, "ageYearUnits")),
                in.cues(in.strings(quantityFile, "ageMonthUnits")),
                in.cues(in.strings(quantityFile, "ageMonthUnitsNeedingContext")),
                in.cues(in.strings(quantityFile, "ageAfterWords")),
                in.cues(in.strings(quantityFile, "ageSubjects"))), normalizer);

        JsonNode idFile = in.file("order_ids.json");
        orderIds = new OrderIdReader(in.patterns(idFile, "patterns", "order_ids.json"), in.patterns(idFile, "notOrderIds", "order_ids.json"));
    }

    /**
     * Reads and compiles the lexicon files of {@code dir}.
     *
     * @throws IllegalStateException naming the file and entry when a file is missing, not JSON, or holds an
     *                               unknown label, a bad regex or a cue listed twice with different meanings
     */
    public static Lexicon load(Path dir) {
        return new Lexicon(new Loader(dir));
    }

    /** {@link #load(Path)} of {@link #DEFAULT_DIR}. */
    public static Lexicon loadDefault() {
        return load(DEFAULT_DIR);
    }

    /** The normaliser configured by {@code quantities.json}, as used for every message and cue. */
    public TextNormalizer normalizer() {
        return normalizer;
    }

    private static <E extends Enum<E>> Predicate<String> enumLabels(Class<E> type) {
        Set<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
        return names::contains;
    }

    /** Reading state while the lexicon is built: the directory, then the normaliser and negations once known. */
    private static final class Loader {
        private final Path dir;
        private TextNormalizer normalizer;
        private CueTable.Negation negation;

        Loader(Path dir) {
            this.dir = dir;
        }

        JsonNode file(String name) {
            Path path = dir.resolve(name);
            try {
                return Json.MAPPER.readTree(Files.readString(path));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read lexicon file " + path + ": " + e.getMessage(), e);
            }
        }

        CueTable table(String name, Predicate<String> labelOk) {
            JsonNode node = file(name);
            return table(node, name, labelOk, node.path("negatable").asBoolean(false) ? negation : null);
        }

        CueTable table(JsonNode node, String where, Predicate<String> labelOk, CueTable.Negation negationTable) {
            if (!node.path("groups").isArray()) {
                throw new IllegalStateException(where + ": \"groups\" must be an array");
            }
            List<CueTable.Entry> entries = new ArrayList<>();
            List<CueTable.PatternEntry> patterns = new ArrayList<>();
            for (JsonNode group : node.path("groups")) {
                String label = group.path("label").asText("");
                if (!labelOk.test(label)) {
                    throw new IllegalStateException(where + ": unknown label '" + label + "'");
                }
                int weight = group.path("weight").asInt(1);
                for (String cue : cues(strings(group, "cues"))) {
                    entries.add(new CueTable.Entry(cue, label, weight));
                }
                for (Pattern pattern : patterns(group, "patterns", where)) {
                    patterns.add(new CueTable.PatternEntry(pattern, label, weight));
                }
            }
            for (String mask : cues(strings(node, "masks"))) {
                entries.add(new CueTable.Entry(mask, null, 0));
            }
            try {
                return new CueTable(entries, patterns, negationTable);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }

        CueTable wordTable(List<String> words, String label) {
            return new CueTable(cues(words).stream().distinct().map(w -> new CueTable.Entry(w, label, 1)).toList(), List.of(), null);
        }

        /** Cue words in the form buyer text takes after normalisation (七天 → 7天, ASCII lower case). */
        List<String> cues(List<String> words) {
            List<String> cues = new ArrayList<>();
            for (String word : words) {
                String cue = normalizer.normalize(word).folded();
                if (cue.isEmpty()) {
                    throw new IllegalStateException("lexicon cue '" + word + "' is empty after normalisation");
                }
                cues.add(cue);
            }
            return cues;
        }

        List<String> strings(JsonNode node, String field) {
            List<String> values = new ArrayList<>();
            node.path(field).forEach(v -> values.add(v.asText()));
            return values;
        }

        Map<String, Double> numbers(JsonNode node, String field) {
            Map<String, Double> values = new LinkedHashMap<>();
            node.path(field).fields().forEachRemaining(e -> values.put(normalizer.normalize(e.getKey()).folded(), e.getValue().asDouble()));
            return values;
        }

        List<Pattern> patterns(JsonNode node, String field, String where) {
            List<Pattern> compiled = new ArrayList<>();
            for (String regex : strings(node, field)) {
                try {
                    compiled.add(Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(where + ": bad pattern '" + regex + "': " + e.getDescription(), e);
                }
            }
            return compiled;
        }
    }
}
