package dev.nectar.planner.understanding;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Weights (20斤 → 10 kg), counts (3只猫 → 3) and ages (8个月大 → 8 months) in normalised text. */
final class QuantityReader {
    /** How far before a number an age subject still makes a month count an age (宝宝3个月). */
    private static final int AGE_SUBJECT_REACH = 4;

    record Words(Map<String, Double> weightUnits, List<String> countClassifiers, List<String> ageYearUnits,
                 List<String> ageMonthUnits, List<String> ageMonthUnitsNeedingContext, List<String> ageAfterWords,
                 List<String> ageSubjects) {
    }

    private final Words words;
    private final TextNormalizer normalizer;
    private final Pattern weight;
    private final Pattern count;
    private final Pattern age;
    private final Set<String> classifiers;

    QuantityReader(Words words, TextNormalizer normalizer) {
        this.words = words;
        this.normalizer = normalizer;
        this.classifiers = Set.copyOf(words.countClassifiers());
        this.weight = Pattern.compile("(?<![a-z0-9.])(\\d+(?:\\.\\d+)?)\\s*(" + TextNormalizer.alternation(words.weightUnits().keySet()) + ")(?![a-z])");
        // 第3个 is an ordinal and 换1个 an exchange, not counts
        this.count = Pattern.compile("(?<![a-z0-9.第换])(\\d+)\\s*(" + TextNormalizer.alternation(words.countClassifiers()) + ")");
        this.age = Pattern.compile("(?<![a-z0-9.])(\\d+(?:\\.\\d+)?)\\s*(" + TextNormalizer.alternation(concat(words.ageYearUnits(),
                words.ageMonthUnits(), words.ageMonthUnitsNeedingContext())) + ")");
    }

    Optional<Double> weightKg(String folded) {
        Matcher m = weight.matcher(folded);
        if (!m.find()) {
            return Optional.empty();
        }
        double kg = Double.parseDouble(m.group(1)) * words.weightUnits().get(m.group(2));
        return Optional.of(Math.round(kg * 1000) / 1000.0);
    }

    OptionalInt count(String folded) {
        Matcher m = count.matcher(folded);
        while (m.find()) {
            // 个 of 个月 is part of a longer unit, so "3个月" counts nothing
            String unit = normalizer.unitAt(folded, m.start(2));
            if (unit == null || classifiers.contains(unit)) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    OptionalInt ageMonths(String folded) {
        Matcher m = age.matcher(folded);
        while (m.find()) {
            double value = Double.parseDouble(m.group(1));
            String unit = m.group(2);
            if (words.ageYearUnits().contains(unit)) {
                return OptionalInt.of((int) Math.round(value * 12));
            }
            if (words.ageMonthUnits().contains(unit) || hasAgeContext(folded, m.start(1), m.end())) {
                return OptionalInt.of((int) Math.round(value));
            }
        }
        return OptionalInt.empty();
    }

    /** 3个月大, 3个月的小猫, 宝宝3个月: but not 用了3个月. */
    private boolean hasAgeContext(String folded, int numberStart, int unitEnd) {
        String after = folded.substring(unitEnd).stripLeading();
        if (words.ageAfterWords().stream().anyMatch(after::startsWith)) {
            return true;
        }
        String afterOf = after.startsWith("的") ? after.substring(1) : after;
        String before = folded.substring(Math.max(0, numberStart - AGE_SUBJECT_REACH), numberStart);
        return words.ageSubjects().stream().anyMatch(s -> afterOf.startsWith(s) || before.contains(s));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
