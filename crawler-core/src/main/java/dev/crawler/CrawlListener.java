package dev.crawler;

/**
 * Hears what a crawl does, for progress, metrics or a decision to stop it ({@link Crawler#stop()}
 * may be called from a listener). Calls come on worker threads, never the event loop, and for
 * different URLs at the same time: an implementation must be thread-safe.
 *
 * <p>{@link #committed} comes after a URL's outcome is durable and its index line is written; the
 * URL's place in the crawl's concurrency is only given back when the call returns, so a slow
 * listener slows the crawl rather than lets work pile up.
 */
public interface CrawlListener {

    /** The outcome of one URL was committed. */
    default void committed(CrawlOutcome outcome) {
    }
}
