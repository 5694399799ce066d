package dev.nectar.quality.rules;

import dev.nectar.commerce.Order;
import dev.nectar.conversation.Turn;
import dev.nectar.quality.Finding;
import dev.nectar.quality.QualityLexicon;
import dev.nectar.quality.QualityRule;
import dev.nectar.quality.Severity;
import dev.nectar.quality.Transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PRIVACY_LEAK}: a mobile number, a street address or a recipient's name in a bot or agent message that is
 * not the buyer's own (the phones, addresses and names of their orders). Quoting the buyer's own data back to them
 * is fine. The evidence is masked: a finding must not spread the leak further.
 */
public final class PrivacyLeakRule implements QualityRule {
    public static final String NAME = "PRIVACY_LEAK";

    @Override
    public String name() {
        return NAME;
    }
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern ADDRESS = Pattern.compile("[\\p{IsHan}\\d]{1,16}(路|街|道|巷|弄|胡同)\\d+号");
    private static final Pattern NAME_LABEL = Pattern.compile("(收件人|收货人|联系人|姓名)(是|为|:)?(\\p{IsHan}{2,3})");

    @Override
    public List<Finding> check(Transcript t) {
        List<String> phones = own(t, Order.Address::phone);
        List<String> addresses = own(t, Order.Address::detail);
        List<String> names = own(t, Order.Address::name);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < t.turns().size(); i++) {
            Turn turn = t.turn(i);
            if (!Transcript.outgoing(turn) || turn.text() == null) {
                continue;
            }
            String text = QualityLexicon.fold(turn.text());
            String leak = firstForeign(PHONE.matcher(text), 0, phones, PrivacyLeakRule::maskPhone);
            if (leak == null) {
                leak = firstForeign(ADDRESS.matcher(text), 0, addresses, s -> s.substring(0, Math.min(2, s.length())) + "***");
            }
            if (leak == null) {
                leak = firstForeign(NAME_LABEL.matcher(text), 3, names, s -> s.charAt(0) + "*".repeat(s.length() - 1));
            }
            if (leak != null) {
                out.add(t.finding(NAME, Severity.HIGH, i, "回复中出现了不属于该买家的手机号、地址或姓名", leak));
            }
        }
        return out;
    }

    /**
     * The first match (of {@code group}) that is not the buyer's own (neither within an own value nor around one, as
     * in "地址文三路100号"), masked; null when every match is the buyer's own.
     */
    private static String firstForeign(Matcher m, int group, List<String> own, Function<String, String> mask) {
        while (m.find()) {
            String found = m.group(group);
            if (own.stream().noneMatch(o -> o.contains(found) || found.contains(o))) {
                return mask.apply(found);
            }
        }
        return null;
    }

    private static List<String> own(Transcript t, Function<Order.Address, String> field) {
        return t.orders().stream().map(Order::address).filter(Objects::nonNull).map(field)
                .filter(Objects::nonNull).map(QualityLexicon::fold).filter(s -> s.length() >= 2).toList();
    }

    /** The text with every mobile number masked (139****2222), for what leaves the engine. */
    public static String masked(String text) {
        return PHONE.matcher(text).replaceAll(m -> maskPhone(m.group()));
    }

    private static String maskPhone(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
