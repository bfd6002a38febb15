/**
 * Fetching: one HTTP GET in, one {@link dev.crawler.fetch.FetchResult} out.
 *
 * <p>A {@link dev.crawler.fetch.Fetcher} takes a URI and completes a future with a response (any
 * status, redirects included, body decoded and capped) or a failure value of a
 * {@link dev.crawler.fetch.FetchError} kind; it never throws for what the web does. Two I/O models
 * share one set of semantics and limits ({@link dev.crawler.fetch.FetchSettings}):
 * {@link dev.crawler.fetch.NettyFetcher} keeps many sockets on one event loop (a pipeline of stock
 * Netty handlers plus three small ones feeding an exchange), and
 * {@link dev.crawler.fetch.BlockingFetcher} blocks one worker thread per request on a plain socket
 * (one thread, a pool, or virtual threads). They share the request head, the URI target, the
 * capped body accumulator, the idle connection pool and the failure wording, so a comparison
 * between them measures the I/O model alone.
 */
package dev.crawler.fetch;
