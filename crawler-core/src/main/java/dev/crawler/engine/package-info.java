/**
 * The crawl engine, not part of the API (the module {@code dev.crawler} does not export this
 * package): {@link dev.crawler.engine.CrawlCoordinator}, the state machine on the coordinator
 * thread, and the named stages it runs results through. Its entry is
 * {@link dev.crawler.engine.CrawlParts}, which opens a crawl's parts for {@link dev.crawler.Crawler}
 * and closes them; the rest is package-private.
 *
 * <p>Data flows one way: seeds, {@link dev.crawler.engine.LinkIntake} (depth, scope, filters,
 * traps) into the frontier, the politeness scheduler, {@link dev.crawler.engine.RobotsGate}, the
 * fetcher; then {@link dev.crawler.engine.RetryStage} (back-off and requeue),
 * {@link dev.crawler.engine.RedirectFollower}, the {@link dev.crawler.engine.PageProcessor} on a
 * worker (mirror file, index line, links, sinks), the page's links back through the intake, and
 * the {@link dev.crawler.engine.OutcomeCommitter} (outcome durable with its links, then index
 * line, then listeners). {@link dev.crawler.engine.SitemapFollower} feeds sitemap URLs to the
 * intake; {@link dev.crawler.engine.CrawlEnd} tells when the crawl is over and
 * {@link dev.crawler.engine.Liveness} that it cannot stall.
 */
package dev.crawler.engine;
