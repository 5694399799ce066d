package dev.nectar.quality.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.nectar.aftersales.AfterSaleCase;
import dev.nectar.commerce.Order;
import dev.nectar.conversation.Turn;
import dev.nectar.platform.Json;
import dev.nectar.quality.Finding;
import dev.nectar.quality.QualityLexicon;
import dev.nectar.quality.QualityRule;
import dev.nectar.quality.Severity;
import dev.nectar.quality.Transcript;
import dev.nectar.tools.ToolNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POLICY_CONTRADICTION}: a bot or agent sentence promising 退款/换货/补发 for an order (named in the sentence,
 * or the order the conversation was last about) when the policy engine refused that order (a refused tool call in
 * this conversation, or a rejected case) and no approved or pending case allows it. Wording in
 * {@code prompts/quality/policy_promise.json}.
 */
public final class PolicyContradictionRule implements QualityRule {
    public static final String NAME = "POLICY_CONTRADICTION";

    @Override
    public String name() {
        return NAME;
    }
    static final String REFUSED = "REFUSED";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Wording(List<String> patterns, Map<String, List<AfterSaleCase.Type>> outcomes, List<String> negations,
                   String sentenceEnds) {
    }

    private final List<Pattern> promises;
    private final Map<String, List<AfterSaleCase.Type>> outcomes;
    private final List<String> negations;
    private final Pattern sentenceEnd;

    public PolicyContradictionRule(Path qualityDir) {
        Path path = qualityDir.resolve("policy_promise.json");
        try {
            Wording w = Json.MAPPER.readValue(Files.readString(path), Wording.class);
            this.promises = w.patterns().stream().map(Pattern::compile).toList();
            this.outcomes = w.outcomes();
            this.negations = w.negations();
            this.sentenceEnd = Pattern.compile(w.sentenceEnds());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public List<Finding> check(Transcript t) {
        List<Finding> out = new ArrayList<>();
        String focus = null;
        for (int i = 0; i < t.turns().size(); i++) {
            Turn turn = t.turn(i);
            if (Transcript.outgoing(turn) && turn.text() != null) {
                for (String sentence : sentenceEnd.split(QualityLexicon.fold(turn.text()))) {
                    String finding = contradiction(t, i, sentence, focus);
                    if (finding != null) {
                        out.add(t.finding(NAME, Severity.HIGH, i, "回复承诺的处理结果与政策对该订单的判定相反", finding));
                        break;
                    }
                }
            }
            focus = lastOrderId(turn, focus);
        }
        return out;
    }

    /** The evidence when this sentence promises an outcome the policy refused, else null. */
    private String contradiction(Transcript t, int index, String sentence, String focus) {
        if (sentence.contains("吗") || sentence.contains("?") || negations.stream().anyMatch(sentence::contains)) {
            return null;
        }
        for (Pattern p : promises) {
            Matcher m = p.matcher(sentence);
            if (!m.find()) {
                continue;
            }
            List<AfterSaleCase.Type> listed = outcomes.getOrDefault(m.group("outcome"), List.of());
            Set<AfterSaleCase.Type> types = listed.isEmpty() ? EnumSet.allOf(AfterSaleCase.Type.class) : EnumSet.copyOf(listed);
            String orderId = t.orders().stream().map(Order::orderId).filter(id -> sentence.contains(QualityLexicon.fold(id)))
                    .findFirst().orElse(focus);
            if (orderId != null && refused(t, index, orderId, types) && !allowed(t, orderId, types)) {
                return "订单 " + orderId + ":" + m.group();
            }
        }
        return null;
    }

    private static boolean allowed(Transcript t, String orderId, Set<AfterSaleCase.Type> types) {
        return t.cases().stream().anyMatch(c -> orderId.equals(c.orderId()) && types.contains(c.type())
                && (c.status() == AfterSaleCase.Status.APPROVED || c.status() == AfterSaleCase.Status.PENDING_REVIEW));
    }

    /** A rejected case of the order, or a refusal of the policy engine for it earlier in this conversation. */
    private static boolean refused(Transcript t, int index, String orderId, Set<AfterSaleCase.Type> types) {
        if (t.cases().stream().anyMatch(c -> orderId.equals(c.orderId()) && types.contains(c.type())
                && c.status() == AfterSaleCase.Status.REJECTED)) {
            return true;
        }
        return t.turns().subList(0, index).stream().filter(turn -> turn.toolCalls() != null)
                .flatMap(turn -> turn.toolCalls().stream())
                .anyMatch(c -> REFUSED.equals(c.status()) && c.args() != null && orderId.equals(c.args().get("orderId"))
                        && types.contains(typeOf(c)));
    }

    private static AfterSaleCase.Type typeOf(Turn.ToolCall call) {
        if (ToolNames.CANCEL_ORDER.equals(call.tool())) {
            return AfterSaleCase.Type.CANCEL;
        }
        try {
            return AfterSaleCase.Type.valueOf(String.valueOf(call.args().get("type")));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lastOrderId(Turn turn, String current) {
        String focus = current;
        if (turn.toolCalls() != null) {
            for (Turn.ToolCall c : turn.toolCalls()) {
                if (c.args() != null && c.args().get("orderId") instanceof String id) {
                    focus = id;
                }
            }
        }
        return focus;
    }
}
