package dev.crawler.cli.config;

import static dev.crawler.cli.config.SettingKeys.*;

import dev.crawler.CrawlConfig;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.parse.UrlFilter;
import dev.crawler.politeness.PolitenessPolicy;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link Settings} and the checked seed URLs into a {@link CrawlConfig}. A setting that is
 * absent keeps the default of {@link CrawlConfig#builder()}, so the defaults live in one place.
 */
public final class ConfigAssembler {

    private ConfigAssembler() {
    }

    /** The crawl configuration; a {@link ConfigException} if the core rejects a combination. */
    public static CrawlConfig toConfig(Settings s, List<String> seeds) {
        try {
            return builder(s, seeds).build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static CrawlConfig.Builder builder(Settings s, List<String> seeds) {
        CrawlConfig.Builder b = CrawlConfig.builder().seeds(seeds);
        PolitenessPolicy defaultPoliteness = b.build().politeness();
        s.get(OUT).ifPresent(b::outDir);
        s.get(MODE).ifPresent(b::mode);
        s.get(TRANSPORT).ifPresent(b::transport);
        s.get(THREADS).ifPresent(b::threads);
        s.get(SCOPE).ifPresent(b::scope);
        s.get(MAX_DEPTH).ifPresent(b::maxDepth);
        s.get(MAX_PAGES).ifPresent(b::maxPages);
        s.get(CONCURRENCY).ifPresent(b::concurrency);
        s.get(ROBOTS).ifPresent(b::respectRobots);
        s.get(ROBOTS_AGENT).ifPresent(b::robotsAgent);
        if (s.has(INCLUDE) || s.has(EXCLUDE)) {
            b.filter(UrlFilter.of(s.getList(INCLUDE).orElse(List.of()), s.getList(EXCLUDE).orElse(List.of())));
        }
        b.politeness(politeness(s, defaultPoliteness));
        b.fetch(fetch(s, b.fetch()));
        return b;
    }

    private static PolitenessPolicy politeness(Settings s, PolitenessPolicy d) {
        return new PolitenessPolicy(
                s.get(PER_HOST_CONNECTIONS).orElse(d.perHostConnections()),
                s.get(DELAY).orElse(d.delay()),
                s.get(MAX_CRAWL_DELAY).orElse(d.maxCrawlDelay()));
    }

    private static FetchSettings fetch(Settings s, FetchSettings d) {
        long maxHeader = s.get(MAX_HEADER).orElse((long) d.maxHeaderBytes());
        if (maxHeader > Integer.MAX_VALUE) {
            throw new ConfigException("maxHeader: " + maxHeader + " bytes is too large (at most 2GB)");
        }
        AddressPolicy policy = s.getList(ALLOW_NET).map(AddressPolicy::allowing).orElse(d.addressPolicy());
        ResolveOverrides overrides = s.getList(RESOLVE).map(ConfigAssembler::overrides).orElse(d.overrides());
        return new FetchSettings(
                s.get(USER_AGENT).orElse(d.userAgent()),
                s.get(CONNECT_TIMEOUT).orElse(d.connectTimeout()),
                s.get(FIRST_BYTE_TIMEOUT).orElse(d.firstByteTimeout()),
                s.get(RESPONSE_TIMEOUT).orElse(d.responseTimeout()),
                s.get(MAX_BODY).orElse(d.maxBodyBytes()),
                (int) maxHeader,
                s.get(KEEP_ALIVE).orElse(d.keepAlive()),
                policy,
                overrides);
    }

    private static ResolveOverrides overrides(List<HostAddress> pins) {
        Map<String, InetAddress> byHost = new LinkedHashMap<>();
        pins.forEach(p -> byHost.put(p.host(), p.address()));
        return new ResolveOverrides(byHost);
    }
}
