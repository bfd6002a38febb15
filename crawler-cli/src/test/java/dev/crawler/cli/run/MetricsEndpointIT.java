package dev.crawler.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlSummary;
import dev.crawler.Crawler;
import dev.crawler.cli.CliRun;
import dev.crawler.cli.ExitCodes;
import dev.crawler.filter.Scope;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import dev.crawler.sim.hostile.RawHttpServer;
import dev.crawler.sim.hostile.Responders;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics endpoint, scraped over HTTP after a real crawl of the simulated web: the crawl's
 * counts as the crawl counted them, outcomes by kind and status, the fetch latency histogram, and
 * the JVM's own metrics; on loopback only; a port in use is a clear usage error.
 */
class MetricsEndpointIT {

    @Test
    void aScrapeAfterACrawlShowsItsCountsOutcomesLatencyAndTheJvm(@TempDir Path out) throws Exception {
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(SimConfig.defaults().withHosts(2).withPages(20), requests)) {
            SimWeb web = sim.web();
            Map<String, InetAddress> resolve = new HashMap<>();
            for (var e : web.resolveMap().entrySet()) {
                resolve.put(e.getKey(), InetAddress.getByName(e.getValue()));
            }
            CrawlConfig config = CrawlConfig.builder().seeds(web.seedUrls()).outDir(out).scope(Scope.ANY)
                    .politeness(new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(1)))
                    .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                    .overrides(new ResolveOverrides(resolve)).build();
            CrawlSummary summary;
            java.util.concurrent.atomic.AtomicReference<Crawler> running = new java.util.concurrent.atomic.AtomicReference<>();
            try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, () -> running.get().stats().snapshot());
                    Crawler crawler = Crawler.builder(config).listener(endpoint.listener()).build()) {
                running.set(crawler);
                summary = crawler.run();
                String text = get(endpoint.port(), "/metrics").body();

                assertThat(value(text, "crawler_pages_total")).isEqualTo(summary.stats().pages());
                assertThat(value(text, "crawler_bytes_total")).isEqualTo(summary.stats().bytes());
                assertThat(value(text, "crawler_requests_in_flight")).isZero();
                assertThat(value(text, "crawler_urls_seen")).isEqualTo(summary.stats().seen());
                long lines = Files.readAllLines(out.resolve(Crawler.INDEX_FILE)).size();
                assertThat(sum(text, "crawler_outcomes_total")).as("an outcome per index line").isEqualTo(lines);
                assertThat(text).contains("crawler_outcomes_total{outcome=\"page\",status=\"200\"}");
                assertThat(value(text, "crawler_fetch_seconds_count")).isPositive();
                assertThat(text).contains("crawler_fetch_seconds_bucket{le=");
                assertThat(text).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
                assertThat(get(endpoint.port(), "/").statusCode()).isEqualTo(404);
                assertThat(get(endpoint.port(), "/metrics").headers().firstValue("Content-Type").orElse(""))
                        .startsWith("text/plain; version=0.0.4");
            }
            assertThat(summary.stats().pages()).isPositive();
        }
    }

    /**
     * Two hosts: limited.test answers 503 with Retry-After: 2 once, slow.test takes 3 s to answer.
     * For the first two seconds one host backs off while the other has a request under way.
     */
    @Test
    void whileACrawlRunsTheHostGaugesShowOneHostBackingOffAndOneActive(@TempDir Path out) throws Exception {
        try (RawHttpServer server = new RawHttpServer()) {
            server.route("limited.test", "/", Responders.sequence(
                    Responders.status(503, "busy", "Retry-After: 2"), Responders.html("<p>ok</p>")));
            server.route("slow.test", "/", Responders.after(3_000, Responders.html("<p>slow</p>")));
            CrawlConfig config = CrawlConfig.builder()
                    .seeds(List.of(server.url("limited.test", "/"), server.url("slow.test", "/")))
                    .outDir(out).scope(Scope.ANY).respectRobots(false)
                    .politeness(new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(1)))
                    .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                    .overrides(new ResolveOverrides(Map.of("limited.test", server.address(), "slow.test",
                            server.address()))).build();
            AtomicReference<Crawler> running = new AtomicReference<>();
            try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, () -> running.get().stats().snapshot());
                    Crawler crawler = Crawler.builder(config).build()) {
                running.set(crawler);
                CompletableFuture<CrawlSummary> run = crawler.start();
                long mostActive = 0;
                long mostBackingOff = 0;
                boolean sawOneOfEach = false;
                while (!run.isDone()) {
                    String text = get(endpoint.port(), "/metrics").body();
                    long active = value(text, "crawler_hosts_active");
                    long backingOff = value(text, "crawler_hosts_backing_off");
                    mostActive = Math.max(mostActive, active);
                    mostBackingOff = Math.max(mostBackingOff, backingOff);
                    sawOneOfEach |= active == 1 && backingOff == 1;
                    Thread.sleep(50);
                }
                CrawlSummary summary = run.get();

                assertThat(sawOneOfEach).as("limited.test waits out its Retry-After while slow.test answers").isTrue();
                assertThat(mostBackingOff).isEqualTo(1);
                assertThat(mostActive).isBetween(1L, 2L);
                assertThat(summary.stats().retries()).isEqualTo(1);
                assertThat(server.requests("limited.test", "/")).hasSize(2);
                Thread.sleep(150); // past the endpoint's reuse of one snapshot per scrape
                String after = get(endpoint.port(), "/metrics").body();
                assertThat(value(after, "crawler_hosts_active")).as("nothing under way at the end").isZero();
                assertThat(value(after, "crawler_hosts_backing_off")).isZero();
            }
        }
    }

    @Test
    void aMetricsPortInUseIsAUsageErrorThatSaysWhatToDo(@TempDir Path out) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("crawl", "--out", out.toString(), "--metrics-port",
                    String.valueOf(taken.getLocalPort()), "--progress", "none", "http://127.0.0.1:9/");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("--metrics-port " + taken.getLocalPort(), "give a free port, or 0 for any");
        }
        CliRun bad = CliRun.of("crawl", "--out", out.toString(), "--metrics-port", "70000", "http://127.0.0.1:9/");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--metrics-port must be 0 to 65535");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The value of the unlabelled sample {@code name}. */
    private static long value(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.eE+-]+)$").matcher(text);
        assertThat(m.find()).as("%s in%n%s", name, text).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    /** The sum of every sample of {@code name}, whatever its labels. */
    private static long sum(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*\\} ([0-9.eE+-]+)$").matcher(text);
        long total = 0;
        while (m.find()) {
            total += (long) Double.parseDouble(m.group(1));
        }
        return total;
    }
}
