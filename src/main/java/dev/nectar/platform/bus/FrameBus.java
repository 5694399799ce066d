package dev.nectar.platform.bus;

/**
 * Carries frames to sockets wherever they are connected: a buyer's conversation or an agent may sit on another
 * node. Addresses are {@code buyer:<conversationId>} and {@code agent:<merchantId>:<agentId>}.
 */
public interface FrameBus {

    static String buyer(String conversationId) {
        return "buyer:" + conversationId;
    }

    static String agent(String merchantId, String agentId) {
        return "agent:" + merchantId + ":" + agentId;
    }

    /** Delivers the frame (serialised as JSON) to every socket registered at the address, on any node. */
    void publish(String address, Object frame);
}
