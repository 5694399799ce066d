package dev.nectar.tools.impl;

import dev.nectar.commerce.recommend.ProductRecommender;
import dev.nectar.text.ChineseText;
import dev.nectar.commerce.recommend.QueryParser;
import dev.nectar.commerce.recommend.Recommendation;
import dev.nectar.commerce.recommend.RecommendationQuery;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** In-stock products for a need: constraints from the planner's arguments win over those parsed from the text. */
@ApplicationScoped
public class ProductRecommendationTool implements Tool {
    private final ProductRecommender recommender;
    private final ChineseText chinese;

    public ProductRecommendationTool(ProductRecommender recommender, ChineseText chinese) {
        this.recommender = recommender;
        this.chinese = chinese;
    }

    @Override
    public String name() {
        return ToolNames.PRODUCT_RECOMMENDATION;
    }

    @Override
    public ToolResult run(ToolContext ctx, Map<String, Object> args) {
        // an English request is matched with the Chinese of its e-commerce words: the catalog is Chinese
        String text = chinese.glossed((String) args.get("query"));
        RecommendationQuery explicit = new RecommendationQuery(text, money(args.get("priceMin")), money(args.get("priceMax")),
                money(args.get("priceAround")), (String) args.get("category"),
                args.get("weightKg") instanceof Number n ? n.doubleValue() : null,
                args.get("count") instanceof Number n ? n.intValue() : null,
                args.get("limit") instanceof Number n ? n.intValue() : null);
        List<Recommendation> found = recommender.recommend(ctx.merchantId(), QueryParser.parse(text).overriddenBy(explicit));
        if (found.isEmpty()) {
            return ToolResult.of(name(), "NONE").summary("no matching product in stock").build();
        }
        String lines = found.stream().map(r -> "· " + r.product().title() + " ¥" + r.product().price().toPlainString()
                + (r.reason() == null ? "" : ":" + r.reason())).collect(Collectors.joining("\n"));
        return ToolResult.of(name(), "FOUND").fact("lines", lines).fact("count", found.size())
                .cards(found.stream().map(r -> Cards.product(r.product(), r.reason())).toList())
                .summary(found.stream().map(r -> r.product().sku()).collect(Collectors.joining(","))).build();
    }

    private static BigDecimal money(Object v) {
        return v instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
