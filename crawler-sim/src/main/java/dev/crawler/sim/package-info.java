/**
 * A simulated web on loopback, for testing and benchmarking crawlers.
 *
 * <p>{@link dev.crawler.sim.SimConfig} fixes its shape: H hosts ({@code site-1.sim} on 127.0.1.1,
 * {@code site-2.sim} on 127.0.1.2, ...), P pages each, L random links per page, a latency, a page
 * size and a seed. {@link dev.crawler.sim.SimWeb} is the pure model: from the config and the port it
 * answers any request deterministically, generating each page when asked, and it computes the
 * {@link dev.crawler.sim.GroundTruth} of a correct crawl: what must be fetched (pages, redirects,
 * 404s) and what must never be (robots-disallowed and nofollow-only URLs).
 * {@link dev.crawler.sim.SimServer} serves the model over HTTP/1.1 with Netty, with keep-alive,
 * latency scheduled on the event loop, gzip and chunked bodies, and records every request
 * (arrival, end, connection, host, path, status, bytes) into a {@link dev.crawler.sim.RequestSink}:
 * a {@link dev.crawler.sim.RequestLog} in memory for tests or a {@link dev.crawler.sim.RequestFileSink}.
 * A test crawls the server, then compares what it fetched with the ground truth and checks
 * politeness from the server's own log.
 *
 * <p>Off by default, a web may remember and ask ({@link dev.crawler.sim.SimAccess}): with sessions
 * every host sets a host-only session cookie of its own on a request without it, and with a
 * {@link dev.crawler.sim.SimLogin} a host answers 401 unless its Basic login comes along; the
 * server counts, per host, what came with each request ({@link dev.crawler.sim.SessionLog}), so a
 * test sees a cookie or a login that reached the wrong host. The pages stay the same.
 *
 * <p>Pages come in two layouts, chosen by the config's {@link dev.crawler.sim.PageProfile}. The
 * plain one (the default, whose bytes the tests and the demo were written against) gives every page
 * the same size and link count. The realistic one has what makes real pages cost: long-tailed sizes
 * (5 to 500 KB) and link counts (10 to 3,000), a site-wide navigation on every page, inline scripts
 * and styles with link-shaped text no parser sees as a link, and text and hrefs full of character
 * references; the ground truth stays exact.
 *
 * <p>Real pages come from disk: {@link dev.crawler.sim.StaticServer} serves a directory (a
 * documentation tree, say) under one host name, {@code static.sim}, with the rules of
 * {@link dev.crawler.sim.StaticSite}; {@link dev.crawler.sim.StaticMain} runs it as a process of
 * its own for the bench.
 */
package dev.crawler.sim;
