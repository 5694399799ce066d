package dev.nectar.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Markdown to sections: ATX headings (#) cut sections, tables become self-describing rows, inline markup goes. */
final class MarkdownReader {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?$");
    private static final Pattern RULE = Pattern.compile("^\\s*([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private MarkdownReader() {
    }

    static Content read(String text) {
        SectionBuilder out = new SectionBuilder();
        String title = null;
        List<String> header = null;
        boolean inFence = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                out.line(line);
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                String heading = inline(h.group(2));
                if (title == null && h.group(1).length() == 1) {
                    title = heading;
                }
                out.heading(h.group(1).length(), heading);
                header = null;
            } else if (line.startsWith("|")) {
                if (TABLE_SEPARATOR.matcher(line).matches()) {
                    continue;
                }
                List<String> cells = cells(line);
                if (header == null) {
                    header = cells;
                } else {
                    out.tableRow(header, cells);
                }
            } else {
                header = null;
                if (!RULE.matcher(line).matches()) {
                    out.line(inline(line.replaceFirst("^>+\\s*", "")));
                }
            }
        }
        return Content.ofSections(title, out.build());
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        return new ArrayList<>(Arrays.stream(inner.split("(?<!\\\\)\\|")).map(c -> inline(c.strip())).toList());
    }

    private static String inline(String s) {
        String out = IMAGE.matcher(s).replaceAll("$1");
        out = LINK.matcher(out).replaceAll("$1");
        out = STRONG.matcher(out).replaceAll("$2");
        out = CODE.matcher(out).replaceAll("$1");
        return TAG.matcher(out).replaceAll("");
    }
}
