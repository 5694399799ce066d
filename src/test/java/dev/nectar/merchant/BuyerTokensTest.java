package dev.nectar.merchant;

import dev.nectar.TestConfigs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens are verified by signature and expiry alone, so every kind of forgery must fail here. */
class BuyerTokensTest {
    private final BuyerTokens tokens = withSecret("secret-of-this-node");
    private final Instant inAnHour = Instant.now().plusSeconds(3600);

    @Test
    void anIssuedTokenNamesItsMerchantAndBuyer() {
        String token = tokens.issue("tea-house", "buyer-7", inAnHour);

        assertThat(tokens.verify(token)).contains(new BuyerIdentity("tea-house", "buyer-7"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue("tea-house", "buyer-7", Instant.now().minusSeconds(1));

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String forged = withSecret("a-guessed-secret").issue("tea-house", "buyer-7", inAnHour);

        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void aTokenWhoseClaimsWereRewrittenIsRefused() {
        String token = tokens.issue("tea-house", "buyer-7", inAnHour);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherBuyer = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("buyer-7", "buyer-8").getBytes(StandardCharsets.UTF_8));

        assertThat(claims).contains("buyer-7");
        assertThat(tokens.verify(parts[0] + "." + otherBuyer + "." + parts[2])).isEmpty();
    }

    @Test
    void aTokenWithAnAlteredSignatureIsRefused() {
        String token = tokens.issue("tea-house", "buyer-7", inAnHour);
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThat(tokens.verify(altered)).isEmpty();
    }

    @Test
    void malformedTokensAreRefused() {
        String valid = tokens.issue("tea-house", "buyer-7", inAnHour);

        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("nb1.")).isEmpty();
        assertThat(tokens.verify(valid.substring(4))).isEmpty();
        assertThat(tokens.verify(valid + ".extra")).isEmpty();
        assertThat(tokens.verify("nb1.%%%.###")).isEmpty();
        assertThat(tokens.verify("Bearer " + valid)).isEmpty();
    }

    private static BuyerTokens withSecret(String secret) {
        // a configured secret is used as is; the settings store is only asked when none is configured
        return new BuyerTokens(TestConfigs.nectar(Map.of("token-secret", secret)), null);
    }
}
