package dev.nectar.planner.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.nectar.tools.ToolManifest;
import dev.nectar.tools.ToolManifests;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestToolSpecsTest {
    private final ToolManifests manifests = new ToolManifests(Path.of("tools"));
    private final Map<String, ToolSpecification> specs = ManifestToolSpecs.from(manifests.all()).stream()
            .collect(Collectors.toMap(ToolSpecification::name, Function.identity()));

    @Test
    void everyManifestButPhotoVerificationIsOfferedWithItsOwnSchema() {
        assertThat(specs.keySet()).containsExactlyInAnyOrderElementsOf(manifests.all().stream().map(ToolManifest::name)
                .filter(n -> !n.equals("image_verification")).toList());
        for (ToolManifest m : manifests.all()) {
            ToolSpecification spec = specs.get(m.name());
            if (spec == null) {
                continue;
            }
            assertThat(spec.description()).isEqualTo(m.description());
            List<String> required = new java.util.ArrayList<>();
            m.parameters().path("required").forEach(r -> required.add(r.asText()));
            assertThat(spec.parameters().required() == null ? List.of() : spec.parameters().required())
                    .containsExactlyElementsOf(required);
            assertThat(spec.parameters().properties().keySet())
                    .containsExactlyInAnyOrderElementsOf(() -> m.parameters().path("properties").fieldNames());
            assertThat(spec.parameters().additionalProperties()).isFalse();
        }
    }

    @Test
    void enumsArraysAndBoundsCarryOver() {
        var afterSale = specs.get("after_sale_request").parameters().properties();
        assertThat(((JsonEnumSchema) afterSale.get("type")).enumValues()).contains("RETURN_REFUND", "REFUND_ONLY", "EXCHANGE");
        assertThat(afterSale.get("imageIds")).isInstanceOf(JsonArraySchema.class);
        var k = (JsonIntegerSchema) specs.get("knowledge_search").parameters().properties().get("k");
        assertThat(k.description()).contains("1-10");
    }
}
