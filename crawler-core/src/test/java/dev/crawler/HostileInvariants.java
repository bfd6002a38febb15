package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crawler.sim.WireCapture;
import dev.crawler.sim.hostile.HostileCase;
import dev.crawler.sim.hostile.RawHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What must hold after a whole crawl of a hostile web, whatever the server did: every URL has the
 * one outcome a correct crawl gives it, nothing the server smuggled is stored, and requests to one
 * host reached the server no closer together than the delay.
 */
final class HostileInvariants {

    private HostileInvariants() {
    }

    /** The outcome of every case and canary, and whether the server saw each never-requested URL. */
    static Map<String, String> outcomes(List<HostileCase> cases, HostileCrawl crawl) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (HostileCase c : cases) {
            JsonNode n = crawl.index.get(c.url());
            String outcome = n == null ? "none" : HostileCase.outcome(
                    n.hasNonNull("status") ? n.get("status").asInt() : null,
                    n.hasNonNull("error") ? n.get("error").asText() : null);
            outcomes.put(c.url(), outcome);
        }
        return outcomes;
    }

    /** Every case and canary has exactly its expected outcome; never-requested URLs never reached the server. */
    static void assertEveryOutcome(List<HostileCase> cases, HostileCrawl crawl, RawHttpServer server) {
        Map<String, String> outcomes = outcomes(cases, crawl);
        List<String> wrong = new ArrayList<>();
        for (HostileCase c : cases) {
            String outcome = outcomes.get(c.url());
            if (!c.expects(outcome)) {
                wrong.add(c.behaviour() + " " + c.url() + ": expected " + c.expected() + ", was " + outcome
                        + (crawl.index.containsKey(c.url()) ? " " + crawl.index.get(c.url()) : ""));
            }
            if (c.kind() == HostileCase.Kind.NEVER_REQUESTED) {
                String path = java.net.URI.create(c.url()).getRawPath();
                String host = java.net.URI.create(c.url()).getHost();
                if (!server.requests(host, path).isEmpty()) {
                    wrong.add(c.behaviour() + " " + c.url() + ": must never be requested, the server saw it");
                }
            }
        }
        assertThat(wrong).as("cases whose outcome is wrong").isEmpty();
    }

    /**
     * No stored page holds {@code marker} (text only hostile responses carry), and every index line
     * is for a URL the crawl was given or found in a true page: none came from a smuggled response.
     */
    static void assertNothingSmuggledStored(Path out, HostileCrawl crawl, String marker) throws IOException {
        List<String> tainted = new ArrayList<>();
        for (JsonNode n : crawl.index.values()) {
            if (n.hasNonNull("file")) {
                byte[] body = Files.readAllBytes(out.resolve(n.get("file").asText()));
                if (new String(body, StandardCharsets.ISO_8859_1).contains(marker)) {
                    tainted.add(n.get("url").asText());
                }
            }
        }
        assertThat(tainted).as("pages stored with a smuggled response's body").isEmpty();
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> mirror = files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".gz"))
                    .filter(p -> containsMarker(p, marker)).toList();
            assertThat(mirror).as("files under the output with a smuggled body").isEmpty();
        }
    }

    private static boolean containsMarker(Path p, String marker) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(marker);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The request starts to each host: as the loopback wire saw them when {@code wire} was
     * captured, else as the server stamped them, leaving out requests whose bytes waited for a busy
     * responder before they were read ({@link RawHttpServer.Request#stampedLate()}): their true
     * arrival is unknown.
     */
    static Map<String, List<Long>> startsByHost(List<WireCapture.Start> wire, RawHttpServer server) {
        if (wire != null) {
            // every request the server read crossed the wire; a few more may have reached a connection the
            // server was closing
            assertThat(wire).as("requests captured on the wire").hasSizeGreaterThanOrEqualTo(server.requests().size());
            return wire.stream().collect(Collectors.groupingBy(WireCapture.Start::host, TreeMap::new,
                    Collectors.mapping(WireCapture.Start::epochNanos, Collectors.toList())));
        }
        return server.requests().stream().filter(r -> !r.stampedLate()).collect(Collectors.groupingBy(
                RawHttpServer.Request::host, TreeMap::new, Collectors.mapping(RawHttpServer.Request::arrivalNanos,
                        Collectors.toList())));
    }

    /** The smallest gap in milliseconds between two request starts to one host, per host with two or more. */
    static Map<String, Double> smallestGapsMillis(Map<String, List<Long>> startsByHost) {
        Map<String, Double> gaps = new TreeMap<>();
        startsByHost.forEach((host, starts) -> {
            List<Long> sorted = new ArrayList<>(starts);
            sorted.sort(Comparator.naturalOrder());
            long smallest = Long.MAX_VALUE;
            for (int i = 1; i < sorted.size(); i++) {
                smallest = Math.min(smallest, sorted.get(i) - sorted.get(i - 1));
            }
            if (smallest != Long.MAX_VALUE) {
                gaps.put(host, smallest / 1e6);
            }
        });
        return gaps;
    }

    /**
     * No two request starts to one host closer than {@code delay}, and the hosts {@code measured}
     * did have gaps to measure.
     */
    static void assertSpaced(Map<String, Double> gaps, java.time.Duration delay, List<String> measured, String what) {
        assertThat(gaps).as("%s: hosts with gaps measured", what).containsKeys(measured.toArray(String[]::new));
        assertThat(gaps).as("%s: smallest gap between two requests to one host at the server, ms", what)
                .allSatisfy((host, gap) -> assertThat(gap).as(host).isGreaterThanOrEqualTo(delay.toNanos() / 1e6));
    }
}
