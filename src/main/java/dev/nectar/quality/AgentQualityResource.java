package dev.nectar.quality;

import dev.nectar.handoff.Agent;
import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.Window;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What the agent's workbench shows the agent about themselves: their grade and their recent findings (agent auth). */
@Path("/api/agent/quality")
@Produces(MediaType.APPLICATION_JSON)
public class AgentQualityResource {
    static final int RECENT = 20;

    private final Authenticator auth;
    private final QualityStore store;
    private final ServiceSettingsStore settings;
    private final AgentGrader grader;

    public AgentQualityResource(Authenticator auth, QualityStore store, ServiceSettingsStore settings, AgentGrader grader) {
        this.auth = auth;
        this.store = store;
        this.settings = settings;
        this.grader = grader;
    }

    /** A finding the agent answers for, with the conversation it is in. */
    public record OwnFinding(String conversationId, Instant inspectedAt, Finding finding) {
    }

    public record Own(AgentGrade grade, List<OwnFinding> findings) {
    }

    @GET
    public Own own(@HeaderParam("Authorization") String authorization, @QueryParam("from") String from, @QueryParam("to") String to) {
        Agent agent = auth.requireAgent(authorization);
        Window w = Window.parse(from, to);
        List<QualityRecord> records = store.list(agent.merchantId(), w.from(), w.to(), agent.agentId());
        List<OwnFinding> findings = records.stream()
                .flatMap(r -> r.findings().stream().filter(f -> agent.agentId().equals(f.agentId()))
                        .map(f -> new OwnFinding(r.conversationId(), r.inspectedAt(), f)))
                .sorted(Comparator.comparing(OwnFinding::inspectedAt).reversed()).limit(RECENT).toList();
        return new Own(grader.grade(agent.agentId(), w, records, settings.get(agent.merchantId()).slaSeconds()), findings);
    }
}
