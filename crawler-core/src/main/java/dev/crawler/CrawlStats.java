package dev.crawler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The live counters of a crawl, for progress reports from any thread: {@link #snapshot()} gives
 * a consistent-enough view for a progress line.
 */
public final class CrawlStats {

    private final Supplier<Snapshot> source;

    CrawlStats(Supplier<Snapshot> source) {
        this.source = source;
    }

    /** The counters now. */
    public Snapshot snapshot() {
        return source.get();
    }

    /**
     * Counters at one moment.
     *
     * @param elapsedNanos time since the crawl started
     * @param pages responses received for page URLs (any status)
     * @param bytes decoded body bytes received
     * @param errors fetches that failed without a response (DNS, refused, timeout, reset...)
     * @param httpErrors responses with status 4xx or 5xx
     * @param redirects responses with status 3xx
     * @param robotsDenied URLs not fetched because robots.txt disallows them
     * @param robotsFetches robots.txt requests made
     * @param outOfScope links dropped by the scope rule
     * @param filtered links dropped by include/exclude patterns
     * @param tooDeep links dropped by the depth limit (the links of a page at the limit are not
     *     read, unless WARC records them, so they are not counted; nor is a link to a URL seen
     *     already, which is dropped as a duplicate before it is judged)
     * @param exported pages written to the output directory
     * @param queued URLs waiting in the frontier
     * @param inFlight requests under way
     * @param seen distinct URLs seen
     * @param retries attempts made again after a retryable failure (5xx, 429, reset, timeout)
     * @param hostsGivenUp hosts whose remaining URLs were given up after too many failures in a row
     * @param traps URLs refused by each trap rule, by index code ({@code trap_url_too_long},
     *     {@code trap_path_too_deep}, {@code trap_repeated_segments}, {@code trap_query_variants},
     *     {@code host_page_cap})
     * @param linksDropped links past the per-page cap, not followed
     * @param sitemaps sitemaps fetched ({@code --sitemaps})
     * @param sitemapUrls URLs the sitemaps listed
     * @param stalls times the liveness watchdog found the crawl stalled and woke it (a bug if not 0)
     * @param hostsActive hosts with at least one request under way (a page, a robots.txt, a redirect hop)
     * @param hostsBackingOff hosts with URLs queued that may not start one now because they back off
     *     (a Retry-After, a retry's back-off, a delay widened after 429 or 503); waiting for the
     *     next slot of the ordinary delay is not backing off
     */
    public record Snapshot(long elapsedNanos, long pages, long bytes, long errors, long httpErrors,
            long redirects, long robotsDenied, long robotsFetches, long outOfScope, long filtered,
            long tooDeep, long exported, long queued, long inFlight, long seen, long retries,
            long hostsGivenUp, Map<String, Long> traps, long linksDropped, long sitemaps, long sitemapUrls,
            long stalls, long hostsActive, long hostsBackingOff) {

        public Snapshot {
            traps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(traps));
        }

        /** Counters without the hosts' state (none active, none backing off). */
        public Snapshot(long elapsedNanos, long pages, long bytes, long errors, long httpErrors,
                long redirects, long robotsDenied, long robotsFetches, long outOfScope, long filtered,
                long tooDeep, long exported, long queued, long inFlight, long seen, long retries,
                long hostsGivenUp, Map<String, Long> traps, long linksDropped, long sitemaps, long sitemapUrls,
                long stalls) {
            this(elapsedNanos, pages, bytes, errors, httpErrors, redirects, robotsDenied, robotsFetches, outOfScope,
                    filtered, tooDeep, exported, queued, inFlight, seen, retries, hostsGivenUp, traps, linksDropped,
                    sitemaps, sitemapUrls, stalls, 0, 0);
        }

        /** Counters of a crawl the watchdog never had to wake. */
        public Snapshot(long elapsedNanos, long pages, long bytes, long errors, long httpErrors,
                long redirects, long robotsDenied, long robotsFetches, long outOfScope, long filtered,
                long tooDeep, long exported, long queued, long inFlight, long seen, long retries,
                long hostsGivenUp, Map<String, Long> traps, long linksDropped, long sitemaps, long sitemapUrls) {
            this(elapsedNanos, pages, bytes, errors, httpErrors, redirects, robotsDenied, robotsFetches, outOfScope,
                    filtered, tooDeep, exported, queued, inFlight, seen, retries, hostsGivenUp, traps, linksDropped,
                    sitemaps, sitemapUrls, 0);
        }

        /** Counters of a crawl that met no trap, retry or sitemap. */
        public Snapshot(long elapsedNanos, long pages, long bytes, long errors, long httpErrors,
                long redirects, long robotsDenied, long robotsFetches, long outOfScope, long filtered,
                long tooDeep, long exported, long queued, long inFlight, long seen) {
            this(elapsedNanos, pages, bytes, errors, httpErrors, redirects, robotsDenied, robotsFetches, outOfScope,
                    filtered, tooDeep, exported, queued, inFlight, seen, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0);
        }

        /** URLs refused by trap rules, all kinds together. */
        public long trapsRefused() {
            return traps.values().stream().mapToLong(Long::longValue).sum();
        }

        public double elapsedSeconds() {
            return elapsedNanos / 1e9;
        }

        public double pagesPerSecond() {
            double s = elapsedSeconds();
            return s <= 0 ? 0 : pages / s;
        }
    }
}
