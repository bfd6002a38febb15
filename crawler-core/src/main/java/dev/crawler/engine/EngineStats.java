package dev.crawler.engine;

import dev.crawler.CrawlStats.Snapshot;
import dev.crawler.filter.TrapGuard;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters of a crawl, updated by the engine and read by progress reporters from any
 * thread through {@link CrawlStats}. {@link #snapshot()} gives a consistent-enough view for a
 * progress line.
 */
final class EngineStats {

    private final long startNanos = System.nanoTime();
    final LongAdder pages = new LongAdder();
    /** Times the liveness watchdog found the crawl stalled (should stay 0). */
    final LongAdder stalls = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder httpErrors = new LongAdder();
    final LongAdder redirects = new LongAdder();
    final LongAdder robotsDenied = new LongAdder();
    final LongAdder robotsFetches = new LongAdder();
    final LongAdder outOfScope = new LongAdder();
    final LongAdder filtered = new LongAdder();
    final LongAdder tooDeep = new LongAdder();
    final LongAdder exported = new LongAdder();
    final AtomicLong queued = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong seen = new AtomicLong();
    final LongAdder retries = new LongAdder();
    final LongAdder hostsGivenUp = new LongAdder();
    /** Hosts with a request under way, as the scheduler last counted them (set on the coordinator's thread). */
    final AtomicLong hostsActive = new AtomicLong();
    /** Hosts backing off, as the scheduler last counted them (set on the coordinator's thread). */
    final AtomicLong hostsBackingOff = new AtomicLong();
    final LongAdder linksDropped = new LongAdder();
    final LongAdder sitemaps = new LongAdder();
    final LongAdder sitemapUrls = new LongAdder();
    private final Map<TrapGuard.Kind, LongAdder> traps = new EnumMap<>(TrapGuard.Kind.class);

    {
        for (TrapGuard.Kind k : TrapGuard.Kind.values()) {
            traps.put(k, new LongAdder());
        }
    }

    /** Counts a URL refused as a trap of kind {@code kind}. */
    void trap(TrapGuard.Kind kind) {
        traps.get(kind).increment();
    }

    /** The counters now. */
    public Snapshot snapshot() {
        return new Snapshot(System.nanoTime() - startNanos, pages.sum(), bytes.sum(), errors.sum(),
                httpErrors.sum(), redirects.sum(), robotsDenied.sum(), robotsFetches.sum(), outOfScope.sum(),
                filtered.sum(), tooDeep.sum(), exported.sum(), queued.get(), inFlight.get(), seen.get(),
                retries.sum(), hostsGivenUp.sum(), trapCounts(), linksDropped.sum(), sitemaps.sum(), sitemapUrls.sum(),
                stalls.sum(), hostsActive.get(), hostsBackingOff.get());
    }

    private Map<String, Long> trapCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        traps.forEach((k, v) -> out.put(k.code(), v.sum()));
        return out;
    }
}
