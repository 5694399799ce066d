package dev.nectar.planner;

import dev.nectar.aftersales.Policy;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.Product;
import dev.nectar.conversation.DialogueState;
import dev.nectar.conversation.Turn;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.tools.ToolResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything a planner may read for one buyer message: the message, the dialogue state (which it may update),
 * the buyer's own orders and the merchant's catalog and policy (loaded on first use), earlier turns, and the
 * results of the tools run so far in this turn.
 */
public final class PlanningContext {
    private final BuyerIdentity buyer;
    private final String conversationId;
    private final String text;
    private final List<String> images;
    private final DialogueState state;
    private final List<Turn> history;
    private final Lazy<List<Order>> orders;
    private final Lazy<List<Product>> catalog;
    private final Lazy<Policy> policy;
    private final List<ToolResult> results = new ArrayList<>();
    private Consumer<String> deltas = text -> { };
    private final java.util.Map<String, Object> scratch = new java.util.HashMap<>();

    public PlanningContext(BuyerIdentity buyer, String conversationId, String text, List<String> images,
                           DialogueState state, List<Turn> history, Supplier<List<Order>> orders,
                           Supplier<List<Product>> catalog, Supplier<Policy> policy) {
        this.buyer = buyer;
        this.conversationId = conversationId;
        this.text = text == null ? "" : text;
        this.images = images == null ? List.of() : List.copyOf(images);
        this.state = state;
        this.history = history;
        this.orders = new Lazy<>(orders);
        this.catalog = new Lazy<>(catalog);
        this.policy = new Lazy<>(policy);
    }

    public BuyerIdentity buyer() {
        return buyer;
    }

    public String conversationId() {
        return conversationId;
    }

    public String text() {
        return text;
    }

    public List<String> images() {
        return images;
    }

    public DialogueState state() {
        return state;
    }

    public List<Turn> history() {
        return history;
    }

    /** The buyer's own orders, newest first. */
    public List<Order> orders() {
        return orders.get();
    }

    public List<Product> catalog() {
        return catalog.get();
    }

    public Policy policy() {
        return policy.get();
    }

    /** A value computed once per turn and shared by the planner's steps (its understanding of the message ...). */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> compute) {
        return (T) scratch.computeIfAbsent(key, k -> compute.get());
    }

    public void remember(String key, Object value) {
        if (value == null) {
            scratch.remove(key);
        } else {
            scratch.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T recall(String key) {
        return (T) scratch.get(key);
    }

    /** Streams a piece of the reply to the buyer before the final reply (LLM planner). */
    public void emitDelta(String text) {
        deltas.accept(text);
    }

    public PlanningContext onDelta(Consumer<String> sink) {
        this.deltas = sink;
        return this;
    }

    public List<ToolResult> results() {
        return results;
    }

    public ToolResult lastResult() {
        return results.isEmpty() ? null : results.get(results.size() - 1);
    }

    public void addResult(ToolResult result) {
        results.add(result);
    }

    private static final class Lazy<T> {
        private final Supplier<T> supplier;
        private T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
