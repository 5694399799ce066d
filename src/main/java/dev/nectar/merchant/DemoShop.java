package dev.nectar.merchant;

import dev.nectar.aftersales.PolicyStore;
import dev.nectar.commerce.CatalogStore;
import dev.nectar.commerce.OrderStore;
import dev.nectar.handoff.AgentStore;
import dev.nectar.platform.NectarConfig;
import dev.nectar.platform.Secrets;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Loads the demo shop of the knowledge-base folder on first start (unless {@code NECTAR_DEMO=false}), through the
 * stores, then fires {@link DemoShopCreated} so other features add their part (knowledge documents).
 * <p>
 * Its credentials go to {@code <dataDir>/demo-credentials.txt} (owner-only), never to the log: the merchant API
 * key and agent tokens of the first start, and buyer tokens that are renewed on every start.
 */
@ApplicationScoped
public class DemoShop {
    public static final String CREDENTIALS_FILE = "demo-credentials.txt";
    /** After the @Startup beans (Database, ToolManifests), which start at the default priority. */
    static final int START_PRIORITY = ObserverMethod.DEFAULT_PRIORITY + 100;
    private static final Logger LOG = Logger.getLogger(DemoShop.class);
    private static final Duration BUYER_TOKEN_TTL = Duration.ofDays(30);
    private static final ZoneOffset SHOP_ZONE = ZoneOffset.ofHours(8);

    private final NectarConfig config;
    private final MerchantStore merchants;
    private final CatalogStore catalog;
    private final OrderStore orders;
    private final PolicyStore policies;
    private final AgentStore agents;
    private final BuyerTokens buyerTokens;
    private final Event<DemoShopCreated> created;
    private final int httpPort;
    /** The shop as loaded at this start; empty while the demo is off. */
    private volatile DemoShopData loaded;

    public DemoShop(NectarConfig config, MerchantStore merchants, CatalogStore catalog, OrderStore orders,
                    PolicyStore policies, AgentStore agents, BuyerTokens buyerTokens, Event<DemoShopCreated> created,
                    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.config = config;
        this.merchants = merchants;
        this.catalog = catalog;
        this.orders = orders;
        this.policies = policies;
        this.agents = agents;
        this.buyerTokens = buyerTokens;
        this.created = created;
        this.httpPort = httpPort;
    }

    void onStart(@Observes @Priority(START_PRIORITY) StartupEvent event) {
        if (config.demo()) {
            loadIfAbsent();
        }
    }

    /**
     * Creates the demo shop unless its merchant exists, (re)writes the credentials file and says where to chat.
     *
     * @return true when this call created the shop
     */
    public boolean loadIfAbsent() {
        Path dir = Path.of(config.knowledgeBaseDir());
        DemoShopData shop = DemoShopData.read(dir, OffsetDateTime.now(SHOP_ZONE).truncatedTo(ChronoUnit.MINUTES),
                config.limits().maxUpsertItems());
        Path file = credentialsFile();
        boolean isNew = merchants.find(shop.merchantId()).isEmpty() && create(shop, file);
        loaded = shop;
        if (isNew) {
            created.fire(new DemoShopCreated(shop.merchantId(), dir.toAbsolutePath().normalize()));
        } else {
            renewBuyerTokens(shop, file);
        }
        LOG.infof("demo shop %s (merchant %s) %s. Chat at ws://localhost:%d/ws/chat?token=<buyer token> ; demo "
                + "credentials (merchant API key, buyer and agent tokens) are in %s", shop.name(), shop.merchantId(), isNew ? "created" : "ready",
                httpPort, file);
        return isNew;
    }

    /** The demo shop of this start, once loaded; empty when the demo is off. */
    public Optional<DemoShopData> loaded() {
        return Optional.ofNullable(loaded);
    }

    public Path credentialsFile() {
        return Path.of(config.dataDir(), CREDENTIALS_FILE).toAbsolutePath().normalize();
    }

    private boolean create(DemoShopData shop, Path file) {
        String m = shop.merchantId();
        catalog.upsert(m, shop.products());
        orders.upsert(m, shop.orders());
        policies.put(m, shop.policy());
        Map<String, String> agentTokens = new LinkedHashMap<>();
        shop.agents().forEach(agent -> agents.register(agent).ifPresent(token -> agentTokens.put(agent.agentId(), token)));
        // the merchant comes last: once it exists the shop is complete, and a first start that failed is redone
        Optional<String> apiKey = merchants.register(new Merchant(m, shop.name(), shop.locale(), Instant.now()));
        // empty when another node sharing the database created it meanwhile
        apiKey.ifPresent(key -> writeCredentials(shop, file, key, agentTokens));
        return apiKey.isPresent();
    }

    /** Buyer tokens expire, so each start issues new ones; the key and agent tokens were shown once and are kept. */
    private void renewBuyerTokens(DemoShopData shop, Path file) {
        Properties old = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                old.load(in);
            } catch (IOException e) {
                LOG.warnf("cannot read %s (%s); writing new buyer tokens only", file, e.getMessage());
            }
        }
        Map<String, String> agentTokens = new LinkedHashMap<>();
        shop.agents().forEach(a -> {
            String token = old.getProperty("agent." + a.agentId() + ".token");
            if (token != null) {
                agentTokens.put(a.agentId(), token);
            }
        });
        writeCredentials(shop, file, old.getProperty("merchant.apiKey"), agentTokens);
    }

    private void writeCredentials(DemoShopData shop, Path file, String apiKey, Map<String, String> agentTokens) {
        String m = shop.merchantId();
        StringBuilder out = new StringBuilder()
                .append("# Nectar demo shop ").append(shop.name()).append(" (merchant ").append(m).append(").\n")
                .append("# Private: these credentials act for the demo shop. Do not share or commit this file.\n")
                .append("# Buyer chat: WebSocket ws://localhost:").append(httpPort).append("/ws/chat?token=<a buyer token below>\n")
                .append("# Merchant API: Authorization: Bearer <merchant.apiKey> on /api/merchants/").append(m).append("/...\n")
                .append("# Agent console: /ws/agent?token=<agent token>. Buyer tokens are renewed on every start.\n")
                .append("chat.url=ws://localhost:").append(httpPort).append("/ws/chat\n")
                .append("merchant.id=").append(m).append('\n');
        if (apiKey != null) {
            out.append("merchant.apiKey=").append(apiKey).append('\n');
        } else {
            out.append("# merchant.apiKey was written at the first start only and this file no longer holds it.\n");
        }
        Instant expiresAt = Instant.now().plus(BUYER_TOKEN_TTL);
        for (String buyer : shop.buyers()) {
            out.append("buyer.").append(buyer).append(".token=").append(buyerTokens.issue(m, buyer, expiresAt)).append('\n');
        }
        out.append("buyerTokens.expireAt=").append(expiresAt.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        agentTokens.forEach((agent, token) -> out.append("agent.").append(agent).append(".token=").append(token).append('\n'));
        try {
            Secrets.writePrivateFile(file, out.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the demo credentials file " + file, e);
        }
    }
}
