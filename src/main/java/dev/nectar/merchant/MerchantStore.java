package dev.nectar.merchant;

import java.util.Optional;

/** Merchant accounts; API keys are kept only as hashes. */
public interface MerchantStore {

    /** @return false when the id is taken */
    boolean create(Merchant merchant, String apiKeyHash);

    Optional<Merchant> find(String merchantId);

    Optional<Merchant> findByApiKeyHash(String apiKeyHash);
}
