/**
 * The {@code busy-poll} engine, there to be measured against the others:
 * {@link dev.crawler.fetch.poll.BusyPollFetcher} keeps every request's non-blocking
 * {@link java.nio.channels.SocketChannel} out of any selector, and one thread
 * ({@link dev.crawler.fetch.poll.BusyPoller}) asks each {@link dev.crawler.fetch.poll.PollExchange}
 * in turn, without pause, whether its socket can connect, write or read. Names are looked up on a
 * helper thread; the polling thread routes requests and pools connections through a
 * {@link dev.crawler.fetch.connect.ConnectionPlanner} ({@link dev.crawler.fetch.poll.PollConnections},
 * with {@link dev.crawler.fetch.poll.PollConnection} as one socket) and reads responses with the
 * push parser {@link dev.crawler.fetch.http.PushResponseReader}. Plain http only. Only the fetcher
 * is public.
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package.
 */
package dev.crawler.fetch.poll;
