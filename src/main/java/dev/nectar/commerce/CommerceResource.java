package dev.nectar.commerce;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.NectarConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Catalog and order sync from a merchant's back office. */
@Path("/api/merchants/{m}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CommerceResource {
    private final Authenticator auth;
    private final CatalogStore catalog;
    private final OrderStore orders;
    private final NectarConfig config;

    public CommerceResource(Authenticator auth, CatalogStore catalog, OrderStore orders, NectarConfig config) {
        this.auth = auth;
        this.catalog = catalog;
        this.orders = orders;
        this.config = config;
    }

    @PUT
    @Path("/catalog")
    public Map<String, Integer> putCatalog(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                           List<Product> body) {
        auth.requireMerchant(authorization, m);
        List<Product> products = CommerceValidation.products(body, config.limits().maxUpsertItems());
        catalog.upsert(m, products);
        return Map.of("upserted", products.size());
    }

    @GET
    @Path("/catalog")
    public List<Product> listCatalog(@HeaderParam("Authorization") String authorization, @PathParam("m") String m) {
        auth.requireMerchant(authorization, m);
        return catalog.all(m);
    }

    @GET
    @Path("/catalog/{sku}")
    public Product getProduct(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                              @PathParam("sku") String sku) {
        auth.requireMerchant(authorization, m);
        return catalog.find(m, sku).orElseThrow(() -> ApiException.notFound("product " + sku));
    }

    @PUT
    @Path("/orders")
    public Map<String, Integer> putOrders(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                                          List<Order> body) {
        auth.requireMerchant(authorization, m);
        List<Order> checked = CommerceValidation.orders(body, config.limits().maxUpsertItems());
        orders.upsert(m, checked);
        return Map.of("upserted", checked.size());
    }

    @GET
    @Path("/orders/{orderId}")
    public Order getOrder(@HeaderParam("Authorization") String authorization, @PathParam("m") String m,
                          @PathParam("orderId") String orderId) {
        auth.requireMerchant(authorization, m);
        return orders.find(m, orderId).orElseThrow(() -> ApiException.notFound("order " + orderId));
    }
}
