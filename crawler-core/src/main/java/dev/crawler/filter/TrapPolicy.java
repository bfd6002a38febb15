package dev.crawler.filter;

/**
 * Limits that keep a crawl out of traps: pages that generate endless distinct URLs (calendars,
 * session ids, relative links that nest a path ever deeper) and pages with floods of links. A
 * limit of -1 means none.
 *
 * @param maxUrlLength longest normalized URL followed, in characters
 * @param maxPathDepth most path segments ({@code /a/b/c} has 3)
 * @param maxRepeatedSegments most times one path segment may occur in a path ({@code /a/a/a/a}
 *     has {@code a} four times)
 * @param maxQueryVariants most distinct queries followed for one path of one host (an endless
 *     calendar, a session id in every link)
 * @param maxPagesPerHost most URLs of one host queued over the crawl
 * @param maxLinksPerPage most links taken from one page; the rest are dropped
 */
public record TrapPolicy(int maxUrlLength, int maxPathDepth, int maxRepeatedSegments, int maxQueryVariants,
        long maxPagesPerHost, int maxLinksPerPage) {

    public TrapPolicy {
        requireLimit(maxUrlLength, "maxUrlLength");
        requireLimit(maxPathDepth, "maxPathDepth");
        requireLimit(maxRepeatedSegments, "maxRepeatedSegments");
        requireLimit(maxQueryVariants, "maxQueryVariants");
        requireLimit(maxPagesPerHost, "maxPagesPerHost");
        requireLimit(maxLinksPerPage, "maxLinksPerPage");
    }

    private static void requireLimit(long value, String name) {
        if (value < -1 || value == 0) {
            throw new IllegalArgumentException(name + " must be >= 1 (or -1 for no limit), was " + value);
        }
    }

    /**
     * URLs up to 2048 characters, 32 path segments, a segment at most 3 times, 1000 queries per
     * path, no cap per host, 10,000 links per page.
     */
    public static TrapPolicy defaults() {
        return new TrapPolicy(2048, 32, 3, 1000, -1, 10_000);
    }

    /** No limits at all. */
    public static TrapPolicy none() {
        return new TrapPolicy(-1, -1, -1, -1, -1, -1);
    }
}
