package dev.crawler.filter;

import dev.crawler.url.Fingerprint;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a {@link TrapPolicy} to the URLs a crawl finds. Length, depth and repeated segments are
 * judged on the URL alone; the query-variant and per-host caps count the URLs admitted so far, so
 * the caller reports each URL it really queued with {@link #admitted} (a duplicate is neither
 * counted nor refused). Not thread-safe: the crawl's coordinator owns it. Memory: one counter per
 * host, and one per path that had a query.
 */
public final class TrapGuard {

    /** Why a URL was refused; {@link #code()} starts its index error. */
    public enum Kind {
        URL_TOO_LONG("trap_url_too_long"),
        PATH_TOO_DEEP("trap_path_too_deep"),
        REPEATED_SEGMENTS("trap_repeated_segments"),
        QUERY_VARIANTS("trap_query_variants"),
        HOST_PAGE_CAP("host_page_cap");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A refused URL: the kind of trap and a sentence for the index and the log. */
    public record Refusal(Kind kind, String detail) {
        /** {@code code: detail}, as written to {@code index.jsonl}. */
        public String indexError() {
            return kind.code() + ": " + detail;
        }
    }

    private final TrapPolicy policy;
    private final Map<Long, Integer> queriesPerPath = new HashMap<>();
    /** The paths' keys in {@link #queriesPerPath}: kept only in this process, so under a key of its own. */
    private final Fingerprint pathFingerprint = Fingerprint.ephemeral();
    private final Map<String, Long> urlsPerHost = new HashMap<>();

    public TrapGuard(TrapPolicy policy) {
        this.policy = policy;
    }

    /** Why {@code url} (normalized, of host {@code hostKey}) must not be queued, if it must not. */
    public Optional<Refusal> check(String url, String hostKey) {
        if (policy.maxUrlLength() > 0 && url.length() > policy.maxUrlLength()) {
            return refuse(Kind.URL_TOO_LONG, "URL of " + url.length() + " characters (at most "
                    + policy.maxUrlLength() + ")");
        }
        String path = path(url);
        Optional<Refusal> shape = checkPath(path);
        if (shape.isPresent()) {
            return shape;
        }
        if (policy.maxPagesPerHost() > 0 && urlsPerHost.getOrDefault(hostKey, 0L) >= policy.maxPagesPerHost()) {
            return refuse(Kind.HOST_PAGE_CAP, hostKey + " already has " + policy.maxPagesPerHost() + " URLs (at most "
                    + policy.maxPagesPerHost() + " per host)");
        }
        int q = url.indexOf('?');
        if (q >= 0 && policy.maxQueryVariants() > 0
                && queriesPerPath.getOrDefault(pathFingerprint.of(url.substring(0, q)), 0) >= policy.maxQueryVariants()) {
            return refuse(Kind.QUERY_VARIANTS, "path " + path + " already has " + policy.maxQueryVariants()
                    + " distinct queries (at most " + policy.maxQueryVariants() + ")");
        }
        return Optional.empty();
    }

    /** Paths of at most this many slashes are checked without building a map of segments. */
    private static final int SHORT_PATH_SLASHES = 16;

    private Optional<Refusal> checkPath(String path) {
        int slashes = 0;
        for (int i = 0; i < path.length() && slashes <= SHORT_PATH_SLASHES; i++) {
            if (path.charAt(i) == '/') {
                slashes++;
            }
        }
        return slashes <= SHORT_PATH_SLASHES ? checkShortPath(path) : checkLongPath(path);
    }

    /**
     * {@link #checkLongPath} for a path of few segments, the usual case, by comparing each segment
     * with the ones before it in place: the same verdicts, without a split or a map per link.
     */
    Optional<Refusal> checkShortPath(String path) {
        int[] starts = new int[SHORT_PATH_SLASHES + 1];
        int[] ends = new int[SHORT_PATH_SLASHES + 1];
        int depth = 0;
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if (end > start) {
                int n = 1;
                for (int j = 0; j < depth; j++) {
                    if (ends[j] - starts[j] == end - start && path.regionMatches(starts[j], path, start, end - start)) {
                        n++;
                    }
                }
                if (policy.maxRepeatedSegments() > 0 && n > policy.maxRepeatedSegments()) {
                    return refuse(Kind.REPEATED_SEGMENTS, "path segment '" + shorten(path.substring(start, end))
                            + "' occurs more than " + policy.maxRepeatedSegments() + " times");
                }
                starts[depth] = start;
                ends[depth] = end;
                depth++;
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        if (policy.maxPathDepth() > 0 && depth > policy.maxPathDepth()) {
            return refuse(Kind.PATH_TOO_DEEP, "path of " + depth + " segments (at most " + policy.maxPathDepth() + ")");
        }
        return Optional.empty();
    }

    Optional<Refusal> checkLongPath(String path) {
        String[] segments = path.split("/");
        int depth = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            depth++;
            int n = seen.merge(segment, 1, Integer::sum);
            if (policy.maxRepeatedSegments() > 0 && n > policy.maxRepeatedSegments()) {
                return refuse(Kind.REPEATED_SEGMENTS, "path segment '" + shorten(segment) + "' occurs more than "
                        + policy.maxRepeatedSegments() + " times");
            }
        }
        if (policy.maxPathDepth() > 0 && depth > policy.maxPathDepth()) {
            return refuse(Kind.PATH_TOO_DEEP, "path of " + depth + " segments (at most " + policy.maxPathDepth() + ")");
        }
        return Optional.empty();
    }

    /** Counts {@code url}, which was just queued (not a duplicate), towards the caps. */
    public void admitted(String url, String hostKey) {
        if (policy.maxPagesPerHost() > 0) {
            urlsPerHost.merge(hostKey, 1L, Long::sum);
        }
        int q = url.indexOf('?');
        if (q >= 0 && policy.maxQueryVariants() > 0) {
            queriesPerPath.merge(pathFingerprint.of(url.substring(0, q)), 1, Integer::sum);
        }
    }

    /** URLs of {@code hostKey} counted towards its cap; empty if the rules cap no host. */
    public java.util.OptionalLong urlsCounted(String hostKey) {
        return policy.maxPagesPerHost() > 0 ? java.util.OptionalLong.of(urlsPerHost.getOrDefault(hostKey, 0L))
                : java.util.OptionalLong.empty();
    }

    /**
     * Distinct queries counted for the path of {@code url}, and that path (the URL up to its
     * {@code ?}); empty if the URL has no query or the rules cap no path's queries.
     */
    public Optional<Map.Entry<String, Integer>> queriesCounted(String url) {
        int q = url.indexOf('?');
        if (q < 0 || policy.maxQueryVariants() <= 0) {
            return Optional.empty();
        }
        String beforeQuery = url.substring(0, q);
        return Optional.of(Map.entry(beforeQuery, queriesPerPath.getOrDefault(pathFingerprint.of(beforeQuery), 0)));
    }

    /**
     * Takes up counts made elsewhere (by the process that handed a host's URLs out before): the
     * host's URLs and the queries of paths of it, each kept if higher than the count here.
     *
     * @param queries distinct queries by the URL up to its {@code ?}
     */
    public void restore(String hostKey, long urls, Map<String, Integer> queries) {
        if (urls > 0) {
            urlsPerHost.merge(hostKey, urls, Math::max);
        }
        queries.forEach((beforeQuery, n) -> queriesPerPath.merge(pathFingerprint.of(beforeQuery), n, Math::max));
    }

    /** The most links taken from one page, or -1. */
    public int maxLinksPerPage() {
        return policy.maxLinksPerPage();
    }

    /** The path of a normalized URL (without query). */
    static String path(String url) {
        int authority = url.indexOf("://");
        int slash = url.indexOf('/', authority < 0 ? 0 : authority + 3);
        if (slash < 0) {
            return "/";
        }
        int q = url.indexOf('?', slash);
        return q < 0 ? url.substring(slash) : url.substring(slash, q);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static Optional<Refusal> refuse(Kind kind, String detail) {
        return Optional.of(new Refusal(kind, detail));
    }
}
