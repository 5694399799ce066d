package dev.nectar.aftersales;

import dev.nectar.audit.AuditAction;
import dev.nectar.audit.AuditEntry;
import dev.nectar.audit.AuditLog;
import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

@Path("/api/merchants/{m}/policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {
    private final Authenticator auth;
    private final PolicyStore policies;
    private final AuditLog audit;

    public PolicyResource(Authenticator auth, PolicyStore policies, AuditLog audit) {
        this.auth = auth;
        this.audit = audit;
        this.policies = policies;
    }

    @GET
    public Policy get(@HeaderParam("Authorization") String authorization, @PathParam("m") String m) {
        auth.requireMerchant(authorization, m);
        return policies.get(m);
    }

    /** Fields left out take their defaults. */
    @PUT
    public Policy put(@HeaderParam("Authorization") String authorization, @PathParam("m") String m, Policy body) {
        auth.requireMerchant(authorization, m);
        Policy p = checked(body);
        policies.put(m, p);
        audit.append(m, AuditEntry.Actor.merchant(m), AuditAction.POLICY_CHANGED, "policy", Map.of());
        return policies.get(m);
    }

    /** The policy a body describes, defaults filled in; 400 naming the bad field. */
    public static Policy checked(Policy body) {
        Check.present(body, "body");
        // lists and maps are checked before the defaults are filled in: that copy refuses null entries
        if (body.noReasonExcludedCategories() != null) {
            Check.size(body.noReasonExcludedCategories(), "noReasonExcludedCategories", 100)
                    .forEach(c -> Check.text(c, "noReasonExcludedCategories", 50));
        }
        if (body.categorySkills() != null) {
            if (body.categorySkills().size() > 100) {
                throw ApiException.invalid("categorySkills", "categorySkills holds more than 100 entries");
            }
            for (Map.Entry<String, String> e : body.categorySkills().entrySet()) {
                Check.text(e.getKey(), "categorySkills", 50);
                Check.id(e.getValue(), "categorySkills." + e.getKey());
            }
        }
        Policy p = body.withDefaults();
        Check.range(p.noReasonReturnDays(), "noReasonReturnDays", 0, 365);
        Check.range(p.qualityClaimDays(), "qualityClaimDays", 0, 3650);
        Check.money(p.refundOnlyAutoApproveMax(), "refundOnlyAutoApproveMax");
        Check.range(p.refundOnlyAbuseCount(), "refundOnlyAbuseCount", 1, 1000);
        Check.range(p.profileWindowDays(), "profileWindowDays", 1, 3650);
        return p;
    }
}
