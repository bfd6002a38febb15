package dev.crawler.net;

import io.netty.channel.EventLoop;
import io.netty.resolver.ResolvedAddressTypes;
import io.netty.resolver.dns.DefaultDnsCache;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProvider;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.resolver.dns.SequentialDnsServerAddressStreamProvider;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves host names without blocking, on one event loop: overrides first, then IP literals,
 * then Netty's {@link DnsNameResolver} running on that same loop. Answers are cached by TTL
 * (Netty's cache, at least 30 s and at most one hour) and failures for
 * {@link DnsConfig#negativeTtl()}; concurrent lookups of one name share one query.
 *
 * <p>Build it off the event loop (building reads {@code /etc/resolv.conf} and the hosts file);
 * call {@link #resolve} on the loop.
 */
// public for the async engine (fetch.netty), not API: the Netty types in its signatures are not
// the module's to re-export
@SuppressWarnings("exports")
public final class AsyncResolver implements AutoCloseable {

    private static final int MIN_TTL_SECONDS = 30;
    private static final int MAX_TTL_SECONDS = 3600;

    private final EventLoop loop;
    private final ResolveOverrides overrides;
    private final DnsNameResolver dns;

    public AsyncResolver(EventLoop loop, IoTransport transport, ResolveOverrides overrides, DnsConfig config) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.dns = new DnsNameResolverBuilder(loop)
                .datagramChannelFactory(transport.datagrams())
                .socketChannelFactory(transport.sockets())
                .nameServerProvider(nameServers(config))
                .queryTimeoutMillis(config.queryTimeout().toMillis())
                .resolvedAddressTypes(ResolvedAddressTypes.IPV4_PREFERRED)
                .resolveCache(new DefaultDnsCache(MIN_TTL_SECONDS, MAX_TTL_SECONDS,
                        (int) config.negativeTtl().toSeconds()))
                .consolidateCacheSize(1024)
                .build();
    }

    private static DnsServerAddressStreamProvider nameServers(DnsConfig config) {
        return config.nameServers().isEmpty()
                ? DnsServerAddressStreamProviders.platformDefault()
                : new SequentialDnsServerAddressStreamProvider(config.nameServers());
    }

    /**
     * The address to connect to for {@code host}. The future completes on the event loop; it fails
     * with an {@link java.net.UnknownHostException} when the name does not resolve.
     */
    public Future<InetAddress> resolve(String host) {
        Optional<InetAddress> known = overrides.known(host);
        if (known.isPresent()) {
            return loop.newSucceededFuture(known.get());
        }
        return dns.resolve(host);
    }

    @Override
    public void close() {
        dns.close();
    }
}
