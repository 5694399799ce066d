package dev.nectar.quality;

import dev.nectar.handoff.AgentStore;
import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Window;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** An agent's grade for the merchant (客服分级), with the basis it was computed from. */
@Path("/api/merchants/{m}/agents/{agentId}/grade")
@Produces(MediaType.APPLICATION_JSON)
public class AgentGradeResource {
    private final Authenticator auth;
    private final AgentStore agents;
    private final QualityStore store;
    private final ServiceSettingsStore settings;
    private final AgentGrader grader;

    public AgentGradeResource(Authenticator auth, AgentStore agents, QualityStore store, ServiceSettingsStore settings,
                              AgentGrader grader) {
        this.auth = auth;
        this.agents = agents;
        this.store = store;
        this.settings = settings;
        this.grader = grader;
    }

    @GET
    public AgentGrade grade(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                            @PathParam("agentId") String agentId, @QueryParam("from") String from, @QueryParam("to") String to) {
        auth.requireMerchant(authorization, m);
        agents.find(m, agentId).orElseThrow(() -> ApiException.notFound("agent"));
        Window w = Window.parse(from, to);
        return grader.grade(agentId, w, store.list(m, w.from(), w.to(), agentId), settings.get(m).slaSeconds());
    }
}
