package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.WireCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Politeness over all nodes of a crawl together, as the simulated web saw it: request starts to
 * each host at least the delay apart and at most so many requests to a host at once.
 *
 * <p>The gaps are judged on the loopback wire when {@link WireCapture} could capture (tcpdump's
 * kernel timestamps, with no tolerance). Otherwise they are judged in the server's own log, less
 * {@link #SERVER_LOG_SLACK}: the log stamps a request once a server thread has decoded it, and a
 * node, three Kafka brokers and the server sharing 2 cores delay that stamp. One CI run saw a gap of
 * 79.9 ms in the log at a 100 ms delay, between two requests of one node to one host.
 */
final class SpacingAtTheServer {

    /** How much later than its arrival the server's log may stamp a request, when there is no capture. */
    static final Duration SERVER_LOG_SLACK = Duration.ofMillis(20);

    private SpacingAtTheServer() {
    }

    /**
     * Starts to each host are at least {@code delay} apart: on the {@code wire} if it was captured
     * (null if not), else in the server's {@code records}, less {@link #SERVER_LOG_SLACK}.
     */
    static void assertSpaced(List<RequestRecord> records, List<WireCapture.Start> wire, Duration delay) {
        if (wire != null) {
            assertThat(wire).as("requests captured on the wire").hasSizeGreaterThanOrEqualTo(records.size());
            Map<String, List<Long>> starts = new HashMap<>();
            wire.forEach(w -> starts.computeIfAbsent(w.host(), h -> new ArrayList<>()).add(w.epochNanos()));
            long smallest = Long.MAX_VALUE;
            for (var e : starts.entrySet()) {
                List<Long> t = e.getValue().stream().sorted().toList();
                for (int i = 1; i < t.size(); i++) {
                    long gap = t.get(i) - t.get(i - 1);
                    smallest = Math.min(smallest, gap);
                    assertThat(gap).as("gap on the wire before request %d to %s", i, e.getKey())
                            .isGreaterThanOrEqualTo(delay.toNanos());
                }
            }
            System.out.printf("spacing: smallest gap on the wire %.3f ms at a delay of %d ms%n", smallest / 1e6,
                    delay.toMillis());
            return;
        }
        System.out.println("spacing: no wire capture (tcpdump as root), judged in the server's log");
        long least = delay.minus(SERVER_LOG_SLACK).toNanos();
        for (var e : byHost(records).entrySet()) {
            List<RequestRecord> rs = e.getValue();
            for (int i = 1; i < rs.size(); i++) {
                assertThat(rs.get(i).arrivalNanos() - rs.get(i - 1).arrivalNanos())
                        .as("gap before request %d to %s; around it: %s", i, e.getKey(), around(rs, i))
                        .isGreaterThanOrEqualTo(least);
            }
        }
    }

    /** At most {@code perHost} requests to a host at once, by the server's log. */
    static void assertAtMostAtOnce(List<RequestRecord> records, int perHost) {
        for (var e : byHost(records).entrySet()) {
            List<RequestRecord> rs = e.getValue();
            for (RequestRecord r : rs) {
                long atOnce = rs.stream().filter(o -> o.arrivalNanos() <= r.arrivalNanos() && o.endNanos() > r.arrivalNanos()).count();
                assertThat(atOnce).as("requests in flight to %s", e.getKey()).isLessThanOrEqualTo(perHost);
            }
        }
    }

    /** Each host's records, by arrival. */
    private static Map<String, List<RequestRecord>> byHost(List<RequestRecord> records) {
        Map<String, List<RequestRecord>> byHost = new HashMap<>();
        records.forEach(r -> byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r));
        byHost.replaceAll((h, rs) -> rs.stream().sorted(Comparator.comparingLong(RequestRecord::arrivalNanos)).toList());
        return byHost;
    }

    /** Requests i-4 to i+2 of one host: arrival (ms, relative), connection, path. */
    private static String around(List<RequestRecord> rs, int i) {
        StringBuilder b = new StringBuilder();
        long t0 = rs.get(Math.max(0, i - 4)).arrivalNanos();
        for (int j = Math.max(0, i - 4); j < Math.min(rs.size(), i + 3); j++) {
            RequestRecord r = rs.get(j);
            b.append(String.format("%n  #%d +%.1f ms conn %d %s (took %.1f ms)", j, (r.arrivalNanos() - t0) / 1e6,
                    r.connectionId(), r.path(), (r.endNanos() - r.arrivalNanos()) / 1e6));
        }
        return b.toString();
    }
}
