package dev.nectar.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts sections into chunks at sentence ends (。！？；!?; and line ends), at most {@code maxChars} each, repeating
 * the last whole sentences (up to {@code overlapChars}) at the start of the next chunk so an answer that straddles a
 * cut is still found whole. Sections never share a chunk, so a chunk stays under one heading path, which is
 * prepended to the text that is embedded. An FAQ pair is one chunk retrieved by its question.
 */
final class ChineseChunker {
    static final String PATH_SEPARATOR = " > ";
    private static final String SENTENCE_END = "。！？；!?;…";
    private static final String CLOSERS = "”’」』）)】》\"'";

    /** A chunk before embedding: {@code text} is returned to callers, {@code retrievalText} is what is matched. */
    record Draft(String headingPath, String text, String retrievalText) {
    }

    private final int maxChars;
    private final int overlapChars;

    ChineseChunker(int maxChars, int overlapChars) {
        if (maxChars < 50 || overlapChars < 0 || overlapChars * 2 > maxChars) {
            throw new IllegalArgumentException("chunk size " + maxChars + " with overlap " + overlapChars);
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    List<Draft> chunk(String title, Content content) {
        List<Draft> out = new ArrayList<>();
        for (FaqPair p : content.faq()) {
            out.add(new Draft("", "问：" + p.question() + "\n答：" + p.answer(), p.question()));
        }
        for (Content.Section s : content.sections()) {
            String path = String.join(PATH_SEPARATOR, s.headingPath());
            String context = path.isEmpty() ? title : path;
            for (String body : pack(sentences(s.text()))) {
                out.add(new Draft(path, body, context + "\n" + body));
            }
        }
        return out;
    }

    /** Sentences with their closing punctuation, closing quotes and line breaks kept. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || SENTENCE_END.indexOf(c) >= 0;
            if (!end) {
                continue;
            }
            int stop = i + 1;
            while (stop < n && (CLOSERS.indexOf(text.charAt(stop)) >= 0 || SENTENCE_END.indexOf(text.charAt(stop)) >= 0)) {
                stop++;
            }
            if (stop < n && text.charAt(stop) == '\n' && c != '\n') {
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

    private List<String> pack(List<String> sentences) {
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        boolean fresh = false;
        for (String sentence : sentences) {
            if (sentence.length() > maxChars) {
                if (fresh) {
                    chunks.add(join(current));
                }
                chunks.addAll(window(sentence));
                current.clear();
                length = 0;
                fresh = false;
                continue;
            }
            if (length + sentence.length() > maxChars && fresh) {
                chunks.add(join(current));
                List<String> tail = overlap(current, Math.min(overlapChars, maxChars - sentence.length()));
                current.clear();
                current.addAll(tail);
                length = tail.stream().mapToInt(String::length).sum();
            }
            current.add(sentence);
            length += sentence.length();
            fresh = true;
        }
        if (fresh) {
            chunks.add(join(current));
        }
        return chunks;
    }

    /** The last whole sentences that fit in the budget. */
    private static List<String> overlap(List<String> emitted, int budget) {
        int from = emitted.size();
        while (from > 0 && emitted.get(from - 1).length() <= budget) {
            budget -= emitted.get(from - 1).length();
            from--;
        }
        return new ArrayList<>(emitted.subList(from, emitted.size()));
    }

    /** A sentence longer than a chunk (a run-on line, a table without punctuation) in overlapping windows. */
    private List<String> window(String sentence) {
        List<String> out = new ArrayList<>();
        int step = maxChars - overlapChars;
        for (int start = 0; start < sentence.length(); start += step) {
            String piece = sentence.substring(start, Math.min(sentence.length(), start + maxChars)).strip();
            if (!piece.isEmpty()) {
                out.add(piece);
            }
            if (start + maxChars >= sentence.length()) {
                break;
            }
        }
        return out;
    }

    private static String join(List<String> sentences) {
        return String.join("", sentences).strip();
    }
}
