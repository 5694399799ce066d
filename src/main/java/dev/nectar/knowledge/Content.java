package dev.nectar.knowledge;

import java.util.List;

/**
 * A document read into text: sections under their heading paths, or FAQ pairs. {@code title} is the document's
 * own title (a Markdown H1, an HTML title) when it has one.
 */
record Content(String title, List<Section> sections, List<FaqPair> faq) {

    /** A run of text under one heading path (outermost heading first). */
    record Section(List<String> headingPath, String text) {
    }

    static Content ofSections(String title, List<Section> sections) {
        return new Content(title, List.copyOf(sections), List.of());
    }

    static Content ofFaq(List<FaqPair> faq) {
        return new Content(null, List.of(), List.copyOf(faq));
    }

    boolean isEmpty() {
        return faq.isEmpty() && sections.stream().allMatch(s -> s.text().isBlank());
    }
}
