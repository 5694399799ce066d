package dev.nectar.aftersales;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nectar.platform.Json;
import dev.nectar.platform.NectarConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain Chinese explanations of policy decisions, from {@code prompts/aftersales/reasons.json}: one template per
 * {@link PolicyDecision.Code} with {placeholders} filled from the decision's facts, plus the 退货宝 sentence that a
 * reply about a return of an insured order carries (contract rule 9).
 */
@ApplicationScoped
public class ReasonTexts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    record Texts(Map<String, String> reasons, String insured, Map<String, String> types, Map<String, String> statuses,
                 Map<String, String> windows) {
    }

    private final Texts texts;

    @Inject
    public ReasonTexts(NectarConfig config) {
        this(Path.of(config.promptsDir(), "aftersales", "reasons.json"));
    }

    /** Reads and checks the file: every reason code, type, status and window needs its text. */
    public ReasonTexts(Path file) {
        try {
            this.texts = Json.read(Files.readString(file), new TypeReference<Texts>() { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        require(file, texts.reasons(), PolicyDecision.Code.values());
        require(file, texts.types(), AfterSaleCase.Type.values());
        require(file, texts.statuses(), AfterSaleCase.Status.values());
        require(file, texts.windows(), PolicyDecision.Window.values());
        if (texts.insured() == null || texts.insured().isBlank()) {
            throw new IllegalStateException(file + " lacks the insured text");
        }
    }

    /** Why the decision is what it is, with the 退货宝 sentence when goods go back on an insured order. */
    public String explain(PolicyDecision d) {
        String text = fill(texts.reasons().get(d.code().name()), placeholders(d));
        boolean mentionInsurance = d.insured() && d.goodsReturned() && (d.createsCase() || d.outcome() == PolicyDecision.Outcome.ALREADY_OPEN);
        return mentionInsurance ? text + texts.insured() : text;
    }

    /** The 退货宝 sentence (contract rule 9), for replies that announce a return before it is filed. */
    public String insuredText() {
        return texts.insured();
    }

    public String typeLabel(AfterSaleCase.Type type) {
        return texts.types().get(type.name());
    }

    public String statusLabel(AfterSaleCase.Status status) {
        return texts.statuses().get(status.name());
    }

    private Map<String, String> placeholders(PolicyDecision d) {
        Map<String, String> v = new HashMap<>();
        v.put("orderId", d.orderId());
        v.put("type", typeLabel(d.type()));
        v.put("amount", money(d.amount()));
        v.put("limit", money(d.limit()));
        v.put("days", d.days() == null ? null : d.days().toString());
        v.put("window", d.windowDays() == null ? null : d.windowDays().toString());
        v.put("windowName", d.window() == null ? null : texts.windows().get(d.window().name()));
        v.put("categories", String.join("、", d.categories()));
        v.put("target", d.targetTitle() != null ? d.targetTitle() : d.targetSku() != null ? d.targetSku() : String.join("、", d.variants()));
        v.put("variants", String.join("、", d.variants()));
        if (d.existingCase() != null) {
            v.put("caseId", d.existingCase().caseId());
            v.put("status", statusLabel(d.existingCase().status()));
        }
        return v;
    }

    /** Fills {name} from values; a template naming a fact the decision lacks is a bug in the file, not a blank. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} in: " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static void require(Path file, Map<String, String> texts, Enum<?>[] keys) {
        List<String> missing = Arrays.stream(keys).map(Enum::name)
                .filter(k -> texts == null || texts.get(k) == null || texts.get(k).isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(file + " lacks texts for " + missing);
        }
    }
}
