package dev.nectar.quality;

import dev.nectar.aftersales.AfterSaleStore;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.Order;
import dev.nectar.commerce.OrderStore;
import dev.nectar.conversation.Conversation;
import dev.nectar.conversation.ConversationStatus;
import dev.nectar.conversation.ConversationStore;
import dev.nectar.conversation.Turn;
import dev.nectar.handoff.Handoff;
import dev.nectar.handoff.HandoffStore;
import dev.nectar.planner.embedded.Understander;
import dev.nectar.planner.llm.LlmConnection;
import dev.nectar.platform.NectarConfig;
import dev.nectar.quality.rules.MissedHandoffRule;
import dev.nectar.quality.rules.NegativeEndingRule;
import dev.nectar.quality.rules.PolicyContradictionRule;
import dev.nectar.quality.rules.PrivacyLeakRule;
import dev.nectar.quality.rules.ProhibitedPromiseRule;
import dev.nectar.quality.rules.RudeRule;
import dev.nectar.quality.rules.SlowResponseRule;
import dev.nectar.quality.rules.UnansweredRule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Inspects conversations with every rule of the contract, bot and human turns alike. A conversation is due once it
 * is closed or idle ({@code nectar.quality.idle-after}); a due conversation is inspected and stored exactly once
 * across nodes (claimed in {@link QualityStore} first). One that is not due yet can be looked at as it stands.
 */
@ApplicationScoped
public class Inspector {
    static final String FINDINGS_METRIC = "nectar.quality.findings";
    static final String INSPECTIONS_METRIC = "nectar.quality.inspections";

    private final QualityStore store;
    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final OrderStore orders;
    private final AfterSaleStore cases;
    private final CatalogStore catalog;
    private final ServiceSettingsStore settings;
    private final Understander understander;
    private final MeterRegistry registry;
    private final NectarConfig.Quality config;
    private final List<QualityRule> rules;
    private final Optional<LlmInspectionPass> modelPass;
    /** Names this node in its claims. */
    private final String node = "node-" + UUID.randomUUID();

    public Inspector(QualityStore store, ConversationStore conversations, HandoffStore handoffs, OrderStore orders,
                     AfterSaleStore cases, CatalogStore catalog, ServiceSettingsStore settings, Understander understander,
                     MeterRegistry registry, NectarConfig config, LlmConnection llm) {
        this.store = store;
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.orders = orders;
        this.cases = cases;
        this.catalog = catalog;
        this.settings = settings;
        this.understander = understander;
        this.registry = registry;
        this.config = config.quality();
        this.rules = rules(Path.of(config.promptsDir(), "quality"));
        Set<String> names = rules.stream().map(QualityRule::name).collect(Collectors.toSet());
        this.modelPass = llm.client().filter(c -> config.quality().llmPass())
                .map(c -> new LlmInspectionPass(c, read(Path.of(config.promptsDir(), "quality", "llm.md")), names));
    }

    /** The rules of the contract, with their wording from {@code dir}. */
    public static List<QualityRule> rules(Path dir) {
        return List.of(new UnansweredRule(QualityLexicon.load(dir, "questions")), new MissedHandoffRule(),
                new ProhibitedPromiseRule(QualityLexicon.load(dir, "prohibited_promise")), new PrivacyLeakRule(),
                new RudeRule(QualityLexicon.load(dir, "rude")), new SlowResponseRule(), new PolicyContradictionRule(dir),
                new NegativeEndingRule(QualityLexicon.load(dir, "angry")));
    }

    public boolean due(Conversation c, Instant now) {
        return c.status() == ConversationStatus.CLOSED || c.updatedAt().isBefore(now.minus(config.idleAfter()));
    }

    /**
     * The stored record; for a conversation due but not inspected yet, the inspection done now (and stored, unless
     * another node got there first, whose record is then returned once it is stored); for one not due, its
     * inspection as it stands, not stored.
     */
    public Optional<QualityRecord> record(String merchantId, String conversationId) {
        Optional<QualityRecord> stored = store.find(merchantId, conversationId);
        if (stored.isPresent()) {
            return stored;
        }
        Optional<Conversation> conv = conversations.find(merchantId, conversationId);
        if (conv.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (!due(conv.get(), now)) {
            return Optional.of(inspect(conv.get(), false, now));
        }
        return inspectOnce(merchantId, conversationId).or(() -> store.find(merchantId, conversationId))
                .or(() -> Optional.of(inspect(conv.get(), true, now)));
    }

    /** Claims, inspects and stores a due conversation; empty when another node holds the claim. */
    public Optional<QualityRecord> inspectOnce(String merchantId, String conversationId) {
        Instant now = Instant.now();
        if (!store.claim(merchantId, conversationId, node, now, now.minus(config.claimTimeout()))) {
            return Optional.empty();
        }
        Conversation conv = conversations.find(merchantId, conversationId).orElseThrow();
        QualityRecord record = inspect(conv, true, now);
        if (!store.save(merchantId, record, node)) {
            return Optional.empty();
        }
        registry.counter(INSPECTIONS_METRIC).increment();
        for (Finding f : record.findings()) {
            Counter.builder(FINDINGS_METRIC).description("Findings of quality inspection")
                    .tag("rule", f.rule()).tag("severity", f.severity().name()).register(registry).increment();
        }
        return Optional.of(record);
    }

    /** Runs every rule on the conversation as stored now. */
    QualityRecord inspect(Conversation c, boolean ended, Instant now) {
        String m = c.merchantId();
        List<Turn> turns = conversations.turns(c.conversationId());
        List<Handoff> held = handoffs.ofConversation(m, c.conversationId());
        List<Order> own = orders.byBuyer(m, c.buyerId());
        Transcript t = new Transcript(c, turns, held, own, cases.list(m, null, c.buyerId(), null),
                Duration.ofSeconds(settings.get(m).slaSeconds()), ended,
                text -> understander.understand(m, text, own, catalog.all(m)).forHumans());
        List<Finding> findings = new ArrayList<>();
        for (QualityRule rule : rules) {
            findings.addAll(rule.check(t));
        }
        if (ended) {
            // the model is asked once the conversation is over, not for every look at one still going on
            modelPass.ifPresent(pass -> findings.addAll(pass.check(t, List.copyOf(findings))));
        }
        findings.sort(Comparator.comparingInt(Finding::turn));
        return QualityRecord.of(c.conversationId(), c.buyerId(), now, c.rating(), findings, shares(turns, held));
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the quality model instructions " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** What each agent did: their first handoff of the conversation, how soon they wrote, how long they held it. */
    static List<QualityRecord.AgentShare> shares(List<Turn> turns, List<Handoff> handoffs) {
        Map<String, QualityRecord.AgentShare> byAgent = new LinkedHashMap<>();
        for (Handoff h : handoffs) {
            if (h.agentId() == null || h.assignedAt() == null || byAgent.containsKey(h.agentId())) {
                continue;
            }
            Double firstReply = turns.stream().filter(t -> t.role() == Turn.Role.AGENT && !t.at().isBefore(h.assignedAt())
                            && (h.resolvedAt() == null || !t.at().isAfter(h.resolvedAt())))
                    .findFirst().map(t -> seconds(h.assignedAt(), t.at())).orElse(null);
            Double handling = h.resolvedAt() == null ? null : seconds(h.assignedAt(), h.resolvedAt()) / 60.0;
            byAgent.put(h.agentId(), new QualityRecord.AgentShare(h.agentId(), firstReply, handling));
        }
        return List.copyOf(byAgent.values());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
