package dev.nectar.quality;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.Check;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/merchants/{m}/service-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ServiceSettingsResource {
    private final Authenticator auth;
    private final ServiceSettingsStore settings;

    public ServiceSettingsResource(Authenticator auth, ServiceSettingsStore settings) {
        this.auth = auth;
        this.settings = settings;
    }

    @GET
    public ServiceSettings get(@HeaderParam("Authorization") String authorization, @PathParam("m") String m) {
        auth.requireMerchant(authorization, m);
        return settings.get(m);
    }

    /** Fields left out take their defaults. */
    @PUT
    public ServiceSettings put(@HeaderParam("Authorization") String authorization, @PathParam("m") String m, ServiceSettings body) {
        auth.requireMerchant(authorization, m);
        ServiceSettings s = Check.present(body, "body").withDefaults();
        Check.range(s.slaSeconds(), "slaSeconds", 1, ServiceSettings.MAX_SLA_SECONDS);
        settings.put(m, s);
        return settings.get(m);
    }
}
