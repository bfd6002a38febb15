package dev.crawler.cli.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.crawler.CrawlListener;
import dev.crawler.CrawlOutcome;
import dev.crawler.CrawlStats;
import dev.crawler.Outcome;
import dev.crawler.cli.output.IndexLine;
import dev.crawler.fetch.FetchResult;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code --metrics-port}: the crawl's metrics in Prometheus' text format at
 * {@code http://127.0.0.1:PORT/metrics}, through Micrometer's Prometheus registry. From the
 * crawl's counts ({@link CrawlStats}): pages, bytes, errors, HTTP errors, redirects, retries, URLs
 * refused by robots.txt (counters), requests in flight, URLs queued and seen, hosts given up,
 * active and backing off (gauges). From each committed outcome ({@link #listener}): outcomes by kind and status, errors
 * by kind (the index's error code), and a histogram of fetch latency. And the JVM's own: memory,
 * collections, threads, classes, CPU, uptime. Served on loopback only, by a thread of its own.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "metrics");
        t.setDaemon(true);
        return t;
    });
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Supplier<CrawlStats.Snapshot> stats;
    private final Timer latency = Timer.builder("crawler.fetch").description("Time from a request's start to"
            + " its response's last byte, or to its failure").publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2)).register(registry);
    private volatile CrawlStats.Snapshot last;
    private volatile long lastAt;

    private MetricsEndpoint(HttpServer server, Supplier<CrawlStats.Snapshot> stats) {
        this.server = server;
        this.stats = stats;
    }

    /**
     * Serves the metrics of the crawl whose counts {@code stats} gives on 127.0.0.1:{@code port}
     * (0: any free port; see {@link #port()}).
     *
     * @throws IOException if the port cannot be bound (in use, or not allowed)
     */
    public static MetricsEndpoint start(int port, Supplier<CrawlStats.Snapshot> stats) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        MetricsEndpoint endpoint = new MetricsEndpoint(server, stats);
        endpoint.register();
        server.createContext("/", endpoint::serve);
        server.setExecutor(endpoint.thread);
        server.start();
        return endpoint;
    }

    private void register() {
        counter("crawler.pages", "Pages fetched (a response, whatever its status)", CrawlStats.Snapshot::pages);
        counter("crawler.bytes", "Bytes of response bodies fetched", CrawlStats.Snapshot::bytes);
        counter("crawler.errors", "Fetches that ended without a usable response", CrawlStats.Snapshot::errors);
        counter("crawler.http.errors", "Responses with a 4xx or 5xx status", CrawlStats.Snapshot::httpErrors);
        counter("crawler.redirects", "Responses that redirect", CrawlStats.Snapshot::redirects);
        counter("crawler.retries", "Fetches tried again", CrawlStats.Snapshot::retries);
        counter("crawler.robots.denied", "URLs robots.txt refused", CrawlStats.Snapshot::robotsDenied);
        gauge("crawler.requests.in.flight", "Requests under way", CrawlStats.Snapshot::inFlight);
        gauge("crawler.urls.queued", "URLs waiting to be fetched", CrawlStats.Snapshot::queued);
        gauge("crawler.urls.seen", "Distinct URLs seen", CrawlStats.Snapshot::seen);
        gauge("crawler.hosts.given.up", "Hosts given up after failures in a row", CrawlStats.Snapshot::hostsGivenUp);
        gauge("crawler.hosts.active", "Hosts with at least one request under way", CrawlStats.Snapshot::hostsActive);
        gauge("crawler.hosts.backing.off", "Hosts with URLs queued that back off (Retry-After, retry back-off, a delay"
                + " widened after 429 or 503), not waiting for their ordinary delay", CrawlStats.Snapshot::hostsBackingOff);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private void counter(String name, String help, ToDoubleFunction<CrawlStats.Snapshot> value) {
        FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.snapshot())).description(help).register(registry);
    }

    private void gauge(String name, String help, ToDoubleFunction<CrawlStats.Snapshot> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.snapshot())).description(help).register(registry);
    }

    /** The crawl's counts, taken once per scrape rather than once per metric. */
    private CrawlStats.Snapshot snapshot() {
        long now = System.nanoTime();
        CrawlStats.Snapshot s = last;
        if (s == null || now - lastAt > 100_000_000L) {
            s = stats.get();
            last = s;
            lastAt = now;
        }
        return s;
    }

    /** Hears each committed outcome: counted by kind and status, errors by kind, fetch latency. */
    public CrawlListener listener() {
        return new CrawlListener() {
            @Override
            public void committed(CrawlOutcome outcome) {
                MetricsEndpoint.this.committed(outcome);
            }
        };
    }

    private void committed(CrawlOutcome o) {
        String status = o.result().filter(r -> r instanceof FetchResult.Response)
                .map(r -> Integer.toString(((FetchResult.Response) r).status())).orElse("none");
        registry.counter("crawler.outcomes", "outcome", o.outcome().name().toLowerCase(java.util.Locale.ROOT),
                "status", status).increment();
        if (o.outcome() != Outcome.ROBOTS_DENIED) {
            o.detail().map(IndexLine::codeOf).ifPresent(kind -> registry.counter("crawler.errors.by.kind", "kind", kind)
                    .increment());
        }
        o.result().ifPresent(r -> latency.record(switch (r) {
            case FetchResult.Response resp -> resp.elapsed();
            case FetchResult.Failure f -> f.elapsed();
        }));
    }

    /** The port the endpoint listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                byte[] body = "not found: the metrics are at /metrics\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
        gc.close();
        registry.close();
    }
}
