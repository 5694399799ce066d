package dev.nectar.merchant;

import java.time.Instant;

public record Merchant(String merchantId, String name, String locale, Instant createdAt) {
    /** Marks a merchant API key, so a leaked one is recognisable in a scan. */
    public static final String API_KEY_PREFIX = "nk_";
}
