package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.proxy.NoProxy;
import dev.crawler.fetch.proxy.ProxyConfig;
import dev.crawler.fetch.proxy.ProxyProcess;
import dev.crawler.fetch.proxy.ProxyServer;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.sim.HostNaming;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole crawls of the simulated web through real proxies, in the async mode and a blocking one:
 * tinyproxy forwarding plain http (the web named by its addresses, which the proxy resolves
 * itself) and microsocks (the web's made-up names resolved by the crawler, the proxy handed the
 * addresses). Each crawl must match the ground truth exactly, keep the per-host delay as the
 * server saw it, and keep several hosts in flight at once: politeness is per target host, never
 * per proxy.
 */
@ExtendWith(NoBlockingOnEventLoops.class)
class ProxyCrawlIT {

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC", "VIRTUAL"})
    void aCrawlThroughAnHttpProxyMatchesTheGroundTruth(FetchMode mode, @TempDir Path out) throws Exception {
        try (ProxyProcess proxy = ProxyProcess.tinyproxy(out)) {
            List<RequestRecord> served = crawlThrough(proxy.url("http", null), mode, HostNaming.ADDRESSES, out);
            long forwarded = proxy.log().lines().filter(l -> l.contains("GET http://127.0.1.")).count();
            assertThat(forwarded).as("requests the proxy forwarded, against those the web served").isEqualTo(served.size());
        }
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC", "VIRTUAL"})
    void aCrawlThroughASocks5ProxyMatchesTheGroundTruth(FetchMode mode, @TempDir Path out) throws Exception {
        try (ProxyProcess proxy = ProxyProcess.microsocks(out, "crawler", "pa:ss")) {
            crawlThrough(proxy.url("socks5", "crawler:pa%3Ass"), mode, HostNaming.NAMES, out);
            assertThat(proxy.log()).contains("connected to 127.0.1.1:", "connected to 127.0.1.3:");
        }
    }

    /** Crawls a 3-host web through {@code proxyUrl} and checks it; returns what the server saw. */
    private static List<RequestRecord> crawlThrough(String proxyUrl, FetchMode mode, HostNaming naming, Path out)
            throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(3).withPages(30).withLatency(Duration.ofMillis(5))
                .withHostNaming(naming);
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            SimWeb web = sim.web();
            CrawlConfig base = SimCrawlIT.configFor(web, mode, out);
            CrawlConfig config = base.toBuilder()
                    .fetch(base.fetch().withProxy(ProxyConfig.of(ProxyServer.parse(proxyUrl), NoProxy.none())))
                    .build();
            if (naming == HostNaming.ADDRESSES) {
                config = config.toBuilder().overrides(ResolveOverrides.none()).build();
            }
            CrawlSummary summary;
            try (Crawler crawler = Crawler.create(config)) {
                summary = crawler.run();
            }
            SimCrawlIT.assertCrawledToTheGroundTruth(web, summary, requests, out);
            List<RequestRecord> records = requests.records();
            SimCrawlIT.assertDelayKept(records, null);
            // politeness is per target host, not per proxy: requests to different hosts go through
            // the proxy well within one delay of each other (one proxy-wide spacing would forbid it)
            List<RequestRecord> byArrival = records.stream().sorted(Comparator.comparingLong(RequestRecord::arrivalNanos))
                    .toList();
            long close = 0;
            for (int i = 1; i < byArrival.size(); i++) {
                RequestRecord a = byArrival.get(i - 1);
                RequestRecord b = byArrival.get(i);
                if (!a.host().equals(b.host()) && b.arrivalNanos() - a.arrivalNanos() < Duration.ofMillis(50).toNanos()) {
                    close++;
                }
            }
            assertThat(close).as("requests to different hosts under half the delay apart, of %d", records.size())
                    .isGreaterThanOrEqualTo(10);
            return records;
        }
    }
}
