package dev.nectar.aftersales;

import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;

import java.util.List;

/**
 * What a buyer asks for, as a tool passes it on. The buyer is never part of it: it comes from the session.
 *
 * @param skus      the order items concerned; null or empty means the whole order
 * @param targetSku for an exchange, the variant wanted (same spu); null lets the engine pick the only one in stock
 * @param imageIds  photos offered as evidence
 */
public record AfterSaleRequest(String orderId, AfterSaleCase.Type type, AfterSaleCase.Reason reason, List<String> skus,
                               String targetSku, List<String> imageIds, String note) {
    public static final int MAX_IMAGES = 9;

    public static AfterSaleRequest cancel(String orderId) {
        return new AfterSaleRequest(orderId, AfterSaleCase.Type.CANCEL, AfterSaleCase.Reason.NO_REASON, null, null, null, null);
    }

    public List<String> skus() {
        return skus == null ? List.of() : skus;
    }

    public List<String> imageIds() {
        return imageIds == null ? List.of() : imageIds;
    }

    /** 400 naming the field for malformed input; whether the request is granted is the policy's business. */
    public AfterSaleRequest checked() {
        Check.id(orderId, "orderId");
        Check.present(type, "type");
        if (type != AfterSaleCase.Type.CANCEL) {
            Check.present(reason, "reason");
        }
        Check.size(skus(), "skus", 200).forEach(s -> Check.id(s, "skus"));
        if (imageIds().size() > MAX_IMAGES) {
            throw ApiException.invalid("imageIds", "at most " + MAX_IMAGES + " photos per request");
        }
        imageIds().forEach(i -> Check.id(i, "imageIds"));
        if (targetSku != null) {
            Check.id(targetSku, "targetSku");
        }
        Check.optionalText(note, "note", 500);
        return this;
    }
}
