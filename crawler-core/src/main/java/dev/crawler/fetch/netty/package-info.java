/**
 * The {@code async} engine: {@link dev.crawler.fetch.netty.NettyFetcher}, non-blocking GETs on
 * Netty event loops over a selectable {@link dev.crawler.net.Transport}. Each event loop is a
 * {@link dev.crawler.fetch.netty.NettyLane} with its own asynchronous DNS resolver and
 * {@link dev.crawler.fetch.connect.ConnectionPlanner}; a host always goes to the same lane, so its
 * state stays on one thread and nothing is locked. A {@link dev.crawler.fetch.netty.NettyExchange}
 * holds one request from resolution to result. A response on a reused connection is held for its
 * settle window; meanwhile a request to the same origin waits for that connection rather than
 * opening another, so the caller may count the first request's slot free at once. The pipeline
 * ({@link dev.crawler.fetch.netty.ClientInitializer}) is stock Netty handlers (TLS, the request
 * encoder, the response codec as {@link dev.crawler.fetch.netty.ResponseDecoder}) plus three small
 * ones that tell the exchange: {@link dev.crawler.fetch.netty.WireHandler} (raw bytes: first byte,
 * transfer rate, status-line start, bytes on an idle connection),
 * {@link dev.crawler.fetch.netty.ResponseHeadHandler} (the head as sent) and
 * {@link dev.crawler.fetch.netty.ExchangeHandler} (body pieces, connection loss, errors, which
 * {@link dev.crawler.fetch.netty.NettyErrors} classifies). Only the fetcher is public.
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package.
 */
package dev.crawler.fetch.netty;
