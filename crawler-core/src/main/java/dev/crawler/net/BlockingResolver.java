package dev.crawler.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves host names on the calling thread, for the blocking fetchers: overrides first, then IP
 * literals, then a {@link NameLookup}. Of several addresses the first IPv4 one is chosen, as the
 * asynchronous resolver does.
 */
public final class BlockingResolver {

    private final ResolveOverrides overrides;
    private final NameLookup lookup;

    public BlockingResolver(ResolveOverrides overrides, NameLookup lookup) {
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The address to connect to for {@code host}; blocks while the lookup runs. */
    public InetAddress resolve(String host) throws UnknownHostException {
        Optional<InetAddress> known = overrides.known(host);
        if (known.isPresent()) {
            return known.get();
        }
        return preferIpv4(host, lookup.lookup(IpLiteral.stripBrackets(host)));
    }

    static InetAddress preferIpv4(String host, InetAddress[] all) throws UnknownHostException {
        if (all == null || all.length == 0) {
            throw new UnknownHostException(host + ": no addresses");
        }
        for (InetAddress a : all) {
            if (a instanceof Inet4Address) {
                return a;
            }
        }
        return all[0];
    }
}
