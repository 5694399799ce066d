package dev.nectar.chat;

import dev.nectar.aftersales.PolicyStore;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.OrderStore;
import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.ConversationStore;
import dev.nectar.conversation.DialogueState;
import dev.nectar.conversation.Turn;
import dev.nectar.knowledge.TurnEmbeddings;
import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.planner.AnswerReader;
import dev.nectar.planner.PlanStep;
import dev.nectar.planner.Planner;
import dev.nectar.planner.PlanningContext;
import dev.nectar.planner.Responder;
import dev.nectar.platform.MerchantEvent;
import dev.nectar.tools.ToolContext;
import dev.nectar.tools.ToolExecutor;
import dev.nectar.tools.ToolNames;
import dev.nectar.tools.ToolResult;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The way of one buyer message: load the conversation, settle a pending confirmation, let the planner plan,
 * run its tool calls (writes only after a yes), and persist the turn with its tool calls. The socket layer only
 * parses and sends frames.
 */
@ApplicationScoped
public class ChatService {
    static final Duration RESUME_WINDOW = Duration.ofMinutes(30);
    private static final int MAX_STEPS = 5;

    private final ConversationStore conversations;
    private final OrderStore orders;
    private final CatalogStore catalog;
    private final PolicyStore policies;
    private final Planner planner;
    private final ToolExecutor executor;
    private final Responder responder;
    private final AnswerReader answers;
    private final HumanChannel humanChannel;
    private final Event<MerchantEvent> events;
    /** Messages of one conversation are handled one at a time; striped so the lock table stays bounded. */
    private final ReentrantLock[] locks = new ReentrantLock[256];

    public ChatService(ConversationStore conversations, OrderStore orders, CatalogStore catalog, PolicyStore policies,
                       Planner planner, ToolExecutor executor, Responder responder, AnswerReader answers,
                       HumanChannel humanChannel, Event<MerchantEvent> events) {
        this.conversations = conversations;
        this.orders = orders;
        this.catalog = catalog;
        this.policies = policies;
        this.planner = planner;
        this.executor = executor;
        this.responder = responder;
        this.answers = answers;
        this.humanChannel = humanChannel;
        this.events = events;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Resumes the buyer's conversation of the last 30 minutes, or starts one. */
    public Frames.Session open(BuyerIdentity buyer) {
        Optional<Conversation> open = conversations.findResumable(buyer.merchantId(), buyer.buyerId(), Instant.now().minus(RESUME_WINDOW));
        return open.map(c -> new Frames.Session(c.conversationId(), true))
                .orElseGet(() -> new Frames.Session(conversations.create(buyer.merchantId(), buyer.buyerId()).conversationId(), false));
    }

    /**
     * Frames answering one buyer message (none while a human agent holds the conversation); streamed pieces go to
     * {@code early} before the answer.
     */
    @WithSpan("nectar.turn")
    public List<Object> onMessage(BuyerIdentity buyer, String conversationId, String id, String text, List<String> images,
                                  Consumer<Object> early) {
        return locked(conversationId, () -> {
            Conversation conv = conversations.find(buyer.merchantId(), conversationId).orElseThrow();
            if (conv.status() == ConversationStatus.CLOSED) {
                return List.of(new Frames.Error(id, "CONVERSATION_CLOSED", "this conversation has ended; reconnect to start a new one"));
            }
            conversations.append(conversationId, new Turn(Turn.Role.BUYER, text, Instant.now(), List.of(), images));
            if (conv.status() != ConversationStatus.BOT) {
                return humanChannel.deliver(conv, id, text, images);
            }
            DialogueState state = conversations.state(conversationId);
            List<Turn.ToolCall> calls = new ArrayList<>();
            Object frame = settlePending(buyer, conversationId, id, text, state, calls)
                    .orElseGet(() -> TurnEmbeddings.during(() -> plan(buyer, conversationId, id, text, images, state, calls, early)));
            conversations.append(conversationId, new Turn(Turn.Role.BOT, textOf(frame), Instant.now(), calls, List.of()));
            conversations.saveState(conversationId, state);
            return List.of(frame);
        });
    }

    /** A confirm frame: runs or drops the pending action it names. */
    @WithSpan("nectar.turn.confirm")
    public List<Object> onConfirm(BuyerIdentity buyer, String conversationId, String actionId, boolean accept) {
        return locked(conversationId, () -> {
            DialogueState state = conversations.state(conversationId);
            List<Turn.ToolCall> calls = new ArrayList<>();
            Object frame;
            if (state.pendingAction == null || !state.pendingAction.actionId().equals(actionId)) {
                Object done = state.notes.get("done:" + actionId);
                frame = done != null
                        ? new Frames.Reply(actionId, String.valueOf(done), List.of(), List.of(), null)
                        : new Frames.Error(actionId, "UNKNOWN_ACTION", "no pending action with this id");
                return List.of(frame);
            }
            conversations.append(conversationId, Turn.of(Turn.Role.BUYER, accept ? "确认" : "取消"));
            frame = decide(buyer, conversationId, actionId, accept, state, calls);
            conversations.append(conversationId, new Turn(Turn.Role.BOT, textOf(frame), Instant.now(), calls, List.of()));
            conversations.saveState(conversationId, state);
            return List.of(frame);
        });
    }

    public void rate(BuyerIdentity buyer, String conversationId, int score) {
        conversations.rate(conversationId, score);
    }

    public void end(BuyerIdentity buyer, String conversationId) {
        conversations.setStatus(conversationId, ConversationStatus.CLOSED, null);
        events.fire(new MerchantEvent(buyer.merchantId(), MerchantEvent.CONVERSATION_CLOSED,
                Map.of("conversationId", conversationId, "buyerId", buyer.buyerId())));
    }

    private Optional<Object> settlePending(BuyerIdentity buyer, String conversationId, String id, String text,
                                           DialogueState state, List<Turn.ToolCall> calls) {
        if (state.pendingAction == null) {
            return Optional.empty();
        }
        Object kind = state.pendingAction.args().getOrDefault("type", state.pendingAction.tool());
        return answers.yesNo(text, String.valueOf(kind)).map(yes -> decide(buyer, conversationId, id, yes, state, calls));
    }

    private Object decide(BuyerIdentity buyer, String conversationId, String replyTo, boolean accept, DialogueState state,
                          List<Turn.ToolCall> calls) {
        DialogueState.PendingAction pending = state.pendingAction;
        state.pendingAction = null;
        if (!accept) {
            return new Frames.Reply(replyTo, responder.render("confirm.declined"), List.of(), List.of(), null);
        }
        ToolResult result = executor.runConfirmed(pending.tool(), pending.args(),
                new ToolContext(buyer, conversationId, List.of(), pending.actionId()));
        calls.add(ToolExecutor.record(result, pending.args()));
        String text = responder.render(result);
        state.notes.put("done:" + pending.actionId(), text);
        return new Frames.Reply(replyTo, text, result.cards(), result.quickReplies(), null);
    }

    private Object plan(BuyerIdentity buyer, String conversationId, String id, String text, List<String> images,
                        DialogueState state, List<Turn.ToolCall> calls, Consumer<Object> early) {
        PlanningContext ctx = new PlanningContext(buyer, conversationId, text, images, state,
                conversations.turns(conversationId),
                () -> orders.byBuyer(buyer.merchantId(), buyer.buyerId()),
                () -> catalog.all(buyer.merchantId()),
                () -> policies.get(buyer.merchantId()))
                .onDelta(piece -> early.accept(new Frames.Delta(id, piece)));
        ToolContext toolCtx = new ToolContext(buyer, conversationId, images, null);
        for (int step = 0; step < MAX_STEPS; step++) {
            PlanStep next = planner.next(ctx);
            if (next instanceof PlanStep.Reply r) {
                return new Frames.Reply(id, r.text(), r.cards(), r.quickReplies(), null);
            }
            PlanStep.CallTool call = (PlanStep.CallTool) next;
            Map<String, Object> args = new LinkedHashMap<>(call.args());
            ToolResult result = executor.call(call.tool(), args, toolCtx);
            calls.add(ToolExecutor.record(result, args));
            if (ToolResult.CONFIRM.equals(result.status())) {
                String actionId = "act-" + UUID.randomUUID();
                String summary = responder.render(result);
                state.pendingAction = new DialogueState.PendingAction(actionId, call.tool(), args, summary, Instant.now());
                return new Frames.Reply(id, summary, result.cards(), List.of("确认", "取消"), new Frames.Confirm(actionId, summary));
            }
            if (ToolNames.HANDOFF_TO_HUMAN.equals(call.tool()) && result.ok()) {
                Map<String, Object> f = result.facts();
                return new Frames.Handoff(id, (String) f.get("handoffId"), (String) f.get("status"), (String) f.get("skill"),
                        (Integer) f.get("position"), responder.render(result));
            }
            ctx.addResult(result);
        }
        return new Frames.Reply(id, responder.render("fallback"), List.of(), List.of(), null);
    }

    private static String textOf(Object frame) {
        if (frame instanceof Frames.Reply r) {
            return r.text();
        }
        if (frame instanceof Frames.Handoff h) {
            return h.text();
        }
        if (frame instanceof Frames.Error e) {
            return e.message();
        }
        return "";
    }

    private <T> T locked(String conversationId, java.util.function.Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(conversationId.hashCode(), locks.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
