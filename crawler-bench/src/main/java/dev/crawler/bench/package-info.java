/**
 * JMH benchmarks of the crawler's hot paths on real inputs, kept out of crawler-core so that JMH
 * never reaches the crawler's runtime. They are compiled by every build and run only by hand:
 * {@code mvn -Pbench -pl crawler-bench -am package -DskipTests}, then
 * {@code java -jar crawler-bench/target/benchmarks.jar LinkExtraction}.
 */
package dev.crawler.bench;
