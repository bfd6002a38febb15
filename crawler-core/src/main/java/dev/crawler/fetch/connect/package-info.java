/**
 * How the engines get their connections, decided in one place for all of them: the
 * {@link dev.crawler.fetch.connect.ConnectionPlanner}. Once a host resolved, the time left and the
 * address policy route the request to a {@link dev.crawler.fetch.connect.ConnectionKey} (scheme,
 * host, address, port); an idle connection of that key is reused from the
 * {@link dev.crawler.fetch.connect.IdlePool} if its origin is not in
 * {@link dev.crawler.fetch.connect.DistrustedOrigins} and it looks quiet
 * ({@link dev.crawler.fetch.connect.AfterResponse}), else the engine opens one
 * ({@link dev.crawler.fetch.connect.ConnectWait} times the blocking and busy-poll connects); the
 * request asks for keep-alive only for a trusted origin; a reused connection that breaks before any
 * response byte is judged by {@link dev.crawler.fetch.connect.DeadReuse} (sent once more on a fresh
 * connection if the request never left, failed as stale if it did); and afterwards the planner
 * parks the connection or closes it. The engines do the I/O it asks for and nothing else.
 *
 * <p>Also here, being about reusing or opening connections: the
 * {@link dev.crawler.fetch.connect.SettleWindow}, how long a response on a reused connection is
 * held watching for surplus bytes, and the TLS client setup
 * ({@link dev.crawler.fetch.connect.ClientTls}) with the wording of its failures
 * ({@link dev.crawler.fetch.connect.TlsFailures}), and the engines' common base
 * ({@link dev.crawler.fetch.connect.SettingsFetcher}), which brings every form of {@code fetch} down
 * to one request under one set of limits. Public only where an engine package needs it.
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package.
 */
package dev.crawler.fetch.connect;
