/**
 * The crawler's API. {@link dev.crawler.Crawler} runs a crawl and owns its lifecycle
 * ({@link dev.crawler.Crawler#builder} adds the caller's {@link dev.crawler.PageSink sinks},
 * {@link dev.crawler.CrawlListener listeners}, fetcher or frontier store);
 * {@link dev.crawler.CrawlConfig} is the one immutable configuration;
 * {@link dev.crawler.CrawlStats} the live counters; each URL ends with one
 * {@link dev.crawler.CrawlOutcome}. The engine that runs the crawl is in
 * {@link dev.crawler.engine}.
 */
package dev.crawler;
