package dev.nectar.merchant;

import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import dev.nectar.platform.NectarConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Lets the chat page try the demo shop without a merchant back end: mints a buyer token for one of the demo shop's
 * own buyers, and for nothing else. Without credentials by design, so it exists only while the demo shop is on
 * ({@code NECTAR_DEMO}); otherwise it answers 404 like any unknown path.
 */
@Path("/api/demo/buyer-token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemoBuyerTokenResource {
    /** Short: a token that leaks from a demo browser acts only for a demo buyer, and only for a while. */
    static final Duration TTL = Duration.ofHours(8);

    private final NectarConfig config;
    private final DemoShop demoShop;
    private final BuyerTokens buyerTokens;

    public DemoBuyerTokenResource(NectarConfig config, DemoShop demoShop, BuyerTokens buyerTokens) {
        this.config = config;
        this.demoShop = demoShop;
        this.buyerTokens = buyerTokens;
    }

    /** {@code buyerId} is optional: the demo shop's first buyer when absent. */
    public record DemoBuyerRequest(String buyerId) {
    }

    public record DemoBuyerToken(String token, String merchantId, String buyerId, String shopName, OffsetDateTime expiresAt) {
    }

    @POST
    @APIResponse(responseCode = "201", description = "a buyer token for the demo shop", content = @Content(schema = @Schema(implementation = DemoBuyerToken.class)))
    public Response mint(DemoBuyerRequest body) {
        DemoShopData shop = demoShop.loaded().filter(s -> config.demo() && !s.buyers().isEmpty())
                .orElseThrow(() -> ApiException.notFound("demo shop"));
        String buyerId = body == null || body.buyerId() == null ? shop.buyers().get(0) : Check.id(body.buyerId(), "buyerId");
        if (!shop.buyers().contains(buyerId)) {
            throw ApiException.invalid("buyerId", "not a buyer of the demo shop; one of " + shop.buyers());
        }
        Instant expiresAt = Instant.now().plus(TTL);
        return Response.status(201).entity(new DemoBuyerToken(buyerTokens.issue(shop.merchantId(), buyerId, expiresAt),
                shop.merchantId(), buyerId, shop.name(), expiresAt.atOffset(ZoneOffset.UTC))).build();
    }
}
