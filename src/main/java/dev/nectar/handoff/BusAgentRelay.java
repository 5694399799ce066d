package dev.nectar.handoff;

import dev.nectar.platform.bus.FrameBus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Buyer messages for the agent holding the conversation, over the bus to whichever node the agent is on. */
@ApplicationScoped
public class BusAgentRelay implements QueueChannel.AgentRelay {
    private final FrameBus bus;

    public BusAgentRelay(FrameBus bus) {
        this.bus = bus;
    }

    public record BuyerMessage(String type, String conversationId, String text, List<String> images) {
        public BuyerMessage(String conversationId, String text, List<String> images) {
            this("buyer_message", conversationId, text, images);
        }
    }

    @Override
    public void toAgent(Handoff handoff, String text, List<String> images) {
        bus.publish(FrameBus.agent(handoff.merchantId(), handoff.agentId()), new BuyerMessage(handoff.conversationId(), text, images));
    }
}
