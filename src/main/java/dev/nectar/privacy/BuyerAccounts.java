package dev.nectar.privacy;

import dev.nectar.aftersales.AfterSaleStore;
import dev.nectar.audit.AuditAction;
import dev.nectar.audit.AuditEntry;
import dev.nectar.audit.AuditLog;
import dev.nectar.commerce.OrderStore;
import dev.nectar.conversation.ConversationStore;
import dev.nectar.handoff.HandoffStore;
import dev.nectar.handoff.KnowledgeSuggestionStore;
import dev.nectar.images.ImageRecords;
import dev.nectar.images.ImageStore;
import dev.nectar.merchant.BuyerTokensRevoked;
import dev.nectar.merchant.MerchantStore;
import dev.nectar.platform.ApiException;
import dev.nectar.quality.QualityStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a merchant can do to one buyer's account: stop every token issued so far, or erase the buyer (PIPL's right
 * to deletion). Each store erases its own rows; this class only knows the order, which makes an interrupted erasure
 * safe to repeat: the tokens stop first (and the buyer's sockets close, so nothing new arrives), what hangs off a
 * conversation goes before the conversations that name it, image bytes before the records that name them, and the
 * orders and cases, by which the buyer is found at all, are anonymised last.
 */
@ApplicationScoped
public class BuyerAccounts {
    private static final Logger LOG = Logger.getLogger(BuyerAccounts.class);

    private final MerchantStore merchants;
    private final Event<BuyerTokensRevoked> revoked;
    private final ConversationStore conversations;
    private final HandoffStore handoffs;
    private final KnowledgeSuggestionStore suggestions;
    private final QualityStore quality;
    private final ImageRecords imageRecords;
    private final ImageStore imageBytes;
    private final AfterSaleStore cases;
    private final OrderStore orders;
    private final AuditLog audit;

    public BuyerAccounts(MerchantStore merchants, Event<BuyerTokensRevoked> revoked, ConversationStore conversations,
                         HandoffStore handoffs, KnowledgeSuggestionStore suggestions, QualityStore quality,
                         ImageRecords imageRecords, ImageStore imageBytes, AfterSaleStore cases, OrderStore orders,
                         AuditLog audit) {
        this.merchants = merchants;
        this.revoked = revoked;
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.suggestions = suggestions;
        this.quality = quality;
        this.imageRecords = imageRecords;
        this.imageBytes = imageBytes;
        this.cases = cases;
        this.orders = orders;
        this.audit = audit;
    }

    /** Every token issued to the buyer before now stops working, and the buyer's open sockets on this node close. */
    public void revokeTokens(String merchantId, String buyerId) {
        stopTokens(merchantId, buyerId);
        audit.append(merchantId, AuditEntry.Actor.merchant(merchantId), AuditAction.TOKENS_REVOKED, buyerId, Map.of());
    }

    /**
     * Erases the buyer: conversations with their turns, handoffs, inspections and the knowledge suggestions learned
     * from them; images with their bytes, verdicts and evidence hashes; tokens. Orders and cases pass to a random
     * pseudonym without personal fields, so the shop's books keep their ids, items and amounts but nothing leads back
     * to the buyer. 404 when the merchant holds nothing of this buyer (also after an erasure). The audit entry
     * counts what went.
     */
    public void erase(String merchantId, String buyerId) {
        List<String> conversationIds = conversations.idsOf(merchantId, buyerId);
        List<String> imageIds = imageRecords.idsOf(merchantId, buyerId);
        if (conversationIds.isEmpty() && imageIds.isEmpty() && orders.byBuyer(merchantId, buyerId).isEmpty()
                && cases.list(merchantId, null, buyerId, null).isEmpty()) {
            throw ApiException.notFound("buyer");
        }
        stopTokens(merchantId, buyerId);
        Map<String, Object> erased = new LinkedHashMap<>();
        erased.put("knowledgeSuggestions", suggestions.eraseConversations(merchantId, conversationIds));
        erased.put("qualityRecords", quality.eraseConversations(merchantId, conversationIds));
        erased.put("handoffs", handoffs.eraseConversations(merchantId, conversationIds));
        erased.put("conversations", conversations.erase(merchantId, buyerId));
        imageIds.forEach(id -> imageBytes.delete(merchantId, buyerId, id));
        erased.put("images", imageRecords.erase(merchantId, buyerId));
        String pseudonym = "erased-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        erased.put("casesAnonymised", cases.anonymise(merchantId, buyerId, pseudonym));
        erased.put("ordersAnonymised", orders.anonymise(merchantId, buyerId, pseudonym));
        audit.append(merchantId, AuditEntry.Actor.merchant(merchantId), AuditAction.BUYER_ERASED, buyerId, erased);
        LOG.infof("merchant %s erased a buyer: %s", merchantId, erased);
    }

    private void stopTokens(String merchantId, String buyerId) {
        merchants.revokeBuyerTokens(merchantId, buyerId, Instant.now());
        revoked.fire(new BuyerTokensRevoked(merchantId, buyerId));
    }
}
