/**
 * {@code crawler frontier-bench}: the durable frontier driven as a crawl would drive it, with no
 * network, to measure its throughput and heap at millions of URLs. A command of the crawler-bench
 * module, not part of the library.
 */
package dev.crawler.bench.frontier;
