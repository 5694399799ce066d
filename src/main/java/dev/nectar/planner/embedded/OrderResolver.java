package dev.nectar.planner.embedded;

import com.hankcs.hanlp.HanLP;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStatus;
import dev.nectar.planner.understanding.OrderMention;
import dev.nectar.planner.understanding.OrderStatusHint;
import dev.nectar.planner.understanding.Slots;
import dev.nectar.text.ChineseWords;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which of the buyer's orders a message means, grounded in the buyer's own orders: an id they named, an
 * item they mentioned, a state they described (没付款的那个), a pick from a list (第二个), or the only order the
 * intent can apply to. Never guesses among several: it returns the candidates to ask about.
 */
final class OrderResolver {
    private OrderResolver() {
    }

    /** One order (or a foreign id, answered as unknown), several candidates, or none. */
    record Resolution(String orderId, List<Order> candidates) {
        static Resolution of(String orderId) {
            return new Resolution(orderId, List.of());
        }

        static Resolution choose(List<Order> candidates) {
            return candidates.size() == 1 ? of(candidates.get(0).orderId()) : new Resolution(null, candidates);
        }

        boolean resolved() {
            return orderId != null;
        }
    }

    static Resolution resolve(Slots s, String folded, List<Order> orders, Set<OrderStatus> eligible, String lastOrderId) {
        if (!s.orderIds().isEmpty()) {
            return Resolution.of(s.orderIds().get(0));
        }
        if (!s.foreignOrderIds().isEmpty()) {
            return Resolution.of(s.foreignOrderIds().get(0));
        }
        List<Order> mentioned = byHead(s, folded, orders, mentioned(s, orders));
        if (!mentioned.isEmpty()) {
            List<Order> fitting = prefer(byHints(mentioned, s.statusHints()), eligible);
            return Resolution.choose(fitting);
        }
        List<Order> byCarrier = byCarrier(folded, orders);
        if (!byCarrier.isEmpty() && byCarrier.size() < orders.size()) {
            return Resolution.choose(prefer(byHints(byCarrier, s.statusHints()), eligible));
        }
        if (!s.statusHints().isEmpty()) {
            List<Order> hinted = byHints(orders, s.statusHints());
            if (!hinted.isEmpty() && hinted.size() < orders.size()) {
                return Resolution.choose(prefer(hinted, eligible));
            }
        }
        // an item the buyer names loosely (袜子 for 中筒袜) decides even when its order is not one the intent fits: the
        // tool then says why not (已签收), which beats listing every order
        Optional<Order> named = orders.size() > 1 ? byItemWords(folded, orders) : Optional.empty();
        if (named.isPresent()) {
            return Resolution.of(named.get().orderId());
        }
        List<Order> fitting = orders.stream().filter(o -> eligible.contains(o.status())).toList();
        if (fitting.isEmpty() && lastOrderId != null) {
            return Resolution.of(lastOrderId);
        }
        List<Order> underWay = orders.stream().filter(o -> o.status() == OrderStatus.SHIPPED).toList();
        if (fitting.isEmpty() && !underWay.isEmpty()) {
            // nothing the intent applies to: an order still on its way is meant, and its tool says why not (已发货,可拒收)
            return Resolution.choose(underWay);
        }
        return Resolution.choose(fitting);
    }

    /** Picks among offered candidates from an answer such as an id, 第二个, 没付款的那个, 面霜那个 or 跑鞋那个. */
    static Optional<Order> pick(Slots s, String folded, List<Order> candidates) {
        for (String id : s.orderIds()) {
            Optional<Order> o = candidates.stream().filter(c -> c.orderId().equalsIgnoreCase(id)).findFirst();
            if (o.isPresent()) {
                return o;
            }
        }
        if (s.ordinal().isPresent()) {
            int i = s.ordinal().getAsInt();
            int index = i < 0 ? candidates.size() + i : i - 1;
            if (index >= 0 && index < candidates.size()) {
                return Optional.of(candidates.get(index));
            }
        }
        List<Order> mentioned = mentioned(s, candidates);
        if (mentioned.size() == 1) {
            return Optional.of(mentioned.get(0));
        }
        List<Order> byCarrier = byCarrier(folded, candidates);
        if (byCarrier.size() == 1) {
            return Optional.of(byCarrier.get(0));
        }
        List<Order> hinted = byHints(mentioned.isEmpty() ? candidates : mentioned, s.statusHints());
        if (!s.statusHints().isEmpty() && hinted.size() == 1) {
            return Optional.of(hinted.get(0));
        }
        if (!mentioned.isEmpty() || candidates.size() < 2) {
            return Optional.empty();
        }
        return byItemWords(folded, candidates).or(() -> folded.length() <= SHORT_ANSWER ? byDistinctiveCharacters(folded, candidates) : Optional.empty());
    }

    /**
     * The one order whose item titles hold the nouns the buyer used for it, loosely: in order with gaps (跑鞋 in
     * 跑步鞋), without a noun suffix (裤子 → 裤 in 休闲裤), or by the head character (weaker) where it ends a title's
     * noun (螃蟹 → 大闸蟹, 数据线 → 快充线, 线 → 数据线 and not 有线). The shared-run matcher of the understanding needs
     * two characters in a row; buyers abbreviate.
     */
    static Optional<Order> byItemWords(String folded, List<Order> candidates) {
        List<String> nouns = ChineseWords.nouns(folded).stream().filter(w -> w.codePoints().allMatch(Character::isIdeographic)).toList();
        if (nouns.isEmpty()) {
            return Optional.empty();
        }
        int[] score = new int[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            String titles = titles(candidates.get(i));
            Set<Character> heads = nounHeads(titles);
            for (String noun : nouns) {
                score[i] += looseMatch(noun, titles, heads);
            }
        }
        return soleBest(score, candidates);
    }

    /** The order's item titles in one text. */
    private static String titles(Order o) {
        return o.items().stream().map(i -> i.title() == null ? "" : i.title()).collect(java.util.stream.Collectors.joining(" "));
    }

    /** The candidate with the highest positive score, or empty when none scores or several share the top. */
    private static Optional<Order> soleBest(int[] score, List<Order> candidates) {
        int best = java.util.Arrays.stream(score).max().orElse(0);
        long tied = java.util.Arrays.stream(score).filter(v -> v == best).count();
        if (best == 0 || tied > 1) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(java.util.stream.IntStream.range(0, score.length).filter(i -> score[i] == best).findFirst().getAsInt()));
    }

    private static int looseMatch(String noun, String titles, Set<Character> heads) {
        String core = noun.length() > 1 && (noun.endsWith("子") || noun.endsWith("儿")) ? noun.substring(0, noun.length() - 1) : noun;
        if (core.length() == 1) {
            return heads.contains(core.charAt(0)) ? 1 : 0;
        }
        if (inOrderWithGaps(core, titles)) {
            return core.length();
        }
        if (core.length() == 2) {
            return heads.contains(core.charAt(1)) ? 1 : 0;
        }
        // a longer noun by its head, where a title's noun ends with it too (数据线 → 快充线, 充电头 → 快充头)
        return heads.contains(core.charAt(core.length() - 1)) ? 1 : 0;
    }

    /**
     * The characters that end a noun of the titles: Chinese compounds are right-headed, so 线 is what 数据线 is and
     * only an attribute of the 有线 of 小音箱 有线. The titles are segmented once for all the buyer's nouns.
     */
    private static Set<Character> nounHeads(String titles) {
        return HanLP.segment(titles).stream().filter(t -> t.nature != null && t.nature.toString().startsWith("n") && !t.word.isEmpty())
                .map(t -> t.word.charAt(t.word.length() - 1)).collect(java.util.stream.Collectors.toSet());
    }

    /** Characters that end a word rather than continue it: particles, verbs of the request, measure words. */
    private static final String NOT_A_HEAD = "的了吗呢啊吧呀哦么是在到也都还又就会能要想把被给和跟与及着过买退换坏用有没不很太好个只件条双";

    /**
     * The mentioned orders, unless they share only a modifier of the buyer's word: 充电头 shares 充电 with 充电器 but is
     * a 头, like the 快充头 of another order, which is meant when it alone has that head right after a character of
     * the shared run.
     */
    private static List<Order> byHead(Slots s, String folded, List<Order> orders, List<Order> mentioned) {
        if (mentioned.isEmpty() || mentioned.size() == orders.size()) {
            return mentioned;
        }
        Set<String> ids = mentioned.stream().map(Order::orderId).collect(java.util.stream.Collectors.toSet());
        String mentionedTitles = mentioned.stream().map(OrderResolver::titles).collect(java.util.stream.Collectors.joining(" "));
        for (OrderMention m : s.mentionedOrders()) {
            if (!ids.contains(m.order().orderId())) {
                continue;
            }
            for (String term : m.terms()) {
                int at = folded.indexOf(term);
                int end = at + term.length();
                if (at < 0 || end >= folded.length() || !Character.isIdeographic(folded.charAt(end))
                        || NOT_A_HEAD.indexOf(folded.charAt(end)) >= 0 || mentionedTitles.contains(folded.substring(at, end + 1))) {
                    continue;
                }
                char head = folded.charAt(end);
                List<Order> headed = orders.stream().filter(o -> !ids.contains(o.orderId()))
                        .filter(o -> headsAfter(titles(o), head, term)).toList();
                if (headed.size() == 1) {
                    return headed;
                }
            }
        }
        return mentioned;
    }

    /** A noun of the titles ends with the head, a character of the term at most two before it (快充头 for 充电+头). */
    private static boolean headsAfter(String titles, char head, String term) {
        if (!nounHeads(titles).contains(head)) {
            return false;
        }
        for (int i = titles.indexOf(head); i >= 0; i = titles.indexOf(head, i + 1)) {
            String before = titles.substring(Math.max(0, i - 2), i);
            if (before.chars().anyMatch(c -> term.indexOf(c) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** Every character of the word in the title, in order, at most two characters apart (跑鞋 in 跑步鞋). */
    private static boolean inOrderWithGaps(String word, String title) {
        for (int start = title.indexOf(word.charAt(0)); start >= 0; start = title.indexOf(word.charAt(0), start + 1)) {
            int at = start;
            boolean all = true;
            for (int k = 1; k < word.length() && all; k++) {
                int next = title.indexOf(word.charAt(k), at + 1);
                all = next > at && next - at <= 3;
                at = next;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Below this closeness the buyer's words name none of the titles (measured on the training shops' orders). */
    static final double MEANING_FLOOR = 0.4;
    /** The best title must be this much closer than the next, or the words fit several and the buyer is asked. */
    static final double MEANING_MARGIN = 0.06;

    /**
     * The one candidate whose item titles are clearly closest in meaning to a noun of the message (牛拍 → 牛排,
     * 充电头 → 快充头, headphones → 耳机): tried only after every lexical way has failed to decide.
     */
    static Optional<Order> byMeaning(List<String> nouns, List<Order> candidates, ItemSimilarity similarity) {
        if (nouns.isEmpty() || candidates.size() < 2) {
            return Optional.empty();
        }
        double[] score = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            String titles = titles(candidates.get(i));
            for (String noun : nouns) {
                score[i] = Math.max(score[i], similarity.between(noun, titles));
            }
        }
        int best = 0;
        for (int i = 1; i < score.length; i++) {
            best = score[i] > score[best] ? i : best;
        }
        double second = 0;
        for (int i = 0; i < score.length; i++) {
            second = i == best ? second : Math.max(second, score[i]);
        }
        return score[best] >= MEANING_FLOOR && score[best] - second >= MEANING_MARGIN ? Optional.of(candidates.get(best)) : Optional.empty();
    }

    private static final java.util.regex.Pattern CARRIER_SUFFIX = java.util.regex.Pattern.compile("^中国|(速运|速递|快递|快运|物流|快件|冷运|冷链)$");

    /**
     * The orders shipped by the carrier the message names (顺丰那个, 韵达的): a carrier is named by its name without
     * 速运/快递 (顺丰速运 → 顺丰, 中国邮政 EMS → 邮政, ems).
     */
    static List<Order> byCarrier(String folded, List<Order> orders) {
        return orders.stream().filter(o -> o.logistics() != null && o.logistics().carrier() != null
                && java.util.Arrays.stream(o.logistics().carrier().toLowerCase(java.util.Locale.ROOT).split("[\\s()（）/]+"))
                        .map(w -> CARRIER_SUFFIX.matcher(w).replaceAll(""))
                        .anyMatch(w -> w.length() >= 2 && folded.contains(w))).toList();
    }

    /** An answer to "which order" is short; a longer message is a new request, not a pick. */
    private static final int SHORT_ANSWER = 15;

    /**
     * The candidate whose item titles alone hold the answer's characters (跑鞋 → 跑步鞋, 虾 → 白虾): the answer
     * abbreviates a title the bot has just listed, so a character that only one candidate has is enough, and one that
     * several (or none) have says nothing.
     */
    private static Optional<Order> byDistinctiveCharacters(String folded, List<Order> candidates) {
        List<String> titles = candidates.stream()
                .map(OrderResolver::titles)
                .toList();
        int[] score = new int[candidates.size()];
        folded.codePoints().filter(Character::isIdeographic).distinct().forEach(c -> {
            List<Integer> having = java.util.stream.IntStream.range(0, titles.size())
                    .filter(i -> titles.get(i).indexOf(c) >= 0).boxed().toList();
            if (having.size() == 1) {
                score[having.get(0)]++;
            }
        });
        return soleBest(score, candidates);
    }

    /** Orders whose items the message names, keeping only the strongest matches. */
    private static List<Order> mentioned(Slots s, List<Order> orders) {
        int best = s.mentionedOrders().stream().mapToInt(OrderMention::score).max().orElse(0);
        Set<String> ids = s.mentionedOrders().stream().filter(m -> m.score() == best).map(m -> m.order().orderId())
                .collect(java.util.stream.Collectors.toSet());
        return orders.stream().filter(o -> ids.contains(o.orderId())).toList();
    }

    private static List<Order> byHints(List<Order> orders, Collection<OrderStatusHint> hints) {
        if (hints.isEmpty()) {
            return orders;
        }
        Set<String> wanted = hints.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
        List<Order> hit = orders.stream().filter(o -> wanted.contains(o.status().name())).toList();
        return hit.isEmpty() ? orders : hit;
    }

    private static List<Order> prefer(List<Order> orders, Set<OrderStatus> eligible) {
        List<Order> fitting = orders.stream().filter(o -> eligible.contains(o.status())).toList();
        return fitting.isEmpty() ? orders : fitting;
    }
}
