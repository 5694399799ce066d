package dev.nectar.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nectar.platform.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolManifestsTest {
    private static final Path REAL = Path.of("tools");

    @TempDir
    Path dir;

    @BeforeEach
    void copyRealManifests() throws IOException {
        try (Stream<Path> files = Files.list(REAL)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void theRealFolderDeclaresEveryContractToolOnce() {
        ToolManifests manifests = new ToolManifests(REAL);

        assertThat(manifests.all()).hasSize(8);
        assertThat(manifests.all().stream().map(ToolManifest::name).collect(Collectors.toSet()))
                .isEqualTo(ToolManifests.CONTRACT_TOOLS);
        assertThat(manifests.all()).allSatisfy(m -> {
            assertThat(m.examples()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(m.parameters().path("type").asText()).isEqualTo("object");
        });
        assertThat(manifests.get(ToolNames.CANCEL_ORDER).writes()).isTrue();
        assertThat(manifests.get(ToolNames.CANCEL_ORDER).confirmation()).isTrue();
        assertThat(manifests.get(ToolNames.ORDER_LOOKUP).writes()).isFalse();
    }

    @Test
    void aCopyOfTheRealFolderLoadsToo() {
        // the other tests break this copy one way each, so it has to be valid to begin with
        assertThat(new ToolManifests(dir).all()).hasSize(8);
    }

    @Test
    void unknownToolNameIsRefused() {
        edit("order_lookup.json", m -> m.put("name", "order_search"));

        assertFailure("tool manifest order_lookup.json", "name 'order_search' is not one of");
    }

    @Test
    void missingDescriptionIsRefused() {
        edit("logistics_tracking.json", m -> m.remove("description"));

        assertFailure("tool manifest logistics_tracking.json", "description is required");
    }

    @Test
    void aToolThatWritesWithoutConfirmationIsRefused() {
        edit("cancel_order.json", m -> m.put("confirmation", false));

        assertFailure("tool manifest cancel_order.json", "a tool that writes must require confirmation");
    }

    @Test
    void missingConfirmationFlagIsRefused() {
        edit("knowledge_search.json", m -> m.remove("confirmation"));

        assertFailure("tool manifest knowledge_search.json", "confirmation and writes must be true or false");
    }

    @Test
    void requiredParameterMustBeDeclared() {
        edit("after_sale_request.json", m -> ((ArrayNode) m.path("parameters").path("required")).add("ghost"));

        assertFailure("tool manifest after_sale_request.json", "required parameter 'ghost' is not among the properties");
    }

    @Test
    void parameterWithoutTypeIsRefused() {
        edit("order_lookup.json", m -> ((ObjectNode) m.path("parameters").path("properties").path("orderId")).remove("type"));

        assertFailure("tool manifest order_lookup.json", "parameter 'orderId' has no type");
    }

    @Test
    void tooFewExamplesAreRefused() {
        edit("handoff_to_human.json", m -> m.putArray("examples").add("转人工").add("找客服"));

        assertFailure("tool manifest handoff_to_human.json", "at least three non-empty examples");
    }

    @Test
    void nonNumericCueWeightIsRefused() {
        edit("order_lookup.json", m -> ((ObjectNode) m.path("cues")).put("订单", "high"));

        assertFailure("tool manifest order_lookup.json", "cue '订单' needs a numeric weight");
    }

    @Test
    void malformedJsonIsRefused() throws IOException {
        Files.writeString(dir.resolve("image_verification.json"), "{\"name\": \"image_verification\",");

        assertFailure("tool manifest image_verification.json", "not valid JSON");
    }

    @Test
    void fileMustBeNamedAfterItsTool() throws IOException {
        Files.move(dir.resolve("order_lookup.json"), dir.resolve("orders.json"));

        assertFailure("tool manifest orders.json", "must be named order_lookup.json");
    }

    @Test
    void missingManifestIsRefused() throws IOException {
        Files.delete(dir.resolve("product_recommendation.json"));

        assertFailure("tool manifests missing", "[product_recommendation]");
    }

    @Test
    void missingFolderIsRefused() {
        assertThatThrownBy(() -> new ToolManifests(dir.resolve("nowhere")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tool manifests folder not found")
                .hasMessageContaining("NECTAR_TOOLS_DIR");
    }

    private void edit(String file, Consumer<ObjectNode> change) {
        try {
            ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(Files.readString(dir.resolve(file)));
            change.accept(manifest);
            Files.writeString(dir.resolve(file), Json.write(manifest));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertFailure(String... messageParts) {
        assertThatThrownBy(() -> new ToolManifests(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(messageParts);
    }
}
