package dev.nectar.handoff;

import dev.nectar.platform.ApiException;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Stands in while no knowledge base is bound: approving fails plainly and the suggestion stays pending. */
@DefaultBean
@ApplicationScoped
public class UnboundKnowledgeSink implements KnowledgeSink {

    @Override
    public String addFaq(String merchantId, String title, String question, String answer) {
        throw new ApiException(503, "KNOWLEDGE_UNAVAILABLE", "no knowledge base is available on this server", null);
    }
}
