/**
 * The crawler's benchmarks, kept out of crawler-cli and crawler-core so that their libraries
 * (JFreeChart, JMH) never reach the crawler's runtime.
 *
 * <p>{@link dev.crawler.bench.BenchMain} is the command line of {@code crawler-bench.jar}, which
 * the launcher {@code src/dist/crawler} starts for {@code crawler bench} (the I/O models compared
 * on the simulated web, {@code dev.crawler.bench.run}) and {@code crawler frontier-bench} (the
 * durable frontier at scale, {@code dev.crawler.bench.frontier}).
 *
 * <p>The JMH benchmarks of this package time the crawler's hot paths on real inputs. They are
 * compiled by every build and run only by hand:
 * {@code mvn -Pbench -pl crawler-bench -am package -DskipTests}, then
 * {@code java -jar crawler-bench/target/benchmarks.jar LinkExtraction}.
 */
package dev.crawler.bench;
