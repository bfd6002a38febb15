package dev.crawler.examples;

import dev.crawler.CrawlConfig;
import dev.crawler.filter.Scope;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated web served in this process on loopback addresses (127.0.1.x), which the examples
 * crawl: a few hosts of linked pages, with robots.txt, redirects, 404s and nofollow links, and
 * the ground truth of what a correct crawl fetches.
 */
final class SimulatedWeb implements AutoCloseable {

    private final SimServer server;

    private SimulatedWeb(SimServer server) {
        this.server = server;
    }

    /** Serves {@code hosts} hosts of {@code pages} pages each. */
    static SimulatedWeb start(int hosts, int pages) throws InterruptedException {
        return new SimulatedWeb(SimServer.start(SimConfig.defaults().withHosts(hosts).withPages(pages)
                .withLatency(Duration.ofMillis(2)), RequestLog.inMemory()));
    }

    /**
     * Settings to crawl this web into {@code out}: its seeds, its host names resolved to its
     * loopback addresses (and only those allowed), every host in scope, no delay between requests.
     */
    CrawlConfig.Builder crawl(Path out) throws UnknownHostException {
        Map<String, InetAddress> addresses = new HashMap<>();
        for (var e : server.web().resolveMap().entrySet()) {
            addresses.put(e.getKey(), InetAddress.getByName(e.getValue()));
        }
        return CrawlConfig.builder()
                .seeds(server.web().seedUrls())
                .outDir(out)
                .scope(Scope.ANY)
                .politeness(new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(1)))
                .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                .overrides(new ResolveOverrides(addresses));
    }

    /** What a correct crawl of this web fetches, and what it must not. */
    GroundTruth groundTruth() {
        return server.web().groundTruth();
    }

    @Override
    public void close() {
        server.close();
    }
}
