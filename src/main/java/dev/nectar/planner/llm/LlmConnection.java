package dev.nectar.planner.llm;

import java.util.Optional;

/**
 * The merchant-configured OpenAI-compatible endpoint, when there is one: the planner and the quality inspector's
 * optional pass share one client, so one circuit breaker and one retry budget guard the endpoint.
 *
 * @param model the model's name, for the logs
 */
public record LlmConnection(Optional<LlmClient> client, String baseUrl, String model) {
}
