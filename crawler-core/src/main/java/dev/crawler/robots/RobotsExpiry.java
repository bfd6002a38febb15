package dev.crawler.robots;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;

/** Parsed and missing robots.txt live {@code ttl}; unreachable ones live {@code unreachableTtl}. */
final class RobotsExpiry implements Expiry<String, RobotsRules> {

    private final long ttlNanos;
    private final long unreachableNanos;

    RobotsExpiry(Duration ttl, Duration unreachableTtl) {
        this.ttlNanos = ttl.toNanos();
        this.unreachableNanos = unreachableTtl.toNanos();
    }

    @Override
    public long expireAfterCreate(String key, RobotsRules value, long currentTime) {
        return value.source() == RobotsRules.Source.UNREACHABLE ? unreachableNanos : ttlNanos;
    }

    /** How long rules like {@code value} are trusted from the time they were obtained. */
    Duration lifetime(RobotsRules value) {
        return Duration.ofNanos(expireAfterCreate(null, value, 0));
    }

    @Override
    public long expireAfterUpdate(String key, RobotsRules value, long currentTime, long currentDuration) {
        return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(String key, RobotsRules value, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
