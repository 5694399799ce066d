package dev.nectar.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nectar.platform.Json;
import dev.nectar.platform.NectarConfig;
import dev.nectar.platform.Secrets;
import dev.nectar.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Signed, expiring buyer tokens: {@code nb1.<payload>.<hmac>}. The secret is configured or generated once and kept
 * in the database, so tokens survive restarts and are valid on every node.
 */
@ApplicationScoped
public class BuyerTokens {
    private static final String PREFIX = "nb1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    public BuyerTokens(NectarConfig config, Settings settings) {
        String s = config.tokenSecret().filter(v -> !v.isBlank())
                .orElseGet(() -> settings.getOrCreate("buyer-token-secret", () -> Secrets.newToken("")));
        this.secret = s.getBytes(StandardCharsets.UTF_8);
        this.clock = Clock.systemUTC();
    }

    public String issue(String merchantId, String buyerId, Instant expiresAt) {
        String payload = B64.encodeToString(Json.write(Map.of("m", merchantId, "b", buyerId,
                "exp", expiresAt.getEpochSecond(), "iat", clock.millis())).getBytes(StandardCharsets.UTF_8));
        return PREFIX + payload + "." + B64.encodeToString(sign(payload));
    }

    /** What a valid token says: who, and when it was issued (tokens from before revocations had no time: the epoch). */
    public record Claims(BuyerIdentity buyer, Instant issuedAt) {
    }

    /** The identity of a well-formed, correctly signed and unexpired token. */
    public Optional<BuyerIdentity> verify(String token) {
        return read(token).map(Claims::buyer);
    }

    /** The claims of a well-formed, correctly signed and unexpired token. */
    public Optional<Claims> read(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            if (!MessageDigest.isEqual(sign(parts[0]), B64D.decode(parts[1]))) {
                return Optional.empty();
            }
            JsonNode claims = Json.MAPPER.readTree(B64D.decode(parts[0]));
            if (claims.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Claims(new BuyerIdentity(claims.path("m").asText(), claims.path("b").asText()),
                    Instant.ofEpochMilli(claims.path("iat").asLong(0))));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
