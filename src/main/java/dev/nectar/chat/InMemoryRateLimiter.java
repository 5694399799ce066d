package dev.nectar.chat;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per buyer on this node: {@value #BURST} messages at once, refilled at {@value #PER_SECOND} per
 * second — generous for a person typing, tight for a script.
 */
@ApplicationScoped
public class InMemoryRateLimiter implements RateLimiter {
    static final int BURST = 20;
    static final double PER_SECOND = 2.0;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens = BURST;
        long last = System.nanoTime();
    }

    @Override
    public boolean tryAcquire(String key) {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket());
        synchronized (b) {
            long now = System.nanoTime();
            b.tokens = Math.min(BURST, b.tokens + (now - b.last) / 1e9 * PER_SECOND);
            b.last = now;
            if (b.tokens < 1) {
                return false;
            }
            b.tokens -= 1;
            return true;
        }
    }
}
