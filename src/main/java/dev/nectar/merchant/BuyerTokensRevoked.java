package dev.nectar.merchant;

/** Fired after a buyer's tokens were revoked, so the sockets that buyer holds open on this node are closed. */
public record BuyerTokensRevoked(String merchantId, String buyerId) {
}
