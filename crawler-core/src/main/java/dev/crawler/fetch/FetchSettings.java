package dev.crawler.fetch;

import dev.crawler.net.AddressPolicy;
import dev.crawler.net.ResolveOverrides;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTP semantics and limits shared by every fetcher, so that modes differ in their I/O model only.
 *
 * @param userAgent value of the User-Agent header
 * @param connectTimeout time allowed to open a TCP connection
 * @param firstByteTimeout time allowed between sending the request and the first response byte
 * @param responseTimeout time allowed for the whole exchange, from the start of the request
 * @param maxBodyBytes largest decoded body kept; past it the response is marked truncated
 * @param maxHeaderBytes largest status line plus headers accepted
 * @param keepAlive whether connections are reused (false sends {@code Connection: close})
 * @param addressPolicy which resolved destinations may be contacted
 * @param overrides host names resolved to fixed addresses ({@code --resolve})
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
        ResolveOverrides overrides) {

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
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** Defaults for the real web: 10 s connect, 30 s first byte, 60 s whole, 10 MiB body. */
    public static FetchSettings defaults(String userAgent) {
        return new FetchSettings(userAgent, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 10L << 20, 64 << 10, true,
                AddressPolicy.publicOnly(), ResolveOverrides.none());
    }

    public FetchSettings withAddressPolicy(AddressPolicy policy) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, keepAlive, policy, overrides);
    }

    public FetchSettings withOverrides(ResolveOverrides newOverrides) {
        return new FetchSettings(userAgent, connectTimeout, firstByteTimeout, responseTimeout,
                maxBodyBytes, maxHeaderBytes, keepAlive, addressPolicy, newOverrides);
    }
}
