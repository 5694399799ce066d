package dev.nectar.merchant;

import java.time.Instant;

public record Merchant(String merchantId, String name, String locale, Instant createdAt) {
}
