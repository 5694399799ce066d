package dev.nectar.tools.impl;

import dev.nectar.images.EvidenceVerifier;
import dev.nectar.images.Verification;
import dev.nectar.tools.Tool;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/** Checks a photo the buyer sent: as claim evidence when an order of theirs is named, on its own otherwise. */
@ApplicationScoped
public class ImageVerificationTool implements Tool {
    private final EvidenceVerifier verifier;
    private final BuyerOrders orders;

    public ImageVerificationTool(EvidenceVerifier verifier, BuyerOrders orders) {
        this.verifier = verifier;
        this.orders = orders;
    }

    @Override
    public String name() {
        return ToolNames.IMAGE_VERIFICATION;
    }

    @Override
    public ToolResult run(ToolContext ctx, Map<String, Object> args) {
        String imageId = (String) args.get("imageId");
        if (verifier.find(ctx.merchantId(), ctx.buyerId(), imageId).isEmpty()) {
            return ToolResult.of(name(), ToolResult.NOT_FOUND).summary("no such image").build();
        }
        Optional<Verification> v = orders.own(ctx, (String) args.get("orderId"))
                .map(o -> verifier.verifyForClaim(ctx.merchantId(), ctx.buyerId(), imageId, o))
                .or(() -> verifier.latest(ctx.merchantId(), imageId));
        return v.map(x -> ToolResult.of(name(), "VERIFIED").fact("imageId", imageId).fact("verdict", x.verdict().name())
                        .fact("score", x.score()).summary(x.verdict() + " " + x.score()).build())
                .orElseGet(() -> ToolResult.of(name(), "PENDING").fact("imageId", imageId).summary("not verified yet").build());
    }
}
