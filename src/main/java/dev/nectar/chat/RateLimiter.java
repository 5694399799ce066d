package dev.nectar.chat;

/** Per-buyer message budget. */
public interface RateLimiter {

    /** Takes one unit of the key's budget; false when it is spent. */
    boolean tryAcquire(String key);
}
