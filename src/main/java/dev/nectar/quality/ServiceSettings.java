package dev.nectar.quality;

/**
 * A merchant's service-center settings.
 *
 * @param slaSeconds how soon a human agent should reply to a buyer; later replies are {@code SLOW_RESPONSE}
 */
public record ServiceSettings(Integer slaSeconds) {
    public static final int DEFAULT_SLA_SECONDS = 60;
    public static final int MAX_SLA_SECONDS = 3600;

    public static ServiceSettings defaults() {
        return new ServiceSettings(DEFAULT_SLA_SECONDS);
    }

    public ServiceSettings withDefaults() {
        return new ServiceSettings(slaSeconds != null ? slaSeconds : DEFAULT_SLA_SECONDS);
    }
}
