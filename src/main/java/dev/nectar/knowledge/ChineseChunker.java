package dev.nectar.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts sections into chunks at sentence ends (。！？；!?; and line ends), at most {@code maxChars} each, repeating
 * the last whole sentences (up to {@code overlapChars}) at the start of the next chunk so an answer that straddles a
 * cut is still found whole. Sections never share a chunk, so a chunk stays under one heading path, which is
 * prepended to the text that is embedded. An FAQ pair is one chunk retrieved by its question.
 *
 * <p>Small chunks match precisely but may hold half an answer ("寄回地址" without the address line), so what a
 * chunk returns is its passage: the chunk widened with neighbouring sentences of its section up to
 * {@code passageChars} (the whole section when it is short).
 */
final class ChineseChunker {
    static final String PATH_SEPARATOR = " > ";
    private static final String SENTENCE_END = "。！？；!?;…";
    private static final String CLOSERS = "”’」』）)】》\"'";

    /** A chunk before embedding: {@code text} (its passage) is returned to callers, {@code retrievalText} is matched. */
    record Draft(String headingPath, String text, String retrievalText) {
    }

    /** Sentences [from, to) of a section, or a window of one over-long sentence (from < 0). */
    private record Piece(String body, int from, int to) {
    }

    private final int maxChars;
    private final int overlapChars;
    private final int passageChars;

    ChineseChunker(int maxChars, int overlapChars, int passageChars) {
        if (maxChars < 50 || overlapChars < 0 || overlapChars * 2 > maxChars || passageChars < maxChars) {
            throw new IllegalArgumentException("chunk size " + maxChars + ", overlap " + overlapChars + ", passage " + passageChars);
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
        this.passageChars = passageChars;
    }

    List<Draft> chunk(String title, Content content) {
        List<Draft> out = new ArrayList<>();
        for (FaqPair p : content.faq()) {
            out.add(new Draft("", "问：" + p.question() + "\n答：" + p.answer(), p.question()));
        }
        for (Content.Section s : content.sections()) {
            String path = String.join(PATH_SEPARATOR, s.headingPath());
            String context = path.isEmpty() ? title : path;
            List<String> sentences = sentences(s.text());
            for (Piece piece : pack(sentences)) {
                out.add(new Draft(path, passage(piece, sentences), context + "\n" + piece.body()));
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

    /**
     * Packs sentences greedily up to a limit chosen so a section's chunks come out about equal in size (a section a
     * little over one chunk becomes two halves), and never cuts when the rest of the section fits in the current chunk,
     * so no stray last sentence is left on its own.
     */
    private List<Piece> pack(List<String> sentences) {
        int[] rest = new int[sentences.size() + 1];
        for (int i = sentences.size() - 1; i >= 0; i--) {
            rest[i] = rest[i + 1] + sentences.get(i).length();
        }
        int pieces = Math.max(1, (int) Math.ceil((double) (rest[0] - overlapChars) / (maxChars - overlapChars)));
        int limit = Math.min(maxChars, (int) Math.ceil((double) (rest[0] - overlapChars) / pieces) + overlapChars);
        List<Piece> out = new ArrayList<>();
        int from = 0;
        int length = 0;
        boolean fresh = false;
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            if (sentence.length() > maxChars) {
                if (fresh) {
                    out.add(piece(sentences, from, i));
                }
                window(sentence).forEach(w -> out.add(new Piece(w, -1, -1)));
                from = i + 1;
                length = 0;
                fresh = false;
                continue;
            }
            if (length + sentence.length() > limit && fresh && length + rest[i] > maxChars) {
                out.add(piece(sentences, from, i));
                from = overlapStart(sentences, from, i, Math.min(overlapChars, maxChars - sentence.length()));
                length = rest[from] - rest[i];
            }
            length += sentence.length();
            fresh = true;
        }
        if (fresh) {
            out.add(piece(sentences, from, sentences.size()));
        }
        return out;
    }

    private static Piece piece(List<String> sentences, int from, int to) {
        return new Piece(String.join("", sentences.subList(from, to)).strip(), from, to);
    }

    /** Where the next chunk starts: the last whole sentences of [from, to) that fit in the budget. */
    private static int overlapStart(List<String> sentences, int from, int to, int budget) {
        int start = to;
        while (start > from && sentences.get(start - 1).length() <= budget) {
            budget -= sentences.get(start - 1).length();
            start--;
        }
        return start;
    }

    /** The piece widened with neighbouring sentences, alternately after and before, while it fits in the passage. */
    private String passage(Piece piece, List<String> sentences) {
        if (piece.from() < 0) {
            return piece.body();
        }
        int from = piece.from();
        int to = piece.to();
        int length = piece.body().length();
        boolean grew = true;
        while (grew) {
            grew = false;
            if (to < sentences.size() && length + sentences.get(to).length() <= passageChars) {
                length += sentences.get(to++).length();
                grew = true;
            }
            if (from > 0 && length + sentences.get(from - 1).length() <= passageChars) {
                length += sentences.get(--from).length();
                grew = true;
            }
        }
        return String.join("", sentences.subList(from, to)).strip();
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
}
