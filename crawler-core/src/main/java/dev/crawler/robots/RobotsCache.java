package dev.crawler.robots;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * robots.txt rules per host ({@code scheme://host:port}), shared by all of a host's requests.
 * Parsed rules expire after {@code ttl} (24 h by default); rules standing in for an unreachable
 * robots.txt expire sooner, so the host is tried again.
 */
public final class RobotsCache {

    private final Cache<String, RobotsRules> cache;
    private final RobotsExpiry expiry;

    public RobotsCache(Duration ttl, Duration unreachableTtl, long maxHosts, Ticker ticker) {
        this.expiry = new RobotsExpiry(ttl, unreachableTtl);
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxHosts)
                .ticker(ticker)
                .expireAfter(expiry)
                .build();
    }

    public static RobotsCache withDefaults() {
        return withDefaults(Ticker.systemTicker());
    }

    /** The default cache (24 h, 5 min for unreachable rules), its time read from {@code ticker} (nanoseconds). */
    public static RobotsCache withDefaults(Ticker ticker) {
        return new RobotsCache(Duration.ofHours(24), Duration.ofMinutes(5), 1_000_000, ticker);
    }

    public Optional<RobotsRules> get(String hostKey) {
        return Optional.ofNullable(cache.getIfPresent(hostKey));
    }

    public void put(String hostKey, RobotsRules rules) {
        cache.put(hostKey, rules);
    }

    /**
     * Keeps {@code rules} of {@code hostKey}, obtained {@code age} ago (by another process), for
     * what is left of their time; rules older than that are not kept.
     *
     * @return whether they were kept
     */
    public boolean putAged(String hostKey, RobotsRules rules, Duration age) {
        Duration left = expiry.lifetime(rules).minus(age.isNegative() ? Duration.ZERO : age);
        if (!left.isPositive()) {
            return false;
        }
        cache.policy().expireVariably().orElseThrow().put(hostKey, rules, left);
        return true;
    }
}
