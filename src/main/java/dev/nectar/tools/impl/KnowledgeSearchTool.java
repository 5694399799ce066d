package dev.nectar.tools.impl;

import dev.nectar.knowledge.FactAnswer;
import dev.nectar.knowledge.KnowledgeConfig;
import dev.nectar.knowledge.KnowledgeHit;
import dev.nectar.knowledge.KnowledgeRetriever;
import dev.nectar.text.ChineseText;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers from the merchant's own knowledge base with the facts that answer, over the calibrated threshold (FOUND);
 * a little below it, offers the closest facts as a guess it is not sure of (UNSURE); else says it has none (NONE).
 */
@ApplicationScoped
public class KnowledgeSearchTool implements Tool {
    /** Facts looked at for an answer: enough to hold a whole size chart or postage table. */
    private static final int CANDIDATES = 10;
    public static final String FOUND = "FOUND";
    /** The closest facts, offered as a guess: the planner counts it as not answered. */
    public static final String UNSURE = "UNSURE";
    public static final String NONE = "NONE";
    private final KnowledgeRetriever retriever;
    private final ChineseText text;
    private final KnowledgeConfig config;

    public KnowledgeSearchTool(KnowledgeRetriever retriever, ChineseText text, KnowledgeConfig config) {
        this.retriever = retriever;
        this.text = text;
        this.config = config;
    }

    @Override
    public String name() {
        return ToolNames.KNOWLEDGE_SEARCH;
    }

    @Override
    public ToolResult run(ToolContext ctx, Map<String, Object> args) {
        String query = (String) args.get("query");
        List<KnowledgeHit> hits = retriever.search(ctx.merchantId(), query, Math.max(CANDIDATES, args.get("k") instanceof Number n ? n.intValue() : 0));
        Optional<FactAnswer.Answer> answer = FactAnswer.compose(query, hits, text.regions());
        String status = FOUND;
        if (answer.isEmpty()) {
            answer = FactAnswer.tentative(query, hits, text.regions(), config.tentativeThreshold());
            status = UNSURE;
        }
        if (answer.isEmpty()) {
            return ToolResult.of(name(), NONE).fact("bestScore", hits.isEmpty() ? 0 : hits.get(0).score())
                    .summary("nothing answerable").build();
        }
        FactAnswer.Answer a = answer.get();
        return ToolResult.of(name(), status).fact("answer", a.text()).fact("title", a.title()).fact("source", source(a.title()))
                .fact("docId", a.docId()).fact("score", a.score())
                .summary(String.format("%s (%.2f)", a.title(), a.score())).build();
    }

    /** Where the answer comes from, for the buyer: a document's Chinese title (a file name like faq says nothing). */
    static String source(String title) {
        return title != null && title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "(摘自《" + title + "》)" : "";
    }
}
