package dev.nectar.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.nectar.merchant.DemoShopCreated;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Database;
import dev.nectar.platform.Json;
import dev.nectar.platform.MerchantEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Adds, replaces and removes a merchant's knowledge documents. Text formats are read while the caller waits (so a
 * malformed FAQ is a 400 that changes nothing); PDF extraction, chunking, embedding and indexing run on a bounded
 * pool, and the document moves from PROCESSING to READY or FAILED (with the reason). A document is identified by its
 * file name: adding the same name again replaces it.
 */
@Startup
@ApplicationScoped
public class KnowledgeService {
    private static final Logger LOG = Logger.getLogger(KnowledgeService.class);
    private static final int EMBED_BATCH = 32;
    private static final int MAX_NAME_CHARS = 200;
    /** With PostgreSQL other nodes may still be ingesting; only documents silent this long are theirs no more. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(10);
    static final String INTERRUPTED = "ingestion was interrupted by a restart; upload the document again";

    private final Database db;
    private final KnowledgeIndex index;
    private final KnowledgeDocuments documents;
    private final EmbeddingModel model;
    private final KnowledgeConfig config;
    private final ChineseChunker chunker;
    private final ThreadPoolExecutor executor;
    private final Event<MerchantEvent> events;

    /** A registered document and the ingestion that will finish it. */
    private record Ingestion(String docId, CompletableFuture<Void> finished) {
    }

    public KnowledgeService(Database db, KnowledgeIndex index, KnowledgeDocuments documents, EmbeddingModel model,
                            KnowledgeConfig config, Event<MerchantEvent> events) {
        this.db = db;
        this.index = index;
        this.documents = documents;
        this.model = model;
        this.config = config;
        this.events = events;
        this.chunker = new ChineseChunker(config.chunkChars());
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(config.ingestThreads(), config.ingestThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.ingestQueue()), r -> {
            Thread t = new Thread(r, "knowledge-ingest-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Documents left PROCESSING by a node that stopped can never finish; say so instead of waiting forever. */
    @PostConstruct
    void failInterruptedIngestions() {
        Instant cutoff = db.isPostgres() ? Instant.now().minus(STALE_AFTER) : Instant.now();
        int failed = documents.failStale(cutoff, INTERRUPTED);
        if (failed > 0) {
            LOG.warnf("%d knowledge document(s) were left unfinished by a restart and are marked FAILED", failed);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * An uploaded file: its type is decided from the name and the bytes (415 otherwise). Waits a few seconds for the
     * ingestion so small documents come back READY; larger ones come back PROCESSING.
     */
    public KnowledgeDocument upload(String merchantId, String fileName, String title, byte[] bytes) {
        if (fileName == null || fileName.isBlank()) {
            throw ApiException.invalid("file", "the file part needs a file name with its extension");
        }
        // browsers may send a full client path; keep the last segment (string work: no platform path rules)
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        if (name.length() > MAX_NAME_CHARS) {
            throw ApiException.invalid("file", "the file name is longer than " + MAX_NAME_CHARS + " characters");
        }
        if (title != null && title.strip().length() > MAX_NAME_CHARS) {
            throw ApiException.invalid("title", "title is longer than " + MAX_NAME_CHARS + " characters");
        }
        Ingestion ingestion;
        try {
            ingestion = start(merchantId, DocumentSniffer.sniff(name, bytes), title);
        } catch (UnreadableDocumentException e) {
            throw ApiException.invalid("file", e.getMessage());
        }
        try {
            ingestion.finished().get(config.uploadWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still PROCESSING: the client polls GET
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ingestion", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ingestion failed", e.getCause());
        }
        return documents.find(merchantId, ingestion.docId()).orElseThrow(() -> ApiException.notFound("document"));
    }

    /**
     * Adds (or, under the same title, replaces) a text document for other features, e.g. an approved answer; the
     * title stands in for the file name, so it never collides with an upload (uploads always have an extension).
     * The stage completes when the document is READY or FAILED.
     */
    public CompletionStage<KnowledgeDocument> addText(String merchantId, String title, String content, DocumentType type) {
        if (type == DocumentType.PDF || type.isFaq()) {
            throw new IllegalArgumentException("addText takes Markdown, plain text or HTML, not " + type);
        }
        return completion(merchantId, start(merchantId, Source.ofText(title, type, content), title));
    }

    /** Adds (or, under the same title, replaces) a document of FAQ pairs; each pair is retrieved by its question. */
    public CompletionStage<KnowledgeDocument> addFaq(String merchantId, String title, List<FaqPair> pairs) {
        return completion(merchantId, start(merchantId, Source.ofText(title, DocumentType.FAQ_JSON, Json.write(pairs)), title));
    }

    private CompletionStage<KnowledgeDocument> completion(String merchantId, Ingestion ingestion) {
        return ingestion.finished().thenApply(v -> documents.find(merchantId, ingestion.docId())
                .orElseThrow(() -> new IllegalStateException("document " + ingestion.docId() + " was deleted while ingesting")));
    }

    public List<KnowledgeDocument> list(String merchantId) {
        return documents.list(merchantId);
    }

    public Optional<KnowledgeDocument> find(String merchantId, String docId) {
        return documents.find(merchantId, docId);
    }

    /** Removes the document and every chunk of it in one transaction; false when there is no such document. */
    public boolean delete(String merchantId, String docId) {
        return db.inTransaction(c -> {
            if (documents.lockGeneration(c, merchantId, docId).isEmpty()) {
                return false;
            }
            index.remove(c, merchantId, docId);
            documents.delete(c, merchantId, docId);
            return true;
        });
    }

    /** Loads the demo shop's documents: every file under {@code <knowledgeBaseDir>/documents}. */
    void onDemoShop(@Observes DemoShopCreated event) {
        Path folder = event.knowledgeBaseDir().resolve("documents");
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            LOG.warnf("no demo knowledge documents in %s", folder);
            return;
        }
        for (Path file : files) {
            try {
                start(event.merchantId(), DocumentSniffer.sniff(file.getFileName().toString(), Files.readAllBytes(file)), null);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("demo knowledge document %s not loaded: %s", file.getFileName(), e.getMessage());
            }
        }
        LOG.infof("demo shop %s: %d knowledge documents queued for ingestion", event.merchantId(), files.size());
    }

    /** Reads text formats now, registers the document (replacing one of the same name) and queues its ingestion. */
    private Ingestion start(String merchantId, Source source, String explicitTitle) {
        Content content = source.type() == DocumentType.PDF ? null : DocumentReader.read(source);
        String title = explicitTitle != null && !explicitTitle.isBlank() ? explicitTitle.strip()
                : content != null && content.title() != null ? content.title() : baseName(source.name());
        KnowledgeDocuments.Slot slot = register(merchantId, source, title);
        // a queued job keeps only what it needs: the parsed text, or a PDF's bytes
        Supplier<Content> reader = content != null ? () -> content : () -> DocumentReader.read(source);
        CompletableFuture<Void> finished = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    ingest(merchantId, slot, reader, title);
                    finished.complete(null);
                } catch (RuntimeException e) {
                    finished.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            documents.markFailed(merchantId, slot, "too many documents are waiting for ingestion; upload it again later");
            throw ApiException.rateLimited();
        }
        return new Ingestion(slot.docId(), finished);
    }

    private KnowledgeDocuments.Slot register(String merchantId, Source source, String title) {
        for (int attempt = 0; ; attempt++) {
            try {
                return db.inTransaction(c -> {
                    Optional<KnowledgeDocuments.Slot> existing = documents.lockBySource(c, merchantId, source.name());
                    if (existing.isPresent()) {
                        KnowledgeDocuments.Slot next = new KnowledgeDocuments.Slot(existing.get().docId(), existing.get().generation() + 1);
                        index.remove(c, merchantId, next.docId());
                        documents.restart(c, merchantId, next, title, source.type(), source.bytes().length);
                        return next;
                    }
                    KnowledgeDocuments.Slot slot = new KnowledgeDocuments.Slot(newDocId(), 1);
                    documents.insert(c, merchantId, slot, source.name(), title, source.type(), source.bytes().length);
                    return slot;
                });
            } catch (Database.StoreException e) {
                // two first uploads of one name raced; the second becomes a replacement
                if (attempt > 0 || !Database.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private void ingest(String merchantId, KnowledgeDocuments.Slot slot, Supplier<Content> reader, String title) {
        try {
            List<ChineseChunker.Draft> drafts = chunker.chunk(title, reader.get());
            List<KnowledgeIndex.EmbeddedChunk> chunks = new ArrayList<>(drafts.size());
            for (int from = 0; from < drafts.size(); from += EMBED_BATCH) {
                List<ChineseChunker.Draft> batch = drafts.subList(from, Math.min(drafts.size(), from + EMBED_BATCH));
                List<Embedding> vectors = model.embedAll(batch.stream().map(d -> TextSegment.from(d.retrievalText())).toList()).content();
                for (int i = 0; i < batch.size(); i++) {
                    ChineseChunker.Draft d = batch.get(i);
                    KnowledgeChunk chunk = new KnowledgeChunk(slot.docId() + "#" + (from + i), slot.docId(), title,
                            d.headingPath(), d.text(), d.retrievalText());
                    chunks.add(new KnowledgeIndex.EmbeddedChunk(chunk, vectors.get(i).vector()));
                }
                if (!documents.heartbeat(merchantId, slot)) {
                    return; // deleted or re-uploaded meanwhile
                }
            }
            boolean ready = db.inTransaction(c -> {
                if (!documents.lockGeneration(c, merchantId, slot.docId()).equals(Optional.of(slot.generation()))) {
                    return false;
                }
                index.replace(c, merchantId, slot.docId(), chunks);
                documents.markReady(c, merchantId, slot.docId(), chunks.size());
                return true;
            });
            if (ready) {
                events.fire(new MerchantEvent(merchantId, MerchantEvent.KNOWLEDGE_READY,
                        Map.of("docId", slot.docId(), "title", title, "chunks", chunks.size())));
            }
        } catch (UnreadableDocumentException e) {
            documents.markFailed(merchantId, slot, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "ingestion of knowledge document %s failed", slot.docId());
            documents.markFailed(merchantId, slot, "ingestion failed unexpectedly; upload the document again");
        }
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String newDocId() {
        return "kd-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
