package dev.nectar.quality;

/** Each merchant's service-center settings; a merchant that never set them gets the defaults. */
public interface ServiceSettingsStore {

    ServiceSettings get(String merchantId);

    void put(String merchantId, ServiceSettings settings);
}
