package dev.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.filter.Scope;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.hostile.RawHttpServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A crawl of made-up host names that all resolve to one {@link RawHttpServer} on loopback, with
 * short delays and retries, and what it left: the summary and the index lines by URL.
 */
final class HostileCrawl {

    final CrawlSummary summary;
    final Map<String, JsonNode> index;

    private HostileCrawl(CrawlSummary summary, Map<String, JsonNode> index) {
        this.summary = summary;
        this.index = index;
    }

    /** Test defaults: loopback allowed, no delay, 2 quick retries, any scope. */
    static CrawlConfig.Builder config(RawHttpServer server, FetchMode mode, Path out, List<String> hosts,
            List<String> seeds) throws Exception {
        Map<String, InetAddress> pins = new HashMap<>();
        for (String h : hosts) {
            pins.put(h, InetAddress.getByName("127.0.0.1"));
        }
        return CrawlConfig.builder()
                .seeds(seeds)
                .outDir(out)
                .mode(mode)
                .scope(Scope.ANY)
                .concurrency(16)
                .politeness(new PolitenessPolicy(1, Duration.ZERO, Duration.ofSeconds(1)))
                .failOnStall(true)
                .retry(new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(5), 10))
                .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                .overrides(new ResolveOverrides(pins));
    }

    static HostileCrawl run(CrawlConfig config) throws Exception {
        CrawlSummary summary;
        try (Crawler crawler = Crawler.create(config)) {
            summary = crawler.run();
        }
        Map<String, JsonNode> byUrl = new LinkedHashMap<>();
        for (JsonNode n : SimCrawlIT.readIndex(config.outDir())) {
            JsonNode earlier = byUrl.put(n.get("url").asText(), n);
            if (earlier != null) {
                throw new AssertionError("URL twice in index.jsonl: " + n.get("url").asText());
            }
        }
        return new HostileCrawl(summary, byUrl);
    }

    static HostileCrawl run(RawHttpServer server, FetchMode mode, Path out, List<String> hosts, List<String> seeds,
            UnaryOperator<CrawlConfig.Builder> tweak) throws Exception {
        return run(tweak.apply(config(server, mode, out, hosts, seeds)).build());
    }

    JsonNode line(String url) {
        JsonNode n = index.get(url);
        if (n == null) {
            throw new AssertionError("no index line for " + url + "; index has " + index.keySet());
        }
        return n;
    }

    Optional<Integer> status(String url) {
        JsonNode n = line(url);
        return n.hasNonNull("status") ? Optional.of(n.get("status").asInt()) : Optional.empty();
    }

    String error(String url) {
        JsonNode n = line(url);
        return n.hasNonNull("error") ? n.get("error").asText() : "";
    }
}
