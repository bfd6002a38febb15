package dev.crawler;

/**
 * What became of one URL of a crawl. Each URL the crawl queued (or refused as a trap) has exactly
 * one outcome; the detail that goes with it ({@link CrawlOutcome#detail()}) is the {@code error}
 * text of its line in {@code index.jsonl}, such as {@code robots_denied: disallowed by robots.txt}.
 */
public enum Outcome {
    /** A 2xx response: the page (kept in the mirror tree, when there is one). */
    PAGE,
    /** A 3xx response; its target was queued unless the detail says why not. */
    REDIRECT,
    /** A 4xx or 5xx response, after any retries. */
    HTTP_ERROR,
    /** No response: DNS, a refused address, connect, timeouts, resets, TLS, protocol errors. */
    FETCH_FAILED,
    /** Not fetched: robots.txt disallows it. */
    ROBOTS_DENIED,
    /** Not fetched: the host's robots.txt could not be had, so nothing of the host is crawled. */
    ROBOTS_UNREACHABLE,
    /** Not fetched: its host failed too often in a row and was given up. */
    HOST_UNAVAILABLE,
    /** Not queued: a crawler-trap rule refused the link (too deep a path, too many query variants ...). */
    TRAP;

    /** Whether the crawl sent a request for a URL with this outcome. */
    public boolean fetched() {
        return this == PAGE || this == REDIRECT || this == HTTP_ERROR || this == FETCH_FAILED;
    }
}
