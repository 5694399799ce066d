package dev.nectar.planner.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order ids in a message. Grounding beats patterns: a token equal (ignoring case) to one of the buyer's order ids is
 * theirs; any other token shaped like an order id ({@code order_ids.json}) is foreign, unless it is an amount with a
 * unit, a mobile number, or names a catalog product.
 */
final class OrderIdReader {

    /**
     * @param own     the buyer's ids as the buyer's data spells them, in order of mention
     * @param foreign other id-shaped tokens as typed
     * @param spans   where all of them sit, so that title matching ignores them
     */
    record OrderIds(List<String> own, List<String> foreign, List<Cue> spans) {
    }

    private final List<Pattern> patterns;
    private final List<Pattern> notOrderIds;

    OrderIdReader(List<Pattern> patterns, List<Pattern> notOrderIds) {
        this.patterns = patterns;
        this.notOrderIds = notOrderIds;
    }

    /**
     * @param namesProduct tells whether a lower-cased token is a catalog SKU or part of a product title
     */
    OrderIds read(NormalizedText text, List<KnownOrder> orders, Predicate<String> namesProduct) {
        String folded = text.folded();
        List<Cue> ownSpans = new ArrayList<>();
        for (KnownOrder order : orders) {
            String id = NormalizedText.fold(order.orderId());
            for (int at = folded.indexOf(id); at >= 0 && !id.isEmpty(); at = folded.indexOf(id, at + 1)) {
                if (isTokenBoundary(folded, at - 1) && isTokenBoundary(folded, at + id.length())) {
                    ownSpans.add(new Cue(order.orderId(), id, at, at + id.length(), 0));
                }
            }
        }
        ownSpans.sort(Comparator.comparingInt(Cue::start));

        List<Cue> spans = new ArrayList<>(ownSpans);
        Set<String> foreign = new LinkedHashSet<>();
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(folded);
            while (m.find()) {
                String token = m.group();
                Cue span = new Cue(token, token, m.start(), m.end(), 0);
                if (spans.stream().noneMatch(span::overlaps)
                        && notOrderIds.stream().noneMatch(p -> p.matcher(token).matches())
                        && !namesProduct.test(token)) {
                    spans.add(span);
                    foreign.add(text.text().substring(m.start(), m.end()));
                }
            }
        }
        List<String> own = ownSpans.stream().map(Cue::label).distinct().toList();
        return new OrderIds(own, List.copyOf(foreign), List.copyOf(spans));
    }

    private static boolean isTokenBoundary(String s, int index) {
        return index < 0 || index >= s.length() || !CueTable.isAsciiAlnum(s.charAt(index));
    }
}
