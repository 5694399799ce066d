package dev.nectar.merchant;

import java.nio.file.Path;

/** Fired once when the demo shop is created on first start, so each feature can load its part of the demo. */
public record DemoShopCreated(String merchantId, Path knowledgeBaseDir) {
}
