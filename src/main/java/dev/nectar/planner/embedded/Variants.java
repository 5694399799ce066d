package dev.nectar.planner.embedded;

import dev.nectar.commerce.Product;
import dev.nectar.planner.understanding.SizeDirection;
import dev.nectar.text.Colours;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the variant of the same item (spu) that an exchange asks for: a named size, one size up or down, or the one
 * its distinguishing attributes describe.
 */
final class Variants {
    private static final int WHOLE_VALUE = 100;
    private static final int WORD = 10;
    private static final List<String> LADDER = List.of("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL");

    private Variants() {
    }

    static List<Product> siblings(Product p, List<Product> catalog) {
        return catalog.stream().filter(o -> o.spu().equals(p.spu())).toList();
    }

    static Optional<Product> named(List<Product> siblings, String size) {
        String wanted = size.toUpperCase(Locale.ROOT);
        Pattern inTitle = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(wanted) + "(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
        return siblings.stream().filter(v -> sizeOf(v).map(wanted::equals).orElse(false)).findFirst()
                .or(() -> siblings.stream().filter(v -> inTitle.matcher(v.title()).find()).findFirst());
    }

    /**
     * The variant the message describes by what sets it apart from the current one (换成月光银的, 换30袋的,
     * 换成iPhone 15的): each attribute value it does not share with the current variant counts, whole (spaces ignored)
     * or by its words, a word also without its last character (30袋装 → 30袋). Only a single best variant is taken.
     */
    static Optional<Product> described(List<Product> siblings, Product current, String folded) {
        String text = folded.replace(" ", "");
        Map<String, String> mine = current.attributes() == null ? Map.of() : current.attributes();
        Product best = null;
        int bestScore = 0;
        boolean tie = false;
        for (Product v : siblings) {
            if (v.sku().equals(current.sku()) || v.attributes() == null) {
                continue;
            }
            int score = 0;
            int named = 0;
            for (Map.Entry<String, String> a : v.attributes().entrySet()) {
                String value = a.getValue() == null ? "" : a.getValue().toLowerCase(Locale.ROOT);
                if (value.isBlank() || value.equals(String.valueOf(mine.get(a.getKey())).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (text.contains(value.replace(" ", ""))) {
                    score += WHOLE_VALUE;
                    named++;
                    continue;
                }
                if (Colours.namedByHead(text, value)) {
                    score += WORD; // 换蓝色 names 星空蓝, 换白的 names 云朵白
                    named++;
                    continue;
                }
                for (String word : value.split("\\s+")) {
                    boolean said = text.contains(word) || word.length() >= 3 && text.contains(word.substring(0, word.length() - 1));
                    score += said ? WORD : -1; // a word of the variant the buyer did not say (Pro Max) counts against it
                    named += said ? 1 : 0;
                }
            }
            if (named == 0) {
                continue;
            }
            if (score > bestScore) {
                best = v;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    static Optional<Product> step(List<Product> siblings, Product current, SizeDirection direction) {
        Optional<Integer> at = sizeOf(current).map(Variants::rank);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        int sign = direction == SizeDirection.BIGGER ? 1 : -1;
        return siblings.stream()
                .filter(v -> sizeOf(v).map(Variants::rank).map(r -> (r - at.get()) * sign > 0).orElse(false))
                .min(Comparator.comparingInt(v -> Math.abs(sizeOf(v).map(Variants::rank).orElse(0) - at.get())));
    }

    /** A variant's size: an attribute whose value is a size, else a size token in the title. */
    static Optional<String> sizeOf(Product p) {
        if (p.attributes() != null) {
            for (String v : p.attributes().values()) {
                String u = v.trim().toUpperCase(Locale.ROOT).replace("码", "");
                if (LADDER.contains(u) || u.matches("\\d{2,3}")) {
                    return Optional.of(u);
                }
            }
        }
        for (String token : p.title().toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")) {
            if (LADDER.contains(token)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    private static int rank(String size) {
        int i = LADDER.indexOf(size);
        return i >= 0 ? i : Integer.parseInt(size);
    }
}
