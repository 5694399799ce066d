package dev.nectar.planner.llm;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The application with the LLM planner, planning against a scripted {@link OpenAiStub}. */
public class LlmStubProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiStubResource.class));
    }
}
