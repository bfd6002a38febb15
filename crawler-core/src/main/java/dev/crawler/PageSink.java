package dev.crawler;

import java.io.IOException;

/**
 * Where the crawl puts what it fetched. The mirror tree and WARC files are sinks the crawl
 * configures itself; a library user adds their own with {@link Crawler.Builder#sink}.
 *
 * <p>{@link #accept} is called once per URL outcome ({@link CrawlOutcome}), on a worker thread,
 * never the event loop, and for different URLs at the same time: an implementation must be
 * thread-safe. A URL's outcome is committed only after every sink has taken it, so a slow sink
 * slows the crawl down (fewer requests start) rather than let pages pile up in memory. An
 * exception is logged and does not stop the crawl; the other sinks still get the outcome.
 */
public interface PageSink extends AutoCloseable {

    /** Takes the outcome of one URL. */
    void accept(CrawlOutcome outcome) throws IOException;

    /** Called once when the crawl is closed, after the last {@link #accept}. */
    @Override
    default void close() throws IOException {
    }
}
