package dev.nectar.handoff;

/**
 * Where approved suggestions go: the merchant's knowledge base, which the bot retrieves from. The knowledge feature
 * ingests it ({@link KnowledgeBaseSink}).
 */
public interface KnowledgeSink {

    /**
     * Adds one question and answer as a knowledge document of the merchant, retrievable once this returns.
     *
     * @return the document id
     */
    String addFaq(String merchantId, String title, String question, String answer);
}
