package dev.nectar.platform.bus;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The bus of a single node: every socket is local. */
@DefaultBean
@ApplicationScoped
public class InMemoryFrameBus implements FrameBus {
    private final LocalSockets sockets;

    public InMemoryFrameBus(LocalSockets sockets) {
        this.sockets = sockets;
    }

    @Override
    public void publish(String address, Object frame) {
        sockets.deliver(address, frame);
    }
}
