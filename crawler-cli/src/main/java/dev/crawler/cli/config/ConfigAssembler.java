package dev.crawler.cli.config;

import static dev.crawler.cli.config.SettingKeys.*;

import dev.crawler.CookieSettings;
import dev.crawler.CrawlConfig;
import dev.crawler.ResumeMode;
import dev.crawler.WarcSettings;
import dev.crawler.fetch.Credentials;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.RequestHeaders;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.fetch.TrustedCertificates;
import dev.crawler.fetch.proxy.NoProxy;
import dev.crawler.fetch.proxy.ProxyConfig;
import dev.crawler.filter.TrapPolicy;
import dev.crawler.filter.UrlFilter;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.ResolveOverrides;
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

    /**
     * The crawl configuration, with the proxies the environment names ({@code http_proxy} and the
     * like) unless the settings name one; a {@link ConfigException} if the core rejects a combination.
     */
    public static CrawlConfig toConfig(Settings s, List<String> seeds) {
        return toConfig(s, seeds, System.getenv());
    }

    /** The crawl configuration, reading proxy variables from {@code env} (empty: none). */
    public static CrawlConfig toConfig(Settings s, List<String> seeds, Map<String, String> env) {
        try {
            return builder(s, seeds, env).build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static CrawlConfig.Builder builder(Settings s, List<String> seeds, Map<String, String> env) {
        CrawlConfig.Builder b = CrawlConfig.builder().seeds(seeds);
        PolitenessPolicy defaultPoliteness = b.build().politeness();
        s.get(OUT).ifPresent(b::outDir);
        s.get(MODE).ifPresent(b::mode);
        s.get(TRANSPORT).ifPresent(b::transport);
        s.get(THREADS).ifPresent(b::threads);
        s.get(EVENT_LOOPS).ifPresent(b::eventLoops);
        s.get(SCOPE).ifPresent(b::scope);
        s.get(MAX_DEPTH).ifPresent(b::maxDepth);
        s.get(MAX_PAGES).ifPresent(b::maxPages);
        b.limits(new dev.crawler.CrawlLimits(s.get(MAX_TIME).filter(d -> !d.isZero()).orElse(null),
                s.get(MAX_BYTES).orElse(-1L), (int) Math.min(Integer.MAX_VALUE, s.get(MAX_ERRORS).orElse(-1L))));
        s.get(CONCURRENCY).ifPresent(b::concurrency);
        s.get(ROBOTS).ifPresent(b::respectRobots);
        s.get(ROBOTS_AGENT).ifPresent(b::robotsAgent);
        if (s.has(INCLUDE) || s.has(EXCLUDE)) {
            b.filter(UrlFilter.of(s.getList(INCLUDE).orElse(List.of()), s.getList(EXCLUDE).orElse(List.of())));
        }
        s.get(STATE_DIR).ifPresent(b::stateDir);
        s.get(RESUME).ifPresent(r -> b.resume(r ? ResumeMode.REQUIRE : ResumeMode.NEVER));
        b.warc(warc(s));
        b.politeness(politeness(s, defaultPoliteness));
        b.fetch(fetch(s, b.fetch()).withProxy(proxies(s, env)).withExtras(requestHeaders(s)));
        b.cookies(cookies(s));
        b.retry(retry(s, RetryPolicy.defaults()));
        b.traps(traps(s, TrapPolicy.defaults()));
        s.get(SITEMAPS).ifPresent(b::sitemaps);
        return b;
    }

    private static RetryPolicy retry(Settings s, RetryPolicy d) {
        return new RetryPolicy(s.get(MAX_RETRIES).orElse(d.maxRetries()), s.get(RETRY_DELAY).orElse(d.baseDelay()),
                s.get(MAX_BACKOFF).orElse(d.maxDelay()), s.get(MAX_HOST_FAILURES).orElse(d.maxHostFailures()));
    }

    private static TrapPolicy traps(Settings s, TrapPolicy d) {
        return new TrapPolicy(
                intLimit(s, MAX_URL_LENGTH, d.maxUrlLength()),
                intLimit(s, MAX_PATH_DEPTH, d.maxPathDepth()),
                intLimit(s, MAX_REPEATED_SEGMENTS, d.maxRepeatedSegments()),
                intLimit(s, MAX_QUERY_VARIANTS, d.maxQueryVariants()),
                s.get(MAX_PAGES_PER_HOST).orElse(d.maxPagesPerHost()),
                intLimit(s, MAX_LINKS_PER_PAGE, d.maxLinksPerPage()));
    }

    private static int intLimit(Settings s, Key<Long> key, int d) {
        long v = s.get(key).orElse((long) d);
        if (v > Integer.MAX_VALUE) {
            throw new ConfigException(key.name() + ": " + v + " is too large");
        }
        return (int) v;
    }

    private static WarcSettings warc(Settings s) {
        WarcSettings d = WarcSettings.off();
        return new WarcSettings(s.get(WARC).orElse(d.enabled()), s.get(WARC_PREFIX).orElse(d.prefix()),
                s.get(WARC_MAX_SIZE).orElse(d.maxFileBytes()));
    }

    private static PolitenessPolicy politeness(Settings s, PolitenessPolicy d) {
        return new PolitenessPolicy(
                s.get(PER_HOST_CONNECTIONS).orElse(d.perHostConnections()),
                s.get(DELAY).orElse(d.delay()),
                s.get(MAX_CRAWL_DELAY).orElse(d.maxCrawlDelay()),
                s.get(PER_IP_CONNECTIONS).orElse(d.perIpConnections()),
                s.get(PER_IP_DELAY).orElse(d.perIpDelay()),
                s.get(ADAPTIVE_DELAY).orElse(d.adaptiveFactor()));
    }

    private static FetchSettings fetch(Settings s, FetchSettings d) {
        long maxHeader = s.get(MAX_HEADER).orElse((long) d.maxHeaderBytes());
        if (maxHeader > Integer.MAX_VALUE) {
            throw new ConfigException("maxHeader: " + maxHeader + " bytes is too large (at most 2GB)");
        }
        AddressPolicy policy = s.getList(ALLOW_NET).map(AddressPolicy::allowing).orElse(d.addressPolicy());
        ResolveOverrides overrides = s.getList(RESOLVE).map(ConfigAssembler::overrides).orElse(d.overrides());
        FetchSettings fetch = new FetchSettings(
                s.get(USER_AGENT).orElse(d.userAgent()),
                s.get(CONNECT_TIMEOUT).orElse(d.connectTimeout()),
                s.get(FIRST_BYTE_TIMEOUT).orElse(d.firstByteTimeout()),
                s.get(RESPONSE_TIMEOUT).orElse(d.responseTimeout()),
                s.get(MAX_BODY).orElse(d.maxBodyBytes()),
                (int) maxHeader,
                s.get(KEEP_ALIVE).orElse(d.keepAlive()),
                policy,
                overrides);
        return fetch
                .withMinTransferRate(s.get(MIN_TRANSFER_RATE).orElse(d.minTransferRate()),
                        s.get(TRANSFER_RATE_WINDOW).orElse(d.transferRateWindow()))
                .withReuseSettle(s.get(REUSE_SETTLE).orElse(d.reuseSettle()))
                .withTrustedCertificates(s.getList(TRUST_CERT).map(ConfigAssembler::certificates)
                        .orElse(d.trustedCertificates()));
    }

    /** {@code --header} fields and {@code --auth} logins; a host given two logins is an error. */
    private static RequestHeaders requestHeaders(Settings s) {
        Map<String, Credentials> logins = new LinkedHashMap<>();
        for (Map.Entry<String, Credentials> login : s.getList(AUTH).orElse(List.of())) {
            if (logins.put(login.getKey(), login.getValue()) != null) {
                throw new ConfigException("auth: two logins for " + login.getKey() + "; give one");
            }
        }
        return new RequestHeaders(s.getList(HEADER).orElse(List.of()), logins);
    }

    /** {@code --no-cookies} turns the jar off; {@code --cookies FILE} starts it from a cookies.txt. */
    private static CookieSettings cookies(Settings s) {
        if (s.get(NO_COOKIES).orElse(false)) {
            if (s.has(COOKIES)) {
                throw new ConfigException("cookies: --cookies " + s.get(COOKIES).get() + " was given with --no-cookies;"
                        + " drop one of the two");
            }
            return CookieSettings.off();
        }
        return s.get(COOKIES).map(CookieSettings::from).orElse(CookieSettings.defaults());
    }

    /** {@code --proxy} for every request, else the environment's; then {@code --no-proxy} over either's list. */
    private static ProxyConfig proxies(Settings s, Map<String, String> env) {
        ProxyConfig base = s.get(PROXY).map(p -> ProxyConfig.of(p, NoProxy.none()))
                .orElseGet(() -> ProxyConfig.fromEnvironment(env));
        return s.get(NO_PROXY).map(base::withNoProxy).orElse(base);
    }

    private static List<java.security.cert.X509Certificate> certificates(List<java.nio.file.Path> files) {
        List<java.security.cert.X509Certificate> all = new java.util.ArrayList<>();
        for (java.nio.file.Path f : files) {
            try {
                all.addAll(TrustedCertificates.read(f));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("trustCert: " + e.getMessage(), e);
            }
        }
        return all;
    }

    private static ResolveOverrides overrides(List<HostAddress> pins) {
        Map<String, InetAddress> byHost = new LinkedHashMap<>();
        pins.forEach(p -> byHost.put(p.host(), p.address()));
        return new ResolveOverrides(byHost);
    }
}
