package dev.nectar.chat;

import dev.nectar.merchant.BuyerIdentity;
import dev.nectar.merchant.BuyerTokensRevoked;
import dev.nectar.platform.Json;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Closes the chat sockets a buyer holds open on this node once their tokens are revoked (1008, like a refused
 * token). A socket on another node stays open until that buyer reconnects, when the revoked token is refused.
 */
@ApplicationScoped
public class BuyerSockets {
    private final OpenConnections connections;

    public BuyerSockets(OpenConnections connections) {
        this.connections = connections;
    }

    void onRevoked(@Observes BuyerTokensRevoked revoked) {
        String buyer = Json.write(new BuyerIdentity(revoked.merchantId(), revoked.buyerId()));
        connections.stream()
                .filter(c -> buyer.equals(c.userData().get(UserData.TypedKey.forString(ChatSocket.BUYER))))
                .forEach(c -> c.close(new CloseReason(1008, "token revoked")).subscribe().with(ok -> { }, e -> { }));
    }
}
