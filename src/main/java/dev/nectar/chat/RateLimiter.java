package dev.nectar.chat;

/** Per-buyer message budget. */
public interface RateLimiter {

    /** Takes one unit of the key's budget; false when it is spent. */
    boolean tryAcquire(String key);

    /** A token bucket: {@code burst} units at once, refilled at {@code perSecond}. */
    record Budget(int burst, double perSecond) {
        /** How long a spent bucket takes to fill up again, in milliseconds. */
        long refillMillis() {
            return (long) Math.ceil(burst / perSecond * 1000);
        }
    }
}
