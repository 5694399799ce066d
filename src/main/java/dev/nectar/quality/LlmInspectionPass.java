package dev.nectar.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.nectar.conversation.Turn;
import dev.nectar.planner.llm.LlmCallException;
import dev.nectar.planner.llm.LlmClient;
import dev.nectar.platform.Json;
import dev.nectar.quality.rules.PrivacyLeakRule;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optional model pass of inspection: the transcript, phone numbers masked, goes to the configured chat model with
 * {@code prompts/quality/llm.md}, and what it reports becomes findings marked {@code source:"llm"} under the contract's
 * rule names. It only ever adds: a finding the rules already made at that turn is not repeated, anything that is not a
 * contract rule about a real turn is dropped, and when the model fails or answers nonsense the rule pass stands alone.
 */
final class LlmInspectionPass {
    private static final Logger LOG = Logger.getLogger(LlmInspectionPass.class);
    private static final int MAX_DETAIL = 200;

    private final LlmClient client;
    private final String instructions;
    private final Set<String> rules;

    LlmInspectionPass(LlmClient client, String instructions, Set<String> rules) {
        this.client = client;
        this.instructions = instructions;
        this.rules = rules;
    }

    /** The model's findings that the rule pass did not make; empty when the model cannot be used. */
    List<Finding> check(Transcript t, List<Finding> byRules) {
        String answer;
        try {
            answer = client.chat(List.of(SystemMessage.from(instructions), UserMessage.from(transcript(t))), List.of(), piece -> {
            }).text();
        } catch (LlmCallException e) {
            LOG.warnf("quality: the model pass of conversation %s failed (%s); the rule pass stands", t.conversation().conversationId(), e.kind());
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (JsonNode item : items(answer)) {
            String rule = item.path("rule").asText();
            int turn = item.path("turn").asInt(-1);
            if (!rules.contains(rule) || turn < 0 || turn >= t.turns().size()
                    || byRules.stream().anyMatch(f -> f.rule().equals(rule) && f.turn() == turn)
                    || out.stream().anyMatch(f -> f.rule().equals(rule) && f.turn() == turn)) {
                continue;
            }
            Finding f = t.finding(rule, severity(item.path("severity").asText()), turn,
                    clip(item.path("detail").asText("模型质检发现的问题")), clip(PrivacyLeakRule.masked(item.path("evidence").asText(""))));
            out.add(new Finding(f.rule(), f.severity(), f.turn(), f.role(), f.agentId(), f.detail(), f.evidence(), Finding.LLM, null));
        }
        return out;
    }

    /** One JSON line per turn, as the instructions describe; buyer and agent text alike with phone numbers masked. */
    private static String transcript(Transcript t) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < t.turns().size(); i++) {
            Turn turn = t.turns().get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("turn", i);
            line.put("role", turn.role().name());
            line.put("text", PrivacyLeakRule.masked(turn.text() == null ? "" : turn.text()));
            s.append(Json.write(line)).append('\n');
        }
        return s.toString();
    }

    /** The JSON array in the model's answer (models wrap it in prose or a code fence); none when there is none. */
    private static List<JsonNode> items(String answer) {
        if (answer == null) {
            return List.of();
        }
        int start = answer.indexOf('[');
        int end = answer.lastIndexOf(']');
        if (start < 0 || end < start) {
            return List.of();
        }
        try {
            JsonNode array = Json.MAPPER.readTree(answer.substring(start, end + 1));
            List<JsonNode> out = new ArrayList<>();
            array.forEach(n -> {
                if (n.isObject()) {
                    out.add(n);
                }
            });
            return out;
        } catch (java.io.IOException e) {
            LOG.warn("quality: the model pass answered no JSON array; the rule pass stands");
            return List.of();
        }
    }

    private static Severity severity(String s) {
        try {
            return Severity.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Severity.MEDIUM;
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL);
    }
}
