package dev.nectar.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** FAQ files: CSV with a question,answer header (问题,答案 also understood) or a JSON array of {question, answer}. */
final class FaqReader {
    private static final Set<String> QUESTION = Set.of("question", "q", "问题", "问");
    private static final Set<String> ANSWER = Set.of("answer", "a", "答案", "回答", "答");

    private FaqReader() {
    }

    static Content csv(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            String q = column(parser.getHeaderMap(), QUESTION);
            String a = column(parser.getHeaderMap(), ANSWER);
            if (q == null || a == null) {
                throw new UnreadableDocumentException("a FAQ .csv needs a header row with the columns question and answer");
            }
            int answerColumn = parser.getHeaderMap().get(a);
            boolean answerLast = answerColumn == parser.getHeaderMap().size() - 1;
            List<FaqPair> pairs = new ArrayList<>();
            for (CSVRecord r : parser) {
                String question = r.isSet(q) ? r.get(q) : "";
                String answer = r.isSet(a) ? r.get(a) : "";
                if (answerLast && r.size() > answerColumn + 1) {
                    // a spreadsheet row whose answer has unquoted commas: the cells past the header are its rest
                    answer = String.join(",", r.toList().subList(answerColumn, r.size()));
                }
                if (question.isBlank() && answer.isBlank()) {
                    continue;
                }
                if (question.isBlank() || answer.isBlank()) {
                    throw new UnreadableDocumentException("FAQ row " + (r.getRecordNumber() + 1) + " needs both a question and an answer");
                }
                pairs.add(new FaqPair(question, answer));
            }
            return Content.ofFaq(pairs);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableDocumentException("the FAQ .csv is not valid CSV");
        }
    }

    static Content json(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnreadableDocumentException("the FAQ .json is not valid JSON");
        }
        if (root == null || !root.isArray()) {
            throw new UnreadableDocumentException("a FAQ .json must be an array of {\"question\",\"answer\"} objects");
        }
        List<FaqPair> pairs = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            JsonNode q = item.get("question");
            JsonNode a = item.get("answer");
            if (q == null || a == null || !q.isTextual() || !a.isTextual() || q.asText().isBlank() || a.asText().isBlank()) {
                throw new UnreadableDocumentException("FAQ item " + i + " needs the text fields question and answer");
            }
            pairs.add(new FaqPair(q.asText().strip(), a.asText().strip()));
        }
        return Content.ofFaq(pairs);
    }

    private static String column(Map<String, Integer> header, Set<String> names) {
        return header.keySet().stream()
                .filter(h -> h != null && names.contains(h.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }
}
