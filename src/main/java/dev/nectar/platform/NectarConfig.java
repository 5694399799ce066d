package dev.nectar.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Run-time settings of a Nectar node; every key can be given as an environment variable (NECTAR_DATA_DIR ...). */
@ConfigMapping(prefix = "nectar")
public interface NectarConfig {

    /** Operator token for /api/admin. When absent a random one is generated and written to the data folder. */
    Optional<String> adminToken();

    /** Where the embedded set-up keeps its database, knowledge vectors and images. */
    @WithDefault("./data")
    String dataDir();

    /** Load the demo shop on first start. */
    @WithDefault("true")
    boolean demo();

    /** HMAC secret for buyer tokens; when absent one is generated once and kept in the database. */
    Optional<String> tokenSecret();

    /** Folder of the tool manifests. */
    @WithDefault("tools")
    String toolsDir();

    /** Folder of the prompts, reply templates and understanding lexicons. */
    @WithDefault("prompts")
    String promptsDir();

    /** Folder of the demo shop loaded on first start. */
    @WithDefault("knowledge-base")
    String knowledgeBaseDir();

    Db db();

    /** redis://host:port; when absent sessions, queue and bus are in process. */
    Optional<String> redisUrl();

    Llm llm();

    Limits limits();

    Handoffs handoff();

    Webhooks webhooks();
    Quality quality();

    interface Db {
        /** jdbc:postgresql://...; when absent the embedded H2 database under the data folder is used. */
        Optional<String> url();

        Optional<String> user();

        Optional<String> password();

        @WithDefault("16")
        int maxPoolSize();
    }

    interface Llm {
        /** OpenAI-compatible base URL (…/v1); when absent the embedded planner serves. */
        Optional<String> baseUrl();

        Optional<String> apiKey();

        @WithDefault("qwen-plus")
        String model();

        /** Longest a single model call may take, streaming included. */
        @WithDefault("PT20S")
        Duration timeout();

        /**
         * Longest wait for the model's first token, or between two tokens: a hanging endpoint is given up on well
         * before {@link #timeout()}, so the embedded planner still answers within the buyer's patience.
         */
        @WithDefault("PT8S")
        Duration idleTimeout();

        /** Retries of a call refused with 429 or 5xx or a failed connection, with exponential backoff. */
        @WithDefault("2")
        int maxRetries();

        /** How long the circuit stays open after repeated failures; the embedded planner answers meanwhile. */
        @WithDefault("PT30S")
        Duration breakerDelay();
    }

    interface Limits {
        /** Items in one catalog or orders upsert. */
        @WithDefault("5000")
        int maxUpsertItems();

        /** Knowledge upload size in bytes. */
        @WithDefault("20971520")
        long maxKnowledgeBytes();

        /** Image upload size in bytes. */
        @WithDefault("10485760")
        long maxImageBytes();

        /** Image size in pixels (width x height). */
        @WithDefault("40000000")
        long maxImagePixels();

        /** Chat frames a buyer may send at once: generous for a person typing, tight for a script. */
        @WithDefault("20")
        int chatBurst();

        /** Chat frames per second that refill a buyer's budget. */
        @WithDefault("2")
        double chatPerSecond();

        /** Refused credentials from one client within {@link #authFailureWindow()} before it gets 429. */
        @WithDefault("20")
        int authFailures();

        /** The window in which refused credentials are counted, and how long a client then waits. */
        @WithDefault("PT1M")
        Duration authFailureWindow();
    }

    interface Handoffs {
        /** How long a handoff that needs a certified skill waits for a certified agent before a general agent may take it. */
        @WithDefault("PT3M")
        Duration generalAfter();

        /** How long an agent whose console dropped keeps their conversations before they go back to the queue. */
        @WithDefault("PT60S")
        Duration agentGrace();

        /** How often each node refreshes its agents' presence, requeues dropped agents' work and re-routes the queue. */
        @WithDefault("PT5S")
        Duration sweepEvery();
    }

    interface Webhooks {
        /**
         * Hosts a webhook may point at, exactly as in its URL. Only these: a merchant must not make the server call
         * into the network it runs in. Production lists the merchants' back-office hosts here.
         */
        @WithDefault("localhost,127.0.0.1,::1")
        List<String> allowedHosts();

        /** Wait before the first retry; each further one waits twice as long, up to {@link #maxBackoff()}. */
        @WithDefault("PT30S")
        Duration firstRetry();

        @WithDefault("PT1H")
        Duration maxBackoff();

        /** How long a refused delivery is retried before it is marked FAILED. */
        @WithDefault("PT24H")
        Duration retryFor();

        /** How often each node looks for due deliveries. */
        @WithDefault("PT1S")
        Duration pollEvery();

        /** Longest wait for an endpoint's answer. */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Quality {
        /** A conversation that is not closed is inspected once nobody has written in it for this long. */
        @WithDefault("PT30M")
        Duration idleAfter();

        /** How often each node looks for conversations due for inspection. */
        @WithDefault("PT30S")
        Duration sweepEvery();

        /** Conversations one sweep inspects at most; the next sweep takes the rest. */
        @WithDefault("500")
        int sweepBatch();

        /** A claim whose node has not finished the inspection after this long (the node died) is taken over. */
        @WithDefault("PT5M")
        Duration claimTimeout();

        /**
         * With an LLM endpoint configured, each inspected conversation also goes to the model
         * ({@code prompts/quality/llm.md}), whose findings are added with {@code source:"llm"}.
         */
        @WithDefault("true")
        boolean llmPass();
    }
}
