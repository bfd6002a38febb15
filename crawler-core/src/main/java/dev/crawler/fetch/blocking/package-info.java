/**
 * The blocking engines ({@code sync}, {@code threads}, {@code virtual}):
 * {@link dev.crawler.fetch.blocking.BlockingFetcher} runs each request on a worker thread (one
 * thread, a fixed pool, or a virtual thread per request) blocked on a plain {@link java.net.Socket}
 * from connect to the last body byte. {@link dev.crawler.fetch.blocking.BlockingExchange} takes one
 * request through its steps; {@link dev.crawler.fetch.blocking.SocketConnections} opens connections
 * (TLS for https), has a {@link dev.crawler.fetch.connect.ConnectionPlanner} route requests and
 * pool idle connections, and knows the ones in use, so that closing the fetcher breaks off blocked
 * reads; {@link dev.crawler.fetch.blocking.SocketConnection} is one socket, its reads timed by
 * {@link dev.crawler.fetch.blocking.TimedInput} (first byte, whole response, transfer rate). Only
 * the fetcher is public.
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package.
 */
package dev.crawler.fetch.blocking;
