package dev.nectar.handoff;

import java.util.List;

/** A human agent of a merchant: certified skills, tier 1-5 and how many conversations they hold at once. */
public record Agent(String merchantId, String agentId, String name, List<String> certifications, int tier,
                    int maxConcurrent) {
    /** Marks an agent token, so a leaked one is recognisable in a scan. */
    public static final String TOKEN_PREFIX = "ng_";


    public boolean certifiedFor(String skill) {
        return certifications.contains(skill);
    }
}
