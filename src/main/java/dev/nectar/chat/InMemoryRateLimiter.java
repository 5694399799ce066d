package dev.nectar.chat;

import java.util.concurrent.ConcurrentHashMap;

/** Token buckets per buyer on this node. */
public final class InMemoryRateLimiter implements RateLimiter {
    /** Beyond this many buckets the table starts over rather than grow without bound under a flood of buyer ids. */
    private static final int MAX_BUCKETS = 100_000;
    private final Budget budget;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(Budget budget) {
        this.budget = budget;
    }

    private static final class Bucket {
        double tokens;
        long last = System.nanoTime();

        Bucket(int burst) {
            tokens = burst;
        }
    }

    @Override
    public boolean tryAcquire(String key) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(budget.burst()));
        synchronized (b) {
            long now = System.nanoTime();
            b.tokens = Math.min(budget.burst(), b.tokens + (now - b.last) / 1e9 * budget.perSecond());
            b.last = now;
            if (b.tokens < 1) {
                return false;
            }
            b.tokens -= 1;
            return true;
        }
    }
}
