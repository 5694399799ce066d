package dev.nectar.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Collects lines under the current heading stack (levels 1-6) and cuts a section at every heading. */
final class SectionBuilder {
    private final String[] headings = new String[7];
    private final List<String> lines = new ArrayList<>();
    private final List<Content.Section> sections = new ArrayList<>();

    void heading(int level, String text) {
        flush();
        headings[level] = text.strip();
        Arrays.fill(headings, level + 1, headings.length, null);
    }

    void line(String text) {
        if (!text.isBlank()) {
            lines.add(text.strip());
        }
    }

    /** A table row as "header：value，header：value" so each row carries its own meaning when retrieved alone. */
    void tableRow(List<String> header, List<String> cells) {
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        if (header == null || header.size() != cells.size()) {
            line(String.join(" | ", cells));
            return;
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                pairs.add(header.get(i).isBlank() ? cells.get(i) : header.get(i) + "：" + cells.get(i));
            }
        }
        line(String.join("，", pairs));
    }

    List<Content.Section> build() {
        flush();
        return List.copyOf(sections);
    }

    private void flush() {
        if (!lines.isEmpty()) {
            List<String> path = Arrays.stream(headings).filter(Objects::nonNull).filter(h -> !h.isBlank()).toList();
            sections.add(new Content.Section(path, String.join("\n", lines)));
            lines.clear();
        }
    }
}
