package dev.nectar.merchant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the demo-shop events of a test run, as a feature observing them would see them. */
@ApplicationScoped
public class DemoShopEvents {
    private final List<DemoShopCreated> seen = new CopyOnWriteArrayList<>();

    void on(@Observes DemoShopCreated event) {
        seen.add(event);
    }

    public List<DemoShopCreated> seen() {
        return List.copyOf(seen);
    }
}
