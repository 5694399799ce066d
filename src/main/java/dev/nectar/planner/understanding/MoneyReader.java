package dev.nectar.planner.understanding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Price bounds in normalised text: 100元以内 (max), 99起 (min), 200块左右 (around), 100-200元 (range). The words come
 * from {@code money.json}; a number directly followed by another unit (3天以内, 2kg以下) is never a price.
 */
final class MoneyReader {

    record Bounds(Optional<BigDecimal> min, Optional<BigDecimal> max, Optional<BigDecimal> around) {
    }

    record Words(List<String> currency, List<String> currencyPrefix, List<String> maxSuffix, List<String> maxPrefix,
                 List<String> minSuffix, List<String> minPrefix, List<String> aroundSuffix, List<String> aroundPrefix,
                 List<String> rangeJoiners) {
    }

    private enum Bound { MIN, MAX, AROUND }

    /** A rule: which bound its number gives, and whether group 1 holds it. */
    private record Rule(Pattern pattern, Bound bound) {
    }

    private final Pattern range;
    private final List<Rule> rules;

    MoneyReader(Words words, Collection<String> otherUnits) {
        // (?![\d.]) stops backtracking from reading 200ml as 20 followed by "0ml"
        String number = "(?<![a-z0-9.])(\\d+(?:\\.\\d+)?)(?![\\d.])(?!\\s*(?:" + TextNormalizer.alternation(otherUnits) + "))";
        String currency = "(?:\\s*(?:" + TextNormalizer.alternation(words.currency()) + "))?";
        String prefix = "(?:(?:" + TextNormalizer.alternation(words.currencyPrefix()) + ")\\s*)?";
        String amount = prefix + number + currency;
        this.range = Pattern.compile(amount + "\\s*(?:" + TextNormalizer.alternation(words.rangeJoiners()) + ")\\s*"
                + amount + "(?!\\s*[-/:]\\s*\\d)");
        // order matters: a number already read by an earlier rule is not read again (预算200左右 is around, not max)
        this.rules = List.of(
                suffixRule(amount, words.aroundSuffix(), Bound.AROUND),
                prefixRule(amount, words.aroundPrefix(), Bound.AROUND),
                suffixRule(amount, words.maxSuffix(), Bound.MAX),
                suffixRule(amount, words.minSuffix(), Bound.MIN),
                prefixRule(amount, words.maxPrefix(), Bound.MAX),
                prefixRule(amount, words.minPrefix(), Bound.MIN));
    }

    private static Rule suffixRule(String amount, List<String> words, Bound bound) {
        return new Rule(Pattern.compile(amount + "\\s*(?:" + TextNormalizer.alternation(words) + ")"), bound);
    }

    private static Rule prefixRule(String amount, List<String> words, Bound bound) {
        return new Rule(Pattern.compile("(?<![a-z])(?:" + TextNormalizer.alternation(words) + ")\\s*" + amount), bound);
    }

    Bounds read(String folded) {
        BigDecimal min = null;
        BigDecimal max = null;
        BigDecimal around = null;
        if (folded.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return new Bounds(Optional.empty(), Optional.empty(), Optional.empty());
        }
        List<Integer> used = new ArrayList<>();
        Matcher r = range.matcher(folded);
        while (r.find()) {
            BigDecimal low = new BigDecimal(r.group(1));
            BigDecimal high = new BigDecimal(r.group(2));
            if (low.compareTo(high) < 0 && min == null) {
                min = low;
                max = high;
                used.add(r.start(1));
                used.add(r.start(2));
            }
        }
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(folded);
            while (m.find()) {
                if (used.contains(m.start(1))) {
                    continue;
                }
                used.add(m.start(1));
                BigDecimal value = new BigDecimal(m.group(1));
                switch (rule.bound()) {
                    case MIN -> min = min == null ? value : min;
                    case MAX -> max = max == null ? value : max;
                    case AROUND -> around = around == null ? value : around;
                }
            }
        }
        return new Bounds(Optional.ofNullable(min), Optional.ofNullable(max), Optional.ofNullable(around));
    }
}
