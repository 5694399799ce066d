package dev.nectar.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/** One action in a merchant's audit log, as the contract lists it. Details hold ids and amounts, no personal data. */
public record AuditEntry(OffsetDateTime at, Actor actor, String action, String target, Map<String, Object> details) {

    /** Who acted: the contract's kinds, with the id of the buyer, agent or merchant (none for the operator or system). */
    public record Actor(String kind, String id) {
        public static Actor buyer(String buyerId) {
            return new Actor("BUYER", buyerId);
        }

        public static Actor agent(String agentId) {
            return new Actor("AGENT", agentId);
        }

        public static Actor merchant(String merchantId) {
            return new Actor("MERCHANT", merchantId);
        }

        public static Actor system() {
            return new Actor("SYSTEM", null);
        }
    }
}
