package dev.nectar.handoff;

import dev.nectar.audit.AuditAction;
import dev.nectar.audit.AuditEntry;
import dev.nectar.audit.AuditLog;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/merchants/{m}/agents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
    private final Authenticator auth;
    private final AgentStore agents;
    private final AuditLog audit;

    public AgentResource(Authenticator auth, AgentStore agents, AuditLog audit) {
        this.auth = auth;
        this.agents = agents;
        this.audit = audit;
    }

    public record RegisterAgent(String agentId, String name, List<String> certifications, Integer tier,
                                Integer maxConcurrent) {
    }

    public record RegisteredAgent(String agentId, String token) {
    }

    public record NewToken(String token) {
    }

    /** A new console token for the agent; the old one stops working. */
    @POST
    @Path("{agentId}/token")
    @Consumes(MediaType.WILDCARD) // no body
    @APIResponse(responseCode = "201", description = "the agent's new token; the old one stops working", content = @Content(schema = @Schema(implementation = NewToken.class)))
    public Response rotateToken(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                @PathParam("agentId") String agentId) {
        auth.requireMerchant(authorization, m);
        String token = agents.rotateToken(m, agentId).orElseThrow(() -> ApiException.notFound("agent"));
        audit.append(m, AuditEntry.Actor.merchant(m), AuditAction.AGENT_TOKEN_ROTATED, agentId, Map.of());
        return Response.status(201).entity(new NewToken(token)).build();
    }

    @POST
    @APIResponse(responseCode = "201", description = "the agent and its token", content = @Content(schema = @Schema(implementation = RegisteredAgent.class)))
    public Response register(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                             RegisterAgent body) {
        auth.requireMerchant(authorization, m);
        Agent agent = checked(m, body);
        String token = agents.register(agent)
                .orElseThrow(() -> ApiException.conflict("AGENT_EXISTS", "agent " + agent.agentId() + " already exists"));
        return Response.status(201).entity(new RegisteredAgent(agent.agentId(), token)).build();
    }

    /** The agent a registration describes, defaults filled in (tier 1, 3 at once); 400 naming the bad field. */
    public static Agent checked(String merchantId, RegisterAgent body) {
        Check.present(body, "body");
        List<String> certs = body.certifications() == null ? List.of() : Check.size(body.certifications(), "certifications", 20);
        for (int i = 0; i < certs.size(); i++) {
            Check.id(certs.get(i), "certifications[" + i + "]");
        }
        return new Agent(merchantId, Check.id(body.agentId(), "agentId"), Check.text(body.name(), "name", 100),
                List.copyOf(certs), body.tier() == null ? 1 : Check.range(body.tier(), "tier", 1, 5),
                body.maxConcurrent() == null ? 3 : Check.range(body.maxConcurrent(), "maxConcurrent", 1, 50));
    }

    @GET
    public List<Agent> list(@HeaderParam("Authorization") String authorization, @PathParam("m") String m) {
        auth.requireMerchant(authorization, m);
        return agents.list(m);
    }
}
