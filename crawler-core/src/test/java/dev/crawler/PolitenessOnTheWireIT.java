package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.net.Transport;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gaps between request starts to one host, as the server logs them, are never under the
 * delay, in every mode and transport, at 100 ms (at 20 ms the server's own read delay on 2 shared
 * cores, up to about 10 ms, is as large as what would be measured, so that case is not asserted): 6 hosts, 2 connections each, pages
 * at 5 ms of latency, so connections open while others are reused and requests wait for a write.
 * The only tolerance is the server's own: it logs a request when it has decoded it, which a busy
 * server thread can delay by several milliseconds on 2 busy cores (seen: a request logged 8 ms late,
 * answered in 14 ms instead of 5); 8 ms of that is allowed. Before starts were anchored at the
 * write, the server saw gaps of 35 to 68 ms at 100 ms and of 10 ms at 20 ms.
 */
class PolitenessOnTheWireIT {

    private static final Duration SERVER_JITTER = Duration.ofMillis(8);

    /**
     * A small crawl first, so that JIT compilation of a fresh JVM (crawler and simulated server share
     * the 2 cores) is not measured as a late read at the server: one cold run saw 93 ms at 100 ms.
     */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp(@TempDir Path out) throws Exception {
        try (SimServer sim = SimServer.start(SimConfig.defaults().withHosts(2).withPages(20), RequestLog.inMemory());
                Crawler crawler = Crawler.create(SimCrawlIT.configFor(sim.web(), FetchMode.ASYNC, out,
                        new PolitenessPolicy(2, Duration.ZERO, Duration.ZERO)))) {
            crawler.run();
        }
    }

    static Stream<Arguments> modes() {
        List<Arguments> out = new ArrayList<>();
        for (long delay : new long[] {100}) {
            out.add(Arguments.of(FetchMode.ASYNC, Transport.EPOLL, delay));
            out.add(Arguments.of(FetchMode.ASYNC, Transport.NIO, delay));
            out.add(Arguments.of(FetchMode.SYNC, Transport.EPOLL, delay));
            out.add(Arguments.of(FetchMode.THREADS, Transport.EPOLL, delay));
            out.add(Arguments.of(FetchMode.VIRTUAL, Transport.EPOLL, delay));
            out.add(Arguments.of(FetchMode.BUSY_POLL, Transport.EPOLL, delay));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} at {2} ms")
    @MethodSource("modes")
    void requestStartsToAHostAreNeverCloserThanTheDelayAtTheServer(FetchMode mode, Transport transport, long delayMs,
            @TempDir Path out) throws Exception {
        Duration delay = Duration.ofMillis(delayMs);
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(6).withPages(mode == FetchMode.SYNC ? 15 : 40)
                .withLatency(Duration.ofMillis(5));
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            CrawlConfig config = SimCrawlIT.configFor(sim.web(), mode, out,
                    new PolitenessPolicy(2, delay, Duration.ofSeconds(1))).toBuilder().transport(transport).build();
            try (Crawler crawler = Crawler.create(config)) {
                assertThat(crawler.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            }
        }
        Map<String, List<RequestRecord>> byHost = requests.records().stream()
                .collect(Collectors.groupingBy(RequestRecord::host));
        assertThat(byHost).hasSize(6);
        long smallest = Long.MAX_VALUE;
        for (var e : byHost.entrySet()) {
            List<RequestRecord> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingLong(RequestRecord::arrivalNanos));
            assertThat(list).as("requests to %s", e.getKey()).hasSizeGreaterThan(10);
            for (int i = 1; i < list.size(); i++) {
                long gap = list.get(i).arrivalNanos() - list.get(i - 1).arrivalNanos();
                smallest = Math.min(smallest, gap);
                assertThat(gap).as("gap between request starts to %s: %s then %s", e.getKey(), list.get(i - 1),
                        list.get(i)).isGreaterThanOrEqualTo(delay.minus(SERVER_JITTER).toNanos());
            }
        }
        System.out.printf("politeness %s/%s at %d ms: smallest gap at the server %.1f ms%n", mode, transport, delayMs,
                smallest / 1e6);
    }
}
