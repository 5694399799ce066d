package dev.nectar.webhook;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import dev.nectar.platform.MerchantEvent;
import dev.nectar.platform.NectarConfig;
import dev.nectar.platform.Secrets;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A merchant's webhook endpoints, their delivery log and the manual re-send. */
@Path("/api/merchants/{m}/webhooks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {
    private static final int MAX_WEBHOOKS = 20;
    private static final int LOG_SIZE = 200;

    private final Authenticator auth;
    private final WebhookStore store;
    private final RetrySchedule schedule;
    private final Set<String> allowedHosts;

    public WebhookResource(Authenticator auth, WebhookStore store, NectarConfig config) {
        this.auth = auth;
        this.store = store;
        this.schedule = RetrySchedule.of(config.webhooks());
        this.allowedHosts = config.webhooks().allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public record RegisterWebhook(String url, List<String> events) {
    }

    /** The secret is shown once: it signs every delivery to this endpoint. */
    public record RegisteredWebhook(String webhookId, String secret) {
    }

    @POST
    @APIResponse(responseCode = "201", description = "the endpoint and its signing secret", content = @Content(schema = @Schema(implementation = RegisteredWebhook.class)))
    public Response register(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                             RegisterWebhook body) {
        auth.requireMerchant(authorization, m);
        Check.present(body, "body");
        Webhook webhook = new Webhook("wh_" + UUID.randomUUID().toString().replace("-", ""), m, target(body.url()),
                events(body.events()), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (store.list(m).size() >= MAX_WEBHOOKS) {
            throw ApiException.conflict("TOO_MANY_WEBHOOKS", "a merchant may register at most " + MAX_WEBHOOKS + " webhooks");
        }
        String secret = Secrets.newToken("whsec_");
        store.create(webhook, secret);
        return Response.status(201).entity(new RegisteredWebhook(webhook.webhookId(), secret)).build();
    }

    @GET
    public List<Webhook> list(@HeaderParam("Authorization") String authorization, @PathParam("m") String m) {
        auth.requireMerchant(authorization, m);
        return store.list(m);
    }

    @GET
    @Path("/{webhookId}")
    public Webhook get(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                       @PathParam("webhookId") String webhookId) {
        auth.requireMerchant(authorization, m);
        return store.find(m, webhookId).orElseThrow(() -> ApiException.notFound("webhook " + webhookId));
    }

    @DELETE
    @Path("/{webhookId}")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                           @PathParam("webhookId") String webhookId) {
        auth.requireMerchant(authorization, m);
        if (!store.delete(m, webhookId)) {
            throw ApiException.notFound("webhook " + webhookId);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{webhookId}/deliveries")
    public List<Delivery> deliveries(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                     @PathParam("webhookId") String webhookId) {
        get(authorization, m, webhookId);
        return store.deliveries(m, webhookId, LOG_SIZE);
    }

    /** Sends a delivery again, whatever its status, with a fresh 24 hours of retries. */
    @POST
    @Path("/{webhookId}/deliveries/{deliveryId}/resend")
    @APIResponse(responseCode = "202", description = "the delivery, queued again", content = @Content(schema = @Schema(implementation = Delivery.class)))
    public Response resend(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                           @PathParam("webhookId") String webhookId, @PathParam("deliveryId") String deliveryId) {
        auth.requireMerchant(authorization, m);
        Instant now = Instant.now();
        Delivery d = store.resend(m, webhookId, deliveryId, now, schedule.deadline(now))
                .orElseThrow(() -> ApiException.notFound("delivery " + deliveryId));
        return Response.status(202).entity(d).build();
    }

    /** An http(s) URL on an allowed host, so a merchant cannot point the server at the network it runs in. */
    private String target(String url) {
        Check.text(url, "url", 2048);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw ApiException.invalid("url", "url must be an http or https URL with a host and no credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (!allowedHosts.contains(host)) {
            throw ApiException.invalid("url", "host " + host + " is not among the hosts webhooks may call (NECTAR_WEBHOOKS_ALLOWED_HOSTS)");
        }
        return url;
    }

    private static List<String> events(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw ApiException.invalid("events", "events must name at least one event");
        }
        Check.size(events, "events", MerchantEvent.TYPES.size());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String e = events.get(i);
            if (!MerchantEvent.TYPES.contains(e)) {
                throw ApiException.invalid("events[" + i + "]", "events[" + i + "] must be one of " + MerchantEvent.TYPES);
            }
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }
}
