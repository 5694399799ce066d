package dev.nectar.merchant;

import dev.nectar.platform.Secrets;

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

    Optional<Merchant> findByApiKeyHash(String apiKeyHash);
}
