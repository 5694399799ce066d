package dev.nectar.merchant;

/** The buyer a request or socket acts for, taken from a verified token and never from what a planner says. */
public record BuyerIdentity(String merchantId, String buyerId) {
}
