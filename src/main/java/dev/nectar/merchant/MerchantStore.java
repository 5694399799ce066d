package dev.nectar.merchant;

import dev.nectar.platform.Secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Merchant accounts; API keys are kept only as hashes. */
public interface MerchantStore {

    /** @return false when the id is taken */
    boolean create(Merchant merchant, String apiKeyHash);

    /**
     * Creates the merchant with a new API key, kept only as its hash.
     *
     * @return the key, to be shown once; empty when the id is taken
     */
    default Optional<String> register(Merchant merchant) {
        String apiKey = Secrets.newToken(Merchant.API_KEY_PREFIX);
        return create(merchant, Secrets.sha256(apiKey)) ? Optional.of(apiKey) : Optional.empty();
    }

    Optional<Merchant> find(String merchantId);

    /** The merchant of a current key, or of a rotated key still in its grace period. */
    Optional<Merchant> findByApiKeyHash(String apiKeyHash);

    /** Replaces the merchant's key by one with this hash; the previous key keeps working for {@code grace}. */
    void replaceApiKey(String merchantId, String newKeyHash, Duration grace);

    /**
     * A new API key for the merchant, kept only as its hash.
     *
     * @return the key, to be shown once
     */
    default String rotateApiKey(String merchantId, Duration grace) {
        String apiKey = Secrets.newToken(Merchant.API_KEY_PREFIX);
        replaceApiKey(merchantId, Secrets.sha256(apiKey), grace);
        return apiKey;
    }

    /** Refuses every token of this buyer issued before {@code before}. */
    void revokeBuyerTokens(String merchantId, String buyerId, Instant before);

    /** When the buyer's tokens were last revoked: tokens issued before it are refused. */
    Optional<Instant> buyerTokensRevokedBefore(String merchantId, String buyerId);
}
