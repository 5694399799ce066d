package dev.nectar.aftersales;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** A merchant's after-sales cases: the list, one case, and the decision on a case waiting for review. */
@Path("/api/merchants/{m}/after-sales")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AfterSaleResource {
    private final Authenticator auth;
    private final AfterSaleStore cases;
    private final AfterSaleService service;

    public AfterSaleResource(Authenticator auth, AfterSaleStore cases, AfterSaleService service) {
        this.auth = auth;
        this.cases = cases;
        this.service = service;
    }

    public record Decision(Boolean approve, String note) {
    }

    @GET
    public List<AfterSaleCase> list(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                    @QueryParam("orderId") String orderId, @QueryParam("buyerId") String buyerId,
                                    @QueryParam("status") String status) {
        auth.requireMerchant(authorization, m);
        AfterSaleCase.Status filter = blank(status) ? null : Check.oneOf(status, AfterSaleCase.Status.class, "status");
        return cases.list(m, blank(orderId) ? null : orderId, blank(buyerId) ? null : buyerId, filter);
    }

    @GET
    @Path("/{caseId}")
    public AfterSaleCase get(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                             @PathParam("caseId") String caseId) {
        auth.requireMerchant(authorization, m);
        return cases.find(m, caseId).orElseThrow(() -> ApiException.notFound("after-sale case " + caseId));
    }

    /** Only cases PENDING_REVIEW or NEEDS_EVIDENCE can be decided (409 otherwise). */
    @POST
    @Path("/{caseId}/decision")
    public AfterSaleCase decide(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                @PathParam("caseId") String caseId, Decision body) {
        auth.requireMerchant(authorization, m);
        Check.present(body, "body");
        boolean approve = Check.present(body.approve(), "approve");
        return service.decide(m, caseId, approve, Check.optionalText(body.note(), "note", 500));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
