package dev.nectar.tools.impl;

import dev.nectar.knowledge.KnowledgeHit;
import dev.nectar.knowledge.KnowledgeRetriever;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Answers from the merchant's own knowledge base, only with a passage over the calibrated threshold. */
@ApplicationScoped
public class KnowledgeSearchTool implements Tool {
    /** An FAQ chunk reads "问:question\n答:answer"; the buyer needs only the answer. */
    private static final Pattern FAQ_QUESTION = Pattern.compile("^问[::].*?\\n答[::]", Pattern.DOTALL);
    private final KnowledgeRetriever retriever;

    public KnowledgeSearchTool(KnowledgeRetriever retriever) {
        this.retriever = retriever;
    }

    @Override
    public String name() {
        return ToolNames.KNOWLEDGE_SEARCH;
    }

    @Override
    public ToolResult run(ToolContext ctx, Map<String, Object> args) {
        int k = args.get("k") instanceof Number n ? n.intValue() : 3;
        List<KnowledgeHit> hits = retriever.search(ctx.merchantId(), (String) args.get("query"), k);
        if (hits.isEmpty() || !hits.get(0).answerable()) {
            return ToolResult.of(name(), "NONE").fact("bestScore", hits.isEmpty() ? 0 : hits.get(0).score())
                    .summary("nothing answerable").build();
        }
        KnowledgeHit best = hits.get(0);
        return ToolResult.of(name(), "FOUND").fact("answer", answer(best.text())).fact("title", best.title())
                .fact("docId", best.docId()).fact("score", best.score())
                .summary(String.format("%s (%.2f)", best.title(), best.score())).build();
    }

    static String answer(String chunk) {
        return FAQ_QUESTION.matcher(chunk.strip()).replaceFirst("").strip();
    }
}
