/**
 * Fetching: one HTTP GET in, one {@link dev.crawler.fetch.FetchResult} out.
 *
 * <p>A {@link dev.crawler.fetch.Fetcher} takes a URI and completes a future with a response (any
 * status, redirects included, body decoded and capped) or a failure value of a
 * {@link dev.crawler.fetch.FetchError} kind; it never throws for what the web does. Three I/O
 * models share one set of semantics and limits ({@link dev.crawler.fetch.FetchSettings}):
 * {@link dev.crawler.fetch.NettyFetcher} keeps many sockets on event loops (a pipeline of stock
 * Netty handlers plus three small ones feeding an exchange);
 * {@link dev.crawler.fetch.BlockingFetcher} blocks one worker thread per request on a plain socket
 * (one thread, a pool, or virtual threads); {@link dev.crawler.fetch.BusyPollFetcher} polls
 * non-blocking sockets in a loop with no selector, for the bench. They share the request head,
 * the URI target, the capped body accumulator, the idle connection pool, the desync hold
 * ({@link dev.crawler.fetch.SettleWindow}) and the failure wording, so a comparison between them
 * measures the I/O model alone.
 *
 * <p>Against hostile servers every fetcher applies the same protections: content codings (gzip,
 * deflate, brotli via brotli4j) are undone by the shared push decoders of
 * {@link dev.crawler.fetch.CodingDecoder}, pulled only up to the body limit, so a decompression
 * bomb costs at most that; heads are limited in size, and a response must open with an HTTP/1.x
 * status line (no HTTP/0.9); a minimum transfer rate ({@link dev.crawler.fetch.TransferRate})
 * ends trickles long before the whole-response timeout; bytes beyond a response (a short
 * Content-Length, data sent on an idle connection) retire the connection instead of becoming the
 * next response; TLS validates certificates and host names by default, offers ALPN, and names the
 * reason of a refusal ({@link dev.crawler.fetch.FetchError#TLS}); extra certificates can be
 * trusted ({@link dev.crawler.fetch.TrustedCertificates}). Which failures are worth another
 * attempt, and after how long, is the pure {@link dev.crawler.fetch.RetryPolicy}.
 */
package dev.crawler.fetch;
