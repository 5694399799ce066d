package dev.nectar.tools;

import dev.nectar.merchant.BuyerIdentity;

import java.util.List;

/**
 * The authenticated side of a tool call: whose data it may touch, in which conversation, the images the buyer
 * sent with this message, and for a confirmed write the action id that makes retries idempotent.
 */
public record ToolContext(BuyerIdentity buyer, String conversationId, List<String> images, String actionId) {

    public String merchantId() {
        return buyer.merchantId();
    }

    public String buyerId() {
        return buyer.buyerId();
    }
}
