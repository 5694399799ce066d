package dev.nectar.handoff;

/**
 * A merchant's handoff settings: when humans are on duty. Outside those hours the bot tells a buyer who asks for a
 * human when they are back, and the ticket waits in the queue.
 *
 * @param serviceHours daily range, {@code HH:mm-HH:mm} ({@code 00:00-24:00}: always)
 * @param timezone     IANA zone id of the shop
 */
public record HandoffSettings(String serviceHours, String timezone) {

    public static HandoffSettings defaults() {
        return new HandoffSettings("00:00-24:00", "Asia/Shanghai");
    }

    public HandoffSettings withDefaults() {
        HandoffSettings d = defaults();
        return new HandoffSettings(serviceHours != null ? serviceHours.strip() : d.serviceHours,
                timezone != null ? timezone.strip() : d.timezone);
    }

    /** The parsed hours; settings are validated when stored, so this never fails for stored ones. */
    public ServiceHours hours() {
        return ServiceHours.parse(serviceHours, timezone).orElseThrow(() -> new IllegalStateException("invalid service hours"));
    }
}
