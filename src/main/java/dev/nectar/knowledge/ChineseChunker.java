package dev.nectar.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts documents into facts, the units that are retrieved and answered with: an FAQ pair (retrieved by its question),
 * a table row (already self-describing: "尺码：42，脚长(mm)：255-260"), a list item, or the sentences of a paragraph
 * packed up to {@code maxChars}. A section's heading path is prepended to every fact's retrieval text, and a lead-in
 * line ("以下商品不支持七天无理由退货：") to each list item under it, so a fact read alone keeps its meaning. Small units
 * answer precisely: the buyer who asks about one size gets that row, not the chart.
 */
final class ChineseChunker {
    static final String PATH_SEPARATOR = " > ";
    private static final String SENTENCE_END = "。！？；!?;…";
    private static final String CLOSERS = "”’」』）)】》\"'";
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+•·●▪]\\s*|\\d{1,2}[.、)）]\\s*|[(（]\\d{1,2}[)）]\\s*|[一二三四五六七八九十]{1,2}[、.]\\s*)");
    /** A fact shorter than this joins the next sentence: alone it says too little to be found or to answer. */
    private static final int MIN_FACT_CHARS = 8;
    /** A lead-in is a short line that ends with a colon and introduces the items after it. */
    private static final int MAX_LEAD_CHARS = 60;

    /** A fact before embedding: {@code text} is returned to callers, {@code retrievalText} is matched. */
    record Draft(String headingPath, String text, String retrievalText) {
    }

    private final int maxChars;

    ChineseChunker(int maxChars) {
        if (maxChars < 50) {
            throw new IllegalArgumentException("chunk size " + maxChars);
        }
        this.maxChars = maxChars;
    }

    List<Draft> chunk(String title, Content content) {
        List<Draft> out = new ArrayList<>();
        for (FaqPair p : content.faq()) {
            out.add(new Draft("", "问：" + p.question() + "\n答：" + p.answer(), p.question()));
        }
        for (Content.Section s : content.sections()) {
            String path = String.join(PATH_SEPARATOR, s.headingPath());
            String context = path.isEmpty() ? title : path;
            String lead = null;
            for (String raw : s.text().split("\n")) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                Matcher item = LIST_MARKER.matcher(line);
                boolean listItem = item.lookingAt();
                String body = listItem ? line.substring(item.end()).strip() : line;
                if (!listItem) {
                    lead = null;
                }
                if (isLead(body)) {
                    lead = body;
                    continue;
                }
                String prefix = listItem && lead != null ? lead : "";
                for (String fact : facts(body)) {
                    String text = prefix + fact;
                    out.add(new Draft(path, text, context + "\n" + text));
                }
            }
            if (lead != null && out.stream().noneMatch(d -> d.headingPath().equals(path))) {
                out.add(new Draft(path, lead, context + "\n" + lead)); // a lone lead-in is still a fact
            }
        }
        return out;
    }

    private static boolean isLead(String line) {
        return line.length() <= MAX_LEAD_CHARS && (line.endsWith("：") || line.endsWith(":"));
    }

    /** One line as facts: whole when it fits, else its sentences packed up to the limit (a run-on line in windows). */
    private List<String> facts(String line) {
        if (line.length() <= maxChars) {
            return List.of(line);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : sentences(line)) {
            if (sentence.length() > maxChars) {
                flush(current, out);
                out.addAll(window(sentence));
                continue;
            }
            if (current.length() >= MIN_FACT_CHARS && current.length() + sentence.length() > maxChars) {
                flush(current, out);
            }
            current.append(sentence);
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }

    /** Sentences with their closing punctuation and closing quotes kept. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (SENTENCE_END.indexOf(text.charAt(i)) < 0) {
                continue;
            }
            int stop = i + 1;
            while (stop < n && (CLOSERS.indexOf(text.charAt(stop)) >= 0 || SENTENCE_END.indexOf(text.charAt(stop)) >= 0)) {
                stop++;
            }
            add(out, text.substring(start, stop));
            start = stop;
            i = stop - 1;
        }
        add(out, text.substring(start));
        return out;
    }

    private static void add(List<String> out, String sentence) {
        if (!sentence.isBlank()) {
            out.add(sentence);
        }
    }

    /** A sentence longer than a fact (a table without punctuation) in windows overlapping by a fifth. */
    private List<String> window(String sentence) {
        List<String> out = new ArrayList<>();
        int step = maxChars - maxChars / 5;
        for (int start = 0; start < sentence.length(); start += step) {
            out.add(sentence.substring(start, Math.min(sentence.length(), start + maxChars)).strip());
            if (start + maxChars >= sentence.length()) {
                break;
            }
        }
        return out;
    }
}
