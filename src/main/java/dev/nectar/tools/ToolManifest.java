package dev.nectar.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One agent tool as declared in {@code tools/<name>.json}: what both planners know of it.
 *
 * @param confirmation the buyer must say yes before the tool runs
 * @param writes       the tool changes state (cases, orders)
 * @param examples     buyer utterances that call for the tool (the embedded planner's intent examples)
 * @param cues         weighted cue words that add lexical evidence for the tool
 */
public record ToolManifest(String name, String description, JsonNode parameters, boolean confirmation, boolean writes,
                           List<String> examples, Map<String, Double> cues) {
}
