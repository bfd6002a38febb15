/**
 * The crawler. {@link dev.crawler.Crawler} wires the stages and owns their lifecycle;
 * {@link dev.crawler.CrawlConfig} is the one immutable configuration; {@link dev.crawler.CrawlStats}
 * the live counters. Data flows one way: seeds, frontier, politeness scheduler, fetcher, then
 * the page processor on a worker executor, whose links go back to the frontier and whose pages
 * go to the exporters.
 */
package dev.crawler;
