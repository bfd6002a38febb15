package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.net.Transport;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.WireCapture;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gaps between request starts to one host are never under the delay, in every mode and
 * transport, at 100 ms and at 20 ms: 6 hosts, 2 connections each, pages at 5 ms of latency, so
 * connections open while others are reused and requests wait for a write.
 *
 * <p>Measured on the loopback wire ({@link WireCapture}: tcpdump, the kernel's timestamp of the
 * segment that opens each request), with no tolerance at all. Without tcpdump or the right to
 * capture (root; src/scripts/test-deps installs tcpdump, and CI runs as root) the 100 ms case falls
 * back to the simulated server's own log, which stamps a request when its thread has decoded it:
 * 2 busy cores delay that by up to 15 ms (a busy-poll run: 94.9 ms in the log, 110.1 ms on the
 * wire), so the fallback allows 20 ms, and the 20 ms case is skipped. Before starts were anchored
 * at the write, the server saw gaps of 35 to 68 ms at 100 ms and of 10 ms at 20 ms.
 */
class PolitenessOnTheWireIT {

    /** How late the simulated server's log may stamp a request on 2 busy cores (15 ms seen). */
    private static final Duration SERVER_LOG_SLACK = Duration.ofMillis(20);

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
        for (long delay : new long[] {100, 20}) {
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
        List<WireCapture.Start> wire = null;
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            Optional<WireCapture> capture = WireCapture.start(sim.port());
            try {
                CrawlConfig config = SimCrawlIT.configFor(sim.web(), mode, out,
                        new PolitenessPolicy(2, delay, Duration.ofSeconds(1))).toBuilder().transport(transport).build();
                try (Crawler crawler = Crawler.create(config)) {
                    assertThat(crawler.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
                }
            } finally {
                if (capture.isPresent()) {
                    wire = capture.get().stop();
                }
            }
        }
        String label = mode + "/" + transport + " at " + delayMs + " ms";
        if (wire != null) {
            assertThat(wire).as("requests captured on the wire").hasSize(requests.records().size());
            Map<String, List<Long>> starts = wire.stream().collect(Collectors.groupingBy(WireCapture.Start::host,
                    Collectors.mapping(WireCapture.Start::epochNanos, Collectors.toList())));
            long smallest = assertSpaced(starts, delay.toNanos(), "on the wire");
            System.out.printf("politeness %s: smallest gap on the wire %.3f ms%n", label, smallest / 1e6);
        } else if (delayMs >= 100) {
            System.out.printf("politeness %s: no capture, measured in the server's log only%n", label);
            Map<String, List<Long>> logged = requests.records().stream().collect(Collectors.groupingBy(
                    RequestRecord::host, Collectors.mapping(RequestRecord::arrivalNanos, Collectors.toList())));
            long smallest = assertSpaced(logged, delay.minus(SERVER_LOG_SLACK).toNanos(), "in the server's log");
            System.out.printf("politeness %s: smallest gap in the server's log %.1f ms%n", label, smallest / 1e6);
        } else {
            Assumptions.abort("no wire capture (tcpdump as root; src/scripts/test-deps installs it): the server's"
                    + " log is too coarse for a " + delayMs + " ms delay");
        }
    }

    /** Every gap between starts to one host is at least {@code floorNanos}; returns the smallest. */
    private static long assertSpaced(Map<String, List<Long>> startsByHost, long floorNanos, String where) {
        assertThat(startsByHost).as("hosts " + where).hasSize(6);
        long smallest = Long.MAX_VALUE;
        for (var e : startsByHost.entrySet()) {
            List<Long> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.naturalOrder());
            assertThat(list).as("requests to %s %s", e.getKey(), where).hasSizeGreaterThan(10);
            for (int i = 1; i < list.size(); i++) {
                long gap = list.get(i) - list.get(i - 1);
                smallest = Math.min(smallest, gap);
                assertThat(gap).as("gap between request starts %d and %d to %s %s, ns", i - 1, i, e.getKey(), where)
                        .isGreaterThanOrEqualTo(floorNanos);
            }
        }
        return smallest;
    }
}
