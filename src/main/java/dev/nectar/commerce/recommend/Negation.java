package dev.nectar.commerce.recommend;

import dev.nectar.commerce.Product;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a buyer rules out (不要皮的, 不吃海鲜, 不要进口的, no leather): the words after a negation, and the request without
 * them, so that the ruled-out word neither matches nor pulls a product up. A product is excluded when its title, tags,
 * category or attributes name the word, not where they deny it (非真皮); its description is not read, since descriptions say
 * what a product is not.
 */
record Negation(List<String> terms, String rest) {
    private static final Pattern NEGATED = Pattern.compile(
            "(?:不要|不想要|不吃|不喝|不用|不含|不能有|不要有|别要|别给我|without|no|not)\\s*([\\p{IsHan}]{1,4}?|[a-z]{3,12})(?=的|类|味|款|式|,|，|。|、|;|\\s|$)",
            Pattern.CASE_INSENSITIVE);

    static Negation of(String text) {
        return of(text, Needs.none());
    }

    /** The words ruled out, each with the kinds it covers (不吃海鲜 rules out 虾 and 三鲜 too). */
    static Negation of(String text, Needs needs) {
        if (text == null) {
            return new Negation(List.of(), "");
        }
        List<String> terms = new ArrayList<>();
        Matcher m = NEGATED.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            needs.covering(m.group(1).toLowerCase(Locale.ROOT)).stream().filter(t -> !terms.contains(t)).forEach(terms::add);
            m.appendReplacement(rest, " ");
        }
        m.appendTail(rest);
        return new Negation(List.copyOf(terms), rest.toString());
    }

    boolean excludes(Product p) {
        if (terms.isEmpty()) {
            return false;
        }
        String named = String.join(" ", p.title(), p.category() == null ? "" : p.category(),
                p.tags() == null ? "" : String.join(" ", p.tags()),
                p.attributes() == null ? "" : String.join(" ", p.attributes().values())).toLowerCase(Locale.ROOT);
        return terms.stream().anyMatch(t -> namesPlainly(named, t));
    }

    /** Words that say a product is without the term: 非真皮, 无香精, 不含酒精, 免洗. */
    private static final Pattern WITHOUT = Pattern.compile("(?:非|无|不含|免|零|不)$");

    /** The term where nothing right before it denies it (the tag 非真皮 does not name 真皮). */
    private static boolean namesPlainly(String named, String term) {
        for (int i = named.indexOf(term); i >= 0; i = named.indexOf(term, i + 1)) {
            if (!WITHOUT.matcher(named.substring(Math.max(0, i - 2), i)).find()) {
                return true;
            }
        }
        return false;
    }
}
