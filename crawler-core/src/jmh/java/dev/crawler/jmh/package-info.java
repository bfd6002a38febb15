/**
 * JMH benchmarks of the crawler's hot paths, each a pure function or a structure the coordinator
 * owns, measured without any I/O: URL normalization and fingerprinting
 * ({@link dev.crawler.jmh.UrlBenchmark}), link extraction from a page
 * ({@link dev.crawler.jmh.LinkExtractionBenchmark}), frontier push and pop
 * ({@link dev.crawler.jmh.FrontierBenchmark}) and mapping URLs to file paths
 * ({@link dev.crawler.jmh.PathMappingBenchmark}).
 *
 * <p>They are compiled only with the Maven profile {@code jmh} and never run by the tests; run them
 * with {@code ./src/scripts/jmh} (JMH options pass through, such as {@code -f 1 -wi 2 -i 3} or a
 * benchmark name pattern).
 */
package dev.crawler.jmh;
