package dev.nectar.aftersales;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A merchant's after-sales policy. The first five fields are the contract's; the rest are Nectar's own knobs.
 *
 * @param refundOnlyAbuseCount refund-only requests in the last {@code profileWindowDays} at or above which a
 *                             buyer's refund-only request is never auto-approved
 */
public record Policy(Integer noReasonReturnDays, List<String> noReasonExcludedCategories, Integer qualityClaimDays,
                     BigDecimal refundOnlyAutoApproveMax, Map<String, String> categorySkills,
                     Integer refundOnlyAbuseCount, Integer profileWindowDays) {

    public static Policy defaults() {
        return new Policy(7, List.of("生鲜", "定制"), 30, new BigDecimal("50.00"),
                Map.of("母婴", "maternal_infant", "宠物", "pet", "美妆", "beauty"), 3, 90);
    }

    /** This policy with every absent field taken from the defaults. */
    public Policy withDefaults() {
        Policy d = defaults();
        return new Policy(
                noReasonReturnDays != null ? noReasonReturnDays : d.noReasonReturnDays,
                noReasonExcludedCategories != null ? List.copyOf(noReasonExcludedCategories) : d.noReasonExcludedCategories,
                qualityClaimDays != null ? qualityClaimDays : d.qualityClaimDays,
                refundOnlyAutoApproveMax != null ? refundOnlyAutoApproveMax : d.refundOnlyAutoApproveMax,
                categorySkills != null ? Map.copyOf(categorySkills) : d.categorySkills,
                refundOnlyAbuseCount != null ? refundOnlyAbuseCount : d.refundOnlyAbuseCount,
                profileWindowDays != null ? profileWindowDays : d.profileWindowDays);
    }

    /** The skill that a product category routes to, or null. */
    public String skillFor(String category) {
        return category == null ? null : categorySkills.get(category);
    }
}
