package dev.nectar.handoff;

import dev.nectar.merchant.Authenticator;
import dev.nectar.platform.ApiException;
import dev.nectar.platform.Check;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.DateTimeException;
import java.time.ZoneId;

@Path("/api/merchants/{m}/handoff-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HandoffSettingsResource {
    private final Authenticator auth;
    private final HandoffSettingsStore settings;

    public HandoffSettingsResource(Authenticator auth, HandoffSettingsStore settings) {
        this.auth = auth;
        this.settings = settings;
    }

    @GET
    public HandoffSettings get(@HeaderParam("Authorization") String authorization, @PathParam("m") String m) {
        auth.requireMerchant(authorization, m);
        return settings.get(m);
    }

    /** Fields left out take their defaults. */
    @PUT
    public HandoffSettings put(@HeaderParam("Authorization") String authorization, @PathParam("m") String m, HandoffSettings body) {
        auth.requireMerchant(authorization, m);
        HandoffSettings s = Check.present(body, "body").withDefaults();
        try {
            ZoneId.of(s.timezone());
        } catch (DateTimeException e) {
            throw ApiException.invalid("timezone", "timezone must be an IANA zone id such as Asia/Shanghai");
        }
        if (ServiceHours.parse(s.serviceHours(), s.timezone()).isEmpty()) {
            throw ApiException.invalid("serviceHours", "serviceHours must look like 09:00-23:00 (00:00-24:00 for always)");
        }
        settings.put(m, s);
        return settings.get(m);
    }
}
