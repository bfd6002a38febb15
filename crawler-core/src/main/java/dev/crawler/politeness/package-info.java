/**
 * Per-host politeness. A host may have at most {@code perHostConnections} requests in flight and
 * its request starts are at least {@code delay} apart (raised by robots.txt Crawl-delay, up to a
 * cap, widened after 429/503 without Retry-After, adapted to its response times when asked). Hosts
 * that resolve to one IP address may share a budget: requests in flight and a delay between
 * starts ({@link dev.crawler.politeness.AddressBudget}, its address found by an
 * {@link dev.crawler.politeness.AddressFinder}). Hosts that may fetch wait in one priority queue
 * ordered by the time they may next start, so the scheduler never scans idle hosts. The caller passes the time in, so tests need no sleep.
 *
 * <p>The module {@code dev.crawler} exports this package for
 * {@link dev.crawler.politeness.PolitenessPolicy}, a part of {@link dev.crawler.CrawlConfig};
 * {@link dev.crawler.politeness.PolitenessScheduler} is public for the engine, not API.
 */
package dev.crawler.politeness;
