package dev.nectar.images;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An optional external AI-image detector (a hosted classifier), off while {@code nectar.images.detector.url} is
 * absent. Protocol: {@code POST <url>} with the raw image bytes and its media type; the answer is
 * {@code {"score":0..1,"label":"..."}}, the probability that the image is AI-generated. A slow or failing detector
 * never blocks verification: each attempt is bounded, one retry follows, the circuit opens after repeated failures,
 * and the fallback reports that the detector was not consulted.
 */
@ApplicationScoped
public class HttpAiDetector {
    private static final Logger LOG = Logger.getLogger(HttpAiDetector.class);

    private final ImagesConfig.Detector config;
    private final HttpClient http;

    public HttpAiDetector(ImagesConfig config) {
        this.config = config.detector();
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    public boolean enabled() {
        return config.url().filter(u -> !u.isBlank()).isPresent();
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "notConsulted")
    public Signal examine(byte[] bytes, ImageFormat format) {
        try {
            return ask(bytes, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the @Timeout interrupted the call
            throw new IllegalStateException("detector call interrupted", e);
        }
    }

    private Signal ask(byte[] bytes, ImageFormat format) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url().orElseThrow()))
                .timeout(config.timeout())
                .header("Content-Type", format.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        config.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("detector answered HTTP " + response.statusCode());
        }
        JsonNode body = Json.MAPPER.readTree(response.body());
        JsonNode score = body.path("score");
        if (!score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1) {
            throw new IOException("detector answered without a score in 0..1");
        }
        double p = score.asDouble();
        String label = body.path("label").asText("");
        String detail = String.format(Locale.ROOT, "external detector: %.2f probability of AI generation%s", p,
                label.isBlank() ? "" : " (" + label.substring(0, Math.min(60, label.length())) + ")");
        return p >= config.strongScore() ? Signal.strong("external_detector", detail, p)
                : Signal.weak("external_detector", detail, p);
    }

    Signal notConsulted(byte[] bytes, ImageFormat format) {
        LOG.warn("external image detector unavailable or circuit open; verifying without it");
        return Signal.weak("external_detector", "the external detector was unavailable and not consulted", 0);
    }
}
