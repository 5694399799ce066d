package dev.nectar.planner.embedded;

import dev.nectar.commerce.Product;
import dev.nectar.planner.understanding.SizeDirection;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the variant of the same item (spu) that an exchange asks for: a named size, or one size up or down. */
final class Variants {
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
