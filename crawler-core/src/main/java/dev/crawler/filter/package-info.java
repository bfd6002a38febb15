/**
 * Which URLs a crawl may queue, judged before they reach the frontier: the crawl's
 * {@link dev.crawler.filter.Scope} (same host, registered domain, or any) relative to its seeds
 * ({@link dev.crawler.filter.CrawlScope}), the {@link dev.crawler.filter.UrlFilter} include and
 * exclude patterns, and the {@link dev.crawler.filter.TrapGuard}, which applies a
 * {@link dev.crawler.filter.TrapPolicy} against crawler traps (URL length, path depth, repeated
 * segments, query variants per path, URLs per host). Pure functions of the URL, except the trap
 * guard's counters, which the crawl's coordinator thread owns.
 *
 * <p>The module {@code dev.crawler} exports this package for the settings in
 * {@link dev.crawler.CrawlConfig}: {@link dev.crawler.filter.Scope},
 * {@link dev.crawler.filter.UrlFilter} and {@link dev.crawler.filter.TrapPolicy}.
 * {@link dev.crawler.filter.CrawlScope} and {@link dev.crawler.filter.TrapGuard} are public for the
 * engine, not API.
 */
package dev.crawler.filter;
