package dev.nectar.platform.bus;

/** The bus of a single node: every socket is local. */
public final class InMemoryFrameBus implements FrameBus {
    private final LocalSockets sockets;

    public InMemoryFrameBus(LocalSockets sockets) {
        this.sockets = sockets;
    }

    @Override
    public void publish(String address, Object frame) {
        sockets.deliver(address, frame);
    }
}
