package dev.nectar.quality;

/**
 * An agent's grade over a window (客服分级): four dimensions from 0 to 100 (经验值, 效率值, 满意度, 质检), the level they
 * add up to, and the routing tier the merchant might give the agent, with the figures they come from.
 */
public record AgentGrade(String agentId, String from, String to, int level, int suggestedTier, int experience,
                         int efficiency, int satisfaction, int quality, Basis basis) {

    /**
     * @param conversations         inspected conversations the agent took part in
     * @param firstReplySecondsP50  median time from getting a conversation to the first reply
     * @param handlingMinutesP50    median time from getting a conversation to resolving it
     * @param ratings               how many of those conversations the buyer rated
     * @param findingFreeShare      share of the conversations with no finding the agent answers for
     */
    public record Basis(int conversations, Double firstReplySecondsP50, Double handlingMinutesP50, int ratings,
                        Double ratingAverage, Double findingFreeShare, int slaSeconds) {
    }
}
