package dev.nectar.planner.embedded;

import dev.nectar.corpus.Corpus;
import dev.nectar.platform.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed decision model (prompts/understanding/decision/) was trained by this build's features on exactly the
 * corpus's current training shops, and on nothing held out. Fails while the model is older than the corpus.
 */
class DecisionModelFreshnessTest {
    private static final Path META = Path.of("prompts", "understanding", "decision", "meta.json");
    private static final String RETRAIN = "run scripts/train-understanding.sh and commit prompts/understanding/decision/";

    @Test
    void modelMatchesThisBuildAndTheTrainingShops() throws Exception {
        assertThat(META).as("decision model metadata").exists();
        DecisionModel.Meta meta = Json.MAPPER.readValue(Files.readString(META), DecisionModel.Meta.class);

        assertThat(meta.featureVersion()).as("featureVersion of the model against DecisionFeatures.VERSION; " + RETRAIN)
                .isEqualTo(DecisionFeatures.VERSION);
        assertThat(meta.trainedOn()).as("shops the model was trained on against split.json's train; " + RETRAIN)
                .containsExactlyElementsOf(Corpus.train());
        assertThat(meta.trainedOn()).as("the model must never be trained on a held-out shop")
                .doesNotContainAnyElementsOf(Corpus.heldOut());
        assertThat(meta.corpusHash()).as("the training shops' utterances changed since the model was trained; " + RETRAIN)
                .isEqualTo(Corpus.trainingHash());
    }
}
