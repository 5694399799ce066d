package dev.nectar.handoff;

/** Each merchant's handoff settings; a merchant that never set them gets the defaults. */
public interface HandoffSettingsStore {

    HandoffSettings get(String merchantId);

    void put(String merchantId, HandoffSettings settings);
}
