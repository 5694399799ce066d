package dev.nectar.tools;

/** The tool names of the contract, as they appear in manifests and in recorded tool calls. */
public final class ToolNames {
    public static final String ORDER_LOOKUP = "order_lookup";
    public static final String LOGISTICS_TRACKING = "logistics_tracking";
    public static final String AFTER_SALE_REQUEST = "after_sale_request";
    public static final String CANCEL_ORDER = "cancel_order";
    public static final String IMAGE_VERIFICATION = "image_verification";
    public static final String PRODUCT_RECOMMENDATION = "product_recommendation";
    public static final String KNOWLEDGE_SEARCH = "knowledge_search";
    public static final String HANDOFF_TO_HUMAN = "handoff_to_human";

    private ToolNames() {
    }
}
