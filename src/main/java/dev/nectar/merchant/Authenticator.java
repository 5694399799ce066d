package dev.nectar.merchant;

import dev.nectar.handoff.Agent;
import dev.nectar.handoff.AgentStore;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Secrets;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Resolves the four kinds of credentials of the contract; every resource asks here first. */
@ApplicationScoped
public class Authenticator {
    private final AdminToken adminToken;
    private final MerchantStore merchants;
    private final BuyerTokens buyerTokens;
    private final AgentStore agents;

    public Authenticator(AdminToken adminToken, MerchantStore merchants, BuyerTokens buyerTokens, AgentStore agents) {
        this.adminToken = adminToken;
        this.merchants = merchants;
        this.buyerTokens = buyerTokens;
        this.agents = agents;
    }

    public void requireAdmin(String authorization) {
        if (!Secrets.constantTimeEquals(Secrets.bearer(authorization), adminToken.value())) {
            throw ApiException.unauthorized();
        }
    }

    /** 401 for a missing or unknown key, 403 for a key of another merchant. */
    public Merchant requireMerchant(String authorization, String merchantId) {
        String key = Secrets.bearer(authorization);
        if (key == null) {
            throw ApiException.unauthorized();
        }
        Merchant m = merchants.findByApiKeyHash(Secrets.sha256(key)).orElseThrow(ApiException::unauthorized);
        if (!m.merchantId().equals(merchantId)) {
            throw ApiException.forbidden();
        }
        return m;
    }

    /** Accepts an Authorization header ("Bearer ...") or the bare token of a WebSocket query. */
    public BuyerIdentity requireBuyer(String authorizationOrToken) {
        return buyer(authorizationOrToken).orElseThrow(ApiException::unauthorized);
    }

    public Optional<BuyerIdentity> buyer(String authorizationOrToken) {
        String token = Secrets.bearer(authorizationOrToken);
        return buyerTokens.read(token != null ? token : authorizationOrToken)
                .filter(c -> merchants.find(c.buyer().merchantId()).isPresent())
                .filter(c -> merchants.buyerTokensRevokedBefore(c.buyer().merchantId(), c.buyer().buyerId())
                        .map(revoked -> !c.issuedAt().isBefore(revoked)).orElse(true))
                .map(BuyerTokens.Claims::buyer);
    }

    /** An agent's own HTTP requests: {@code Authorization: Bearer <agent token>}. */
    public Agent requireAgent(String authorization) {
        return agent(Secrets.bearer(authorization)).orElseThrow(ApiException::unauthorized);
    }

    public Optional<Agent> agent(String token) {
        return token == null || token.isBlank() ? Optional.empty() : agents.findByTokenHash(Secrets.sha256(token));
    }
}
