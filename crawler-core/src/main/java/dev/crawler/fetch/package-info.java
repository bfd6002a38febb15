/**
 * Fetching: one HTTP GET in, one {@link dev.crawler.fetch.FetchResult} out. This package is the API
 * the crawler and library users program against, exported by the module {@code dev.crawler}; the
 * engines and what they share live in its sub-packages, which the module does not export.
 *
 * <p>A {@link dev.crawler.fetch.Fetcher} takes a URI and completes a future with a response (any
 * status, redirects included, body decoded and capped) or a failure value of a
 * {@link dev.crawler.fetch.FetchError} kind; it never throws for what the web does. Every engine
 * has the same semantics and limits, {@link dev.crawler.fetch.FetchSettings}. Beside them:
 * {@link dev.crawler.fetch.ResponseHeaders}; which failures are worth another attempt, and after
 * how long ({@link dev.crawler.fetch.RetryPolicy}, pure); the request head a fetcher sent for a URL
 * ({@link dev.crawler.fetch.SentRequests}, for WARC request records); certificates to trust besides
 * the JDK's ({@link dev.crawler.fetch.TrustedCertificates}).
 *
 * <p>The engines, one sub-package each, differ in their I/O model alone:
 * <ul>
 *   <li>{@link dev.crawler.fetch.netty} ({@code async}): many sockets on Netty event loops;</li>
 *   <li>{@link dev.crawler.fetch.blocking} ({@code sync}, {@code threads}, {@code virtual}): a
 *       worker thread blocked on a plain socket per request;</li>
 *   <li>{@link dev.crawler.fetch.poll} ({@code busy-poll}): non-blocking sockets polled in a loop
 *       with no selector, for the bench; plain http only.</li>
 * </ul>
 * Each goes the same way from a URI to a response. It resolves the host; then the
 * {@link dev.crawler.fetch.connect.ConnectionPlanner} of {@link dev.crawler.fetch.connect} routes
 * the request (time left, address policy), hands it an idle connection or has the engine open a
 * fresh one, says what the request asks for (keep-alive, or close for an origin caught out of step
 * with its requests) and whether a reused connection that died before answering is tried once
 * more, and parks or closes the connection afterwards; request and response go through the
 * HTTP/1.1 pieces of {@link dev.crawler.fetch.http}. So a comparison between engines measures the
 * I/O model alone.
 *
 * <p>Against hostile servers every engine applies the same protections: content codings (gzip,
 * deflate, brotli via brotli4j) are undone by shared push decoders, pulled only up to the body
 * limit, so a decompression bomb costs at most that; heads are limited in size, and a response must
 * open with an HTTP/1.x status line (no HTTP/0.9); a minimum transfer rate ends trickles long before
 * the whole-response timeout; bytes beyond a response (a short Content-Length, data sent on an idle
 * connection) retire the connection instead of becoming the next response, and after a response
 * on a reused connection they fail it as {@link dev.crawler.fetch.FetchError#DESYNC}. TLS (Netty and
 * blocking engines) validates certificates and host names by default, offers ALPN, and names the
 * reason of a refusal ({@link dev.crawler.fetch.FetchError#TLS}).
 */
package dev.crawler.fetch;
