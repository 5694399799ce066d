package dev.nectar.knowledge;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text (and text extracted from PDFs) to sections. Chinese documents mark headings by convention rather than
 * markup: a short first line is the title, and lines such as 第一章 / 一、 / （一） / 【储存方法】 open sections.
 */
final class PlainTextReader {
    private record HeadingStyle(Pattern pattern, int level) {
    }

    private static final List<HeadingStyle> STYLES = List.of(
            new HeadingStyle(Pattern.compile("^第[一二三四五六七八九十百零〇0-9]+[章节部分篇].*"), 2),
            new HeadingStyle(Pattern.compile("^[一二三四五六七八九十]+[、.．].+"), 3),
            new HeadingStyle(Pattern.compile("^【[^】]{1,30}】$"), 3),
            new HeadingStyle(Pattern.compile("^[（(][一二三四五六七八九十]+[)）].+"), 4));
    private static final int MAX_HEADING_CHARS = 40;
    private static final String SENTENCE_END = "。！？；：!?;:…";
    private static final double WRAPPED_SHARE = 0.6;

    private PlainTextReader() {
    }

    static Content read(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        SectionBuilder out = new SectionBuilder();
        String title = null;
        int first = 0;
        while (first < lines.size() && lines.get(first).isEmpty()) {
            first++;
        }
        boolean hasBody = lines.subList(Math.min(first + 1, lines.size()), lines.size()).stream().anyMatch(l -> !l.isEmpty());
        if (first < lines.size() && hasBody && isTitle(lines.get(first))) {
            title = lines.get(first);
            out.heading(1, title);
            first++;
        }
        for (String line : lines.subList(first, lines.size())) {
            int level = headingLevel(line);
            if (level > 0) {
                out.heading(level, line);
            } else {
                out.line(line);
            }
        }
        return Content.ofSections(title, out.build());
    }

    /**
     * Joins lines a PDF wrapped mid-sentence, so sentences are whole again before they are split. A line was wrapped
     * when it runs to (nearly) the longest line's width and does not end a sentence; shorter lines end paragraphs.
     */
    static String unwrap(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        int wrapWidth = (int) (lines.stream().mapToInt(String::length).max().orElse(0) * WRAPPED_SHARE);
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (String line : lines) {
            boolean join = !line.isEmpty() && previous.length() >= Math.max(1, wrapWidth)
                    && headingLevel(line) == 0 && headingLevel(previous) == 0
                    && SENTENCE_END.indexOf(previous.charAt(previous.length() - 1)) < 0;
            if (join) {
                char last = previous.charAt(previous.length() - 1);
                if (last < 0x2E80 && line.charAt(0) < 0x2E80) {
                    out.append(' ');
                }
            } else if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line);
            previous = line;
        }
        return out.toString();
    }

    private static boolean isTitle(String line) {
        return line.length() <= MAX_HEADING_CHARS && headingLevel(line) == 0
                && SENTENCE_END.indexOf(line.charAt(line.length() - 1)) < 0 && !line.contains("，");
    }

    static int headingLevel(String line) {
        if (line.isEmpty() || line.length() > MAX_HEADING_CHARS || SENTENCE_END.indexOf(line.charAt(line.length() - 1)) >= 0) {
            return 0;
        }
        return STYLES.stream().filter(s -> s.pattern().matcher(line).matches()).mapToInt(HeadingStyle::level).findFirst().orElse(0);
    }
}
