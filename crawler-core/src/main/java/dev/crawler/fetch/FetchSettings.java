package dev.crawler.fetch;

import dev.crawler.fetch.proxy.ProxyConfig;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.ResolveOverrides;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * HTTP semantics and limits shared by every fetcher, so that modes differ in their I/O model only.
 *
 * @param userAgent value of the User-Agent header
 * @param connectTimeout time allowed to open a TCP connection, and again for a TLS handshake
 * @param firstByteTimeout time allowed between sending the request and the first response byte
 * @param responseTimeout time allowed for the whole exchange, from the start of the request
 * @param maxBodyBytes largest decoded body kept; past it the response is marked truncated
 * @param maxHeaderBytes largest status line plus headers accepted
 * @param keepAlive whether connections are reused (false sends {@code Connection: close})
 * @param addressPolicy which resolved destinations may be contacted
 * @param overrides host names resolved to fixed addresses ({@code --resolve})
 * @param minTransferRate least bytes per second a response must arrive at, measured over each
 *     {@code transferRateWindow} from its first byte on (a trickle fails with
 *     {@link FetchError#TOO_SLOW}); 0 turns the check off
 * @param transferRateWindow the window {@code minTransferRate} is measured over
 * @param trustedCertificates certificates trusted for https in addition to the JDK's
 *     ({@code --trust-cert}), for example a test server's self-signed one
 * @param reuseSettle the longest a response read on a reused keep-alive connection is held after
 *     its last byte, watching for surplus bytes that would show the server out of step with its
 *     requests (the response then fails with {@link FetchError#DESYNC}); within it, the hold
 *     follows the server's reply times ({@link dev.crawler.fetch.connect.SettleWindow}); 0 turns
 *     the wait off
 * @param proxy the proxies requests go through ({@code --proxy}, {@code --no-proxy}); fetchers
 *     look the proxies' names up once, when they are built
 * @param extras what is added to each request and learnt from each response beyond the fixed
 *     head: the user's header fields, logins per host, cookies ({@link RequestExtras})
 */
public record FetchSettings(
        String userAgent,
        Duration connectTimeout,
        Duration firstByteTimeout,
        Duration responseTimeout,
        long maxBodyBytes,
        int maxHeaderBytes,
        boolean keepAlive,
        AddressPolicy addressPolicy,
        ResolveOverrides overrides,
        long minTransferRate,
        Duration transferRateWindow,
        List<X509Certificate> trustedCertificates,
        Duration reuseSettle,
        ProxyConfig proxy,
        RequestExtras extras) {

    /** 1 KiB/s: a response slower than that over a whole window is a trickle. */
    public static final long DEFAULT_MIN_TRANSFER_RATE = 1024;
    public static final Duration DEFAULT_TRANSFER_RATE_WINDOW = Duration.ofSeconds(10);
    /** 25 ms: long enough for a server's next bytes already on their way, short next to a fetch. */
    public static final Duration DEFAULT_REUSE_SETTLE = Duration.ofMillis(25);

    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(firstByteTimeout, "firstByteTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        if (maxHeaderBytes <= 0) {
            throw new IllegalArgumentException("maxHeaderBytes must be positive, was " + maxHeaderBytes);
        }
        Objects.requireNonNull(addressPolicy, "addressPolicy");
        Objects.requireNonNull(overrides, "overrides");
        if (minTransferRate < 0) {
            throw new IllegalArgumentException("minTransferRate must not be negative, was " + minTransferRate);
        }
        requirePositive(transferRateWindow, "transferRateWindow");
        trustedCertificates = List.copyOf(trustedCertificates);
        Objects.requireNonNull(reuseSettle, "reuseSettle");
        if (reuseSettle.isNegative()) {
            throw new IllegalArgumentException("reuseSettle must not be negative, was " + reuseSettle);
        }
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(extras, "extras");
    }

    /** The settings without extras ({@link RequestExtras#NONE}). */
    public FetchSettings(String userAgent, Duration connectTimeout, Duration firstByteTimeout,
            Duration responseTimeout, long maxBodyBytes, int maxHeaderBytes, boolean keepAlive,
            AddressPolicy addressPolicy, ResolveOverrides overrides, long minTransferRate,
            Duration transferRateWindow, List<X509Certificate> trustedCertificates, Duration reuseSettle,
            ProxyConfig proxy) {
        this(userAgent, connectTimeout, firstByteTimeout, responseTimeout, maxBodyBytes, maxHeaderBytes, keepAlive,
                addressPolicy, overrides, minTransferRate, transferRateWindow, trustedCertificates, reuseSettle,
                proxy, RequestExtras.NONE);
    }

    /** The settings going directly, without a proxy. */
    public FetchSettings(String userAgent, Duration connectTimeout, Duration firstByteTimeout,
            Duration responseTimeout, long maxBodyBytes, int maxHeaderBytes, boolean keepAlive,
            AddressPolicy addressPolicy, ResolveOverrides overrides, long minTransferRate,
            Duration transferRateWindow, List<X509Certificate> trustedCertificates, Duration reuseSettle) {
        this(userAgent, connectTimeout, firstByteTimeout, responseTimeout, maxBodyBytes, maxHeaderBytes, keepAlive,
                addressPolicy, overrides, minTransferRate, transferRateWindow, trustedCertificates, reuseSettle,
                ProxyConfig.none());
    }

    /** The settings with the default settle on reused connections. */
    public FetchSettings(String userAgent, Duration connectTimeout, Duration firstByteTimeout,
            Duration responseTimeout, long maxBodyBytes, int maxHeaderBytes, boolean keepAlive,
            AddressPolicy addressPolicy, ResolveOverrides overrides, long minTransferRate,
            Duration transferRateWindow, List<X509Certificate> trustedCertificates) {
        this(userAgent, connectTimeout, firstByteTimeout, responseTimeout, maxBodyBytes, maxHeaderBytes, keepAlive,
                addressPolicy, overrides, minTransferRate, transferRateWindow, trustedCertificates,
                DEFAULT_REUSE_SETTLE);
    }

    /** The settings without a transfer-rate check or extra trusted certificates beyond the defaults. */
    public FetchSettings(String userAgent, Duration connectTimeout, Duration firstByteTimeout,
            Duration responseTimeout, long maxBodyBytes, int maxHeaderBytes, boolean keepAlive,
            AddressPolicy addressPolicy, ResolveOverrides overrides) {
        this(userAgent, connectTimeout, firstByteTimeout, responseTimeout, maxBodyBytes, maxHeaderBytes, keepAlive,
                addressPolicy, overrides, DEFAULT_MIN_TRANSFER_RATE, DEFAULT_TRANSFER_RATE_WINDOW, List.of(),
                DEFAULT_REUSE_SETTLE);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /**
     * Defaults for the real web: 10 s connect, 30 s first byte, 60 s whole, 10 MiB body, 64 KiB of
     * headers, at least 1 KiB/s over every 10 s.
     */
    public static FetchSettings defaults(String userAgent) {
        return new FetchSettings(userAgent, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 10L << 20, 64 << 10, true,
                AddressPolicy.publicOnly(), ResolveOverrides.none());
    }

    public FetchSettings withAddressPolicy(AddressPolicy policy) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, keepAlive, policy, overrides, minTransferRate, transferRateWindow,
                trustedCertificates, reuseSettle, proxy, extras);
    }

    public FetchSettings withOverrides(ResolveOverrides newOverrides) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, keepAlive, addressPolicy, newOverrides, minTransferRate,
                transferRateWindow, trustedCertificates, reuseSettle, proxy, extras);
    }

    /** With {@code firstByte} to wait for the first response byte and {@code response} for the whole. */
    public FetchSettings withTimeouts(Duration firstByte, Duration response) {
        return new FetchSettings(userAgent, connectTimeout, firstByte, response,
                maxBodyBytes, maxHeaderBytes, keepAlive, addressPolicy, overrides, minTransferRate,
                transferRateWindow, trustedCertificates, reuseSettle, proxy, extras);
    }

    public FetchSettings withFirstByteTimeout(Duration firstByte) {
        return withTimeouts(firstByte, responseTimeout);
    }

    public FetchSettings withResponseTimeout(Duration response) {
        return withTimeouts(firstByteTimeout, response);
    }

    /** These settings with a body limit of at most {@code max} (themselves if their limit is lower). */
    public FetchSettings withBodyLimitAtMost(long max) {
        return max < maxBodyBytes ? withMaxBodyBytes(max) : this;
    }

    public FetchSettings withMaxBodyBytes(long max) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                max, maxHeaderBytes, keepAlive, addressPolicy, overrides, minTransferRate, transferRateWindow,
                trustedCertificates, reuseSettle, proxy, extras);
    }

    /** With a minimum transfer rate of {@code bytesPerSecond} (0: off) measured over {@code window}. */
    public FetchSettings withMinTransferRate(long bytesPerSecond, Duration window) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, keepAlive, addressPolicy, overrides, bytesPerSecond, window,
                trustedCertificates, reuseSettle, proxy, extras);
    }

    /** With {@code certificates} trusted for https besides the JDK's own. */
    public FetchSettings withTrustedCertificates(List<X509Certificate> certificates) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, keepAlive, addressPolicy, overrides, minTransferRate,
                transferRateWindow, certificates, reuseSettle, proxy, extras);
    }

    /** With connections kept alive and reused between requests, or closed after each response. */
    public FetchSettings withKeepAlive(boolean reuse) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, reuse, addressPolicy, overrides, minTransferRate,
                transferRateWindow, trustedCertificates, reuseSettle, proxy, extras);
    }

    /** With requests going through the proxies {@code proxies} says. */
    public FetchSettings withProxy(ProxyConfig proxies) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, keepAlive, addressPolicy, overrides, minTransferRate,
                transferRateWindow, trustedCertificates, reuseSettle, proxies, extras);
    }

    /** With {@code more} added to each request and told of each response. */
    public FetchSettings withExtras(RequestExtras more) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, keepAlive, addressPolicy, overrides, minTransferRate,
                transferRateWindow, trustedCertificates, reuseSettle, proxy, more);
    }

    /** These settings with the proxies' names looked up (blocking: fetchers call it as they are built). */
    public FetchSettings withProxiesResolved() {
        ProxyConfig resolved = proxy.resolved();
        return resolved.equals(proxy) ? this : withProxy(resolved);
    }

    /** With responses on reused connections held {@code settle} for surplus bytes (0: not held). */
    public FetchSettings withReuseSettle(Duration settle) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, keepAlive, addressPolicy, overrides, minTransferRate,
                transferRateWindow, trustedCertificates, settle, proxy, extras);
    }
}
