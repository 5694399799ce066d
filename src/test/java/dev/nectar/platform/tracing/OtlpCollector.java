package dev.nectar.platform.tracing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process OTLP/HTTP collector: it takes what the application's exporter posts to {@code /v1/traces} (protobuf),
 * keeps the spans, and points the application at itself with the SDK switched on.
 */
public class OtlpCollector implements QuarkusTestResourceLifecycleManager {
    static final List<Span> SPANS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes());
                request.getResourceSpansList().forEach(r -> r.getScopeSpansList().forEach(s -> SPANS.addAll(s.getSpansList())));
                byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        server.start();
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
