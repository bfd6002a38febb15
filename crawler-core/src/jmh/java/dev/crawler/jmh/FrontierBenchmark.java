package dev.crawler.jmh;

import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.frontier.InMemoryFrontier;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The in-memory frontier's push and pop, per URL: 10,000 new URLs over 50 hosts offered (each
 * followed by a duplicate of an earlier one, as links repeat, so half the offers are dropped by
 * the seen set), then every URL polled host by host. A fresh frontier per invocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrontierBenchmark {

    static final int URLS = 10_000;
    static final int HOSTS = 50;

    private List<CrawlRequest> requests;
    private List<String> hostKeys;

    @Setup
    public void setUp() {
        List<String> urls = Inputs.rawUrls(URLS * 2, HOSTS, 11).stream()
                .map(u -> dev.crawler.url.UrlNormalizer.normalize(u).orElseThrow()).distinct().limit(URLS).toList();
        requests = urls.stream().map(u -> CrawlRequest.of(u, 1, Inputs.PAGE_URL, 0)).toList();
        hostKeys = requests.stream().map(CrawlRequest::hostKey).distinct().toList();
    }

    /** Per URL: one new offer and one duplicate offer, then one poll. */
    @Benchmark
    @OperationsPerInvocation(URLS)
    public void pushThenPop(Blackhole bh) {
        try (Frontier frontier = new InMemoryFrontier()) {
            for (int i = 0; i < requests.size(); i++) {
                bh.consume(frontier.offer(requests.get(i)));
                bh.consume(frontier.offer(requests.get(i >> 1)));
            }
            for (String host : hostKeys) {
                while (frontier.hasQueued(host)) {
                    bh.consume(frontier.poll(host));
                }
            }
        }
    }
}
