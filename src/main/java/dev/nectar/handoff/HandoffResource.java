package dev.nectar.handoff;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.Check;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/merchants/{m}/handoffs")
@Produces(MediaType.APPLICATION_JSON)
public class HandoffResource {
    private final Authenticator auth;
    private final HandoffStore handoffs;

    public HandoffResource(Authenticator auth, HandoffStore handoffs) {
        this.auth = auth;
        this.handoffs = handoffs;
    }

    @GET
    public List<Handoff> list(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                              @QueryParam("status") String status) {
        auth.requireMerchant(authorization, m);
        return handoffs.list(m, status == null || status.isBlank() ? null : Check.oneOf(status, Handoff.Status.class, "status"));
    }
}
