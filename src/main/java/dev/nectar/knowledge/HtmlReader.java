package dev.nectar.knowledge;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

import java.util.List;

/** HTML to sections: h1-h6 cut sections, block elements end lines, tables become self-describing rows. */
final class HtmlReader {
    private static final String INVISIBLE = "script,style,noscript,template,svg,iframe,object,head";

    private HtmlReader() {
    }

    static Content read(String html) {
        Document doc = Jsoup.parse(html);
        String title = doc.title().isBlank() ? null : doc.title().strip();
        doc.select(INVISIBLE).remove();
        SectionBuilder out = new SectionBuilder();
        StringBuilder line = new StringBuilder();
        doc.body().filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    line.append(t.text());
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                        flush(line, out);
                        out.heading(tag.charAt(1) - '0', e.text());
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("table")) {
                        flush(line, out);
                        table(e, out);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("br") || e.isBlock()) {
                        flush(line, out);
                    }
                    if (tag.equals("li")) {
                        line.append("- "); // a list item, so the chunker can carry its lead-in line to it
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    flush(line, out);
                }
                return FilterResult.CONTINUE;
            }
        });
        flush(line, out);
        if (title == null) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? null : h1.text();
        }
        return Content.ofSections(title, out.build());
    }

    private static void flush(StringBuilder line, SectionBuilder out) {
        out.line(line.toString());
        line.setLength(0);
    }

    private static void table(Element table, SectionBuilder out) {
        Element caption = table.selectFirst("caption");
        if (caption != null) {
            out.line(caption.text());
        }
        List<String> header = null;
        for (Element row : table.select("tr")) {
            List<Element> cells = row.children().stream().filter(c -> c.nameIs("td") || c.nameIs("th")).toList();
            List<String> texts = cells.stream().map(Element::text).toList();
            if (header == null && !cells.isEmpty() && cells.stream().allMatch(c -> c.nameIs("th"))) {
                header = texts;
            } else {
                out.tableRow(header, texts);
            }
        }
    }
}
