package dev.crawler.cli.config;

import dev.crawler.FetchMode;
import dev.crawler.fetch.Credentials;
import dev.crawler.fetch.RequestHeaders;
import dev.crawler.fetch.proxy.NoProxy;
import dev.crawler.fetch.proxy.ProxyServer;
import dev.crawler.filter.Scope;
import dev.crawler.net.Cidr;
import dev.crawler.net.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every crawl setting the YAML file and the {@code crawl} command accept. The YAML layout is flat:
 * one top-level key per setting, named like the long option in camelCase
 * ({@code --per-host-connections} is {@code perHostConnections}).
 */
public final class SettingKeys {

    public static final Key<String> SEEDS = Key.list("seeds", "SEED", ValueParsers::text);
    public static final Key<Path> SEEDS_FILE = Key.single("seedsFile", "--seeds", ValueParsers::path);
    public static final Key<Path> OUT = Key.single("out", "--out", ValueParsers::path);
    public static final Key<Scope> SCOPE = Key.single("scope", "--scope", Scope::parse);
    public static final Key<Integer> MAX_DEPTH = Key.single("maxDepth", "--max-depth", ValueParsers::depthLimit);
    public static final Key<Long> MAX_PAGES = Key.single("maxPages", "--max-pages", ValueParsers::countLimit);
    public static final Key<Duration> MAX_TIME = Key.single("maxTime", "--max-time", SettingKeys::timeLimit);
    public static final Key<Long> MAX_BYTES = Key.single("maxBytes", "--max-bytes", SettingKeys::sizeLimit);
    public static final Key<Long> MAX_ERRORS = Key.single("maxErrors", "--max-errors", ValueParsers::countLimit);
    public static final Key<Double> MAX_ERROR_RATE = Key.single("maxErrorRate", "--max-error-rate", SettingKeys::share);
    public static final Key<String> INCLUDE = Key.list("include", "--include", ValueParsers::regex);
    public static final Key<String> EXCLUDE = Key.list("exclude", "--exclude", ValueParsers::regex);
    public static final Key<Integer> PER_HOST_CONNECTIONS =
            Key.single("perHostConnections", "--per-host-connections", ValueParsers::positiveInt);
    public static final Key<Duration> DELAY = Key.single("delay", "--delay", DurationParser::parse);
    public static final Key<Duration> MAX_CRAWL_DELAY =
            Key.single("maxCrawlDelay", "--max-crawl-delay", DurationParser::parse);
    public static final Key<Integer> PER_IP_CONNECTIONS =
            Key.single("perIpConnections", "--per-ip-connections", ValueParsers::nonNegativeInt);
    public static final Key<Duration> PER_IP_DELAY = Key.single("perIpDelay", "--per-ip-delay", DurationParser::parse);
    public static final Key<Double> ADAPTIVE_DELAY =
            Key.single("adaptiveDelay", "--adaptive-delay", ValueParsers::factor);
    public static final Key<Integer> CONCURRENCY = Key.single("concurrency", "--concurrency", ValueParsers::positiveInt);
    public static final Key<HostAddress> RESOLVE = Key.list("resolve", "--resolve", HostAddress::parse);
    public static final Key<ProxyServer> PROXY = Key.single("proxy", "--proxy", ProxyServer::parse);
    public static final Key<NoProxy> NO_PROXY = Key.single("noProxy", "--no-proxy", NoProxy::parse);
    public static final Key<Map.Entry<String, String>> HEADER =
            Key.list("header", "--header", RequestHeaders::parseHeader);
    public static final Key<Map.Entry<String, Credentials>> AUTH = Key.list("auth", "--auth", RequestHeaders::parseLogin);
    public static final Key<Path> COOKIES = Key.single("cookies", "--cookies", ValueParsers::path);
    public static final Key<Boolean> NO_COOKIES = Key.single("noCookies", "--no-cookies", ValueParsers::bool);
    public static final Key<Cidr> ALLOW_NET = Key.list("allowNet", "--allow-net", Cidr::parse);
    public static final Key<FetchMode> MODE = Key.single("mode", "--mode", ValueParsers::mode);
    public static final Key<Integer> THREADS = Key.single("threads", "--threads", ValueParsers::positiveInt);
    public static final Key<Integer> EVENT_LOOPS = Key.single("eventLoops", "--event-loops", ValueParsers::positiveInt);
    public static final Key<Transport> TRANSPORT = Key.single("transport", "--transport", ValueParsers::transport);
    public static final Key<String> USER_AGENT = Key.single("userAgent", "--user-agent", ValueParsers::text);
    public static final Key<Boolean> ROBOTS = Key.single("robots", "--robots", ValueParsers::bool);
    public static final Key<String> ROBOTS_AGENT = Key.single("robotsAgent", "--robots-agent", ValueParsers::text);
    public static final Key<Duration> CONNECT_TIMEOUT =
            Key.single("connectTimeout", "--connect-timeout", SettingKeys::positiveDuration);
    public static final Key<Duration> FIRST_BYTE_TIMEOUT =
            Key.single("firstByteTimeout", "--first-byte-timeout", SettingKeys::positiveDuration);
    public static final Key<Duration> RESPONSE_TIMEOUT =
            Key.single("responseTimeout", "--response-timeout", SettingKeys::positiveDuration);
    public static final Key<Long> MAX_BODY = Key.single("maxBody", "--max-body", SettingKeys::positiveSize);
    public static final Key<Long> MAX_HEADER = Key.single("maxHeader", "--max-header", SettingKeys::positiveSize);
    public static final Key<Boolean> KEEP_ALIVE = Key.single("keepAlive", "--keep-alive", ValueParsers::bool);
    public static final Key<Duration> REUSE_SETTLE = Key.single("reuseSettle", "--reuse-settle", DurationParser::parse);
    public static final Key<Long> MIN_TRANSFER_RATE =
            Key.single("minTransferRate", "--min-transfer-rate", SizeParser::parse);
    public static final Key<Duration> TRANSFER_RATE_WINDOW =
            Key.single("transferRateWindow", "--transfer-rate-window", SettingKeys::positiveDuration);
    public static final Key<Path> TRUST_CERT = Key.list("trustCert", "--trust-cert", ValueParsers::path);
    public static final Key<Integer> MAX_RETRIES = Key.single("maxRetries", "--max-retries", SettingKeys::nonNegativeInt);
    public static final Key<Duration> RETRY_DELAY = Key.single("retryDelay", "--retry-delay", DurationParser::parse);
    public static final Key<Duration> MAX_BACKOFF = Key.single("maxBackoff", "--max-backoff", DurationParser::parse);
    public static final Key<Integer> MAX_HOST_FAILURES =
            Key.single("maxHostFailures", "--max-host-failures", SettingKeys::nonNegativeInt);
    public static final Key<Long> MAX_URL_LENGTH = Key.single("maxUrlLength", "--max-url-length", ValueParsers::countLimit);
    public static final Key<Long> MAX_PATH_DEPTH = Key.single("maxPathDepth", "--max-path-depth", ValueParsers::countLimit);
    public static final Key<Long> MAX_REPEATED_SEGMENTS =
            Key.single("maxRepeatedSegments", "--max-repeated-segments", ValueParsers::countLimit);
    public static final Key<Long> MAX_QUERY_VARIANTS =
            Key.single("maxQueryVariants", "--max-query-variants", ValueParsers::countLimit);
    public static final Key<Long> MAX_PAGES_PER_HOST =
            Key.single("maxPagesPerHost", "--max-pages-per-host", ValueParsers::countLimit);
    public static final Key<Long> MAX_LINKS_PER_PAGE =
            Key.single("maxLinksPerPage", "--max-links-per-page", ValueParsers::countLimit);
    public static final Key<Boolean> SITEMAPS = Key.single("sitemaps", "--sitemaps", ValueParsers::bool);
    public static final Key<Path> STATE_DIR = Key.single("stateDir", "--state-dir", ValueParsers::path);
    public static final Key<Boolean> RESUME = Key.single("resume", "--resume", ValueParsers::bool);
    public static final Key<Duration> STOP_GRACE = Key.single("stopGrace", "--stop-grace", DurationParser::parse);
    public static final Key<Boolean> WARC = Key.single("warc", "--warc", ValueParsers::bool);
    public static final Key<String> WARC_PREFIX = Key.single("warcPrefix", "--warc-prefix", ValueParsers::text);
    public static final Key<Long> WARC_MAX_SIZE = Key.single("warcMaxSize", "--warc-max-size", SettingKeys::positiveSize);

    /** All keys, in the order of {@code config/crawler.yaml}. */
    public static final List<Key<?>> ALL = List.of(SEEDS, SEEDS_FILE, OUT, SCOPE, MAX_DEPTH, MAX_PAGES, MAX_TIME,
            MAX_BYTES, MAX_ERRORS, MAX_ERROR_RATE, INCLUDE,
            EXCLUDE, PER_HOST_CONNECTIONS, DELAY, MAX_CRAWL_DELAY, PER_IP_CONNECTIONS, PER_IP_DELAY, ADAPTIVE_DELAY,
            CONCURRENCY, RESOLVE, PROXY, NO_PROXY, HEADER, AUTH, COOKIES, NO_COOKIES, ALLOW_NET, MODE, THREADS,
            TRANSPORT, EVENT_LOOPS, USER_AGENT, ROBOTS, ROBOTS_AGENT, CONNECT_TIMEOUT, FIRST_BYTE_TIMEOUT, RESPONSE_TIMEOUT,
            MAX_BODY, MAX_HEADER, KEEP_ALIVE, REUSE_SETTLE, MIN_TRANSFER_RATE, TRANSFER_RATE_WINDOW, TRUST_CERT, MAX_RETRIES,
            RETRY_DELAY, MAX_BACKOFF, MAX_HOST_FAILURES, MAX_URL_LENGTH, MAX_PATH_DEPTH, MAX_REPEATED_SEGMENTS,
            MAX_QUERY_VARIANTS, MAX_PAGES_PER_HOST, MAX_LINKS_PER_PAGE, SITEMAPS, STATE_DIR, RESUME, STOP_GRACE, WARC, WARC_PREFIX, WARC_MAX_SIZE);

    private static final Map<String, Key<?>> BY_NAME = index(Key::name);
    private static final Map<String, Key<?>> BY_OPTION = index(Key::option);

    private SettingKeys() {
    }

    private static Map<String, Key<?>> index(Function<Key<?>, String> by) {
        return ALL.stream().collect(Collectors.toUnmodifiableMap(by, k -> k));
    }

    /** The key named {@code name} in the YAML file. */
    public static Optional<Key<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The key bound to the command-line option {@code option} (its long name). */
    public static Optional<Key<?>> byOption(String option) {
        return Optional.ofNullable(BY_OPTION.get(option));
    }

    /** A duration, or {@code unlimited} (or -1) for none: {@link Duration#ZERO}. */
    private static Duration timeLimit(String text) {
        String t = text.trim();
        return "unlimited".equalsIgnoreCase(t) || "-1".equals(t) ? Duration.ZERO : positiveDuration(t);
    }

    /** A size such as {@code 2G}, or {@code unlimited} (or -1) for none: -1. */
    private static long sizeLimit(String text) {
        String t = text.trim();
        return "unlimited".equalsIgnoreCase(t) || "-1".equals(t) ? -1 : positiveSize(t);
    }

    private static Duration positiveDuration(String text) {
        Duration d = DurationParser.parse(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text.trim() + "' must be more than zero");
        }
        return d;
    }

    private static int nonNegativeInt(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text.trim() + "' must be a whole number >= 0");
    }

    private static long positiveSize(String text) {
        long n = SizeParser.parse(text);
        if (n == 0) {
            throw new IllegalArgumentException("'" + text.trim() + "' must be more than zero");
        }
        return n;
    }

    /** A share such as {@code 5%} or {@code 0.05}, from 0 to 1. */
    static Double share(String text) {
        String t = text.strip();
        boolean percent = t.endsWith("%");
        double v;
        try {
            v = Double.parseDouble(percent ? t.substring(0, t.length() - 1).strip() : t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a share; give a percentage such as 5% or a"
                    + " fraction such as 0.05");
        }
        v = percent ? v / 100 : v;
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("'" + text + "' is not between 0% and 100%");
        }
        return v;
    }
}
