/**
 * The crawler's API. {@link dev.crawler.Crawler} runs a crawl and owns its lifecycle
 * ({@link dev.crawler.Crawler#builder} adds the caller's {@link dev.crawler.PageSink sinks},
 * {@link dev.crawler.CrawlListener listeners}, fetcher or frontier store);
 * {@link dev.crawler.CrawlConfig} is the one immutable configuration;
 * {@link dev.crawler.CrawlStats} the live counters; each URL ends with one
 * {@link dev.crawler.CrawlOutcome}; {@link dev.crawler.WarcSettings} asks for WARC files.
 *
 * <p>The module {@code dev.crawler} exports this package and the packages whose types its
 * signatures name: {@link dev.crawler.fetch}, {@link dev.crawler.frontier},
 * {@link dev.crawler.filter}, {@link dev.crawler.politeness} and {@link dev.crawler.net}. The
 * engine that runs the crawl ({@code dev.crawler.engine}, and the fetch engines, URL handling,
 * robots.txt, parsing and export it uses) is in packages the module does not export.
 */
package dev.crawler;
