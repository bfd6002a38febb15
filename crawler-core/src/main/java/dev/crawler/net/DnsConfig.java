package dev.crawler.net;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the asynchronous resolver talks to DNS.
 *
 * @param nameServers servers to ask, in order; empty means the system's ({@code /etc/resolv.conf})
 * @param queryTimeout time allowed for one DNS query
 * @param negativeTtl how long a failed lookup is remembered
 */
public record DnsConfig(List<InetSocketAddress> nameServers, Duration queryTimeout, Duration negativeTtl) {

    public DnsConfig {
        nameServers = List.copyOf(nameServers);
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(negativeTtl, "negativeTtl");
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("queryTimeout must be positive, was " + queryTimeout);
        }
        if (negativeTtl.isNegative()) {
            throw new IllegalArgumentException("negativeTtl must not be negative, was " + negativeTtl);
        }
    }

    /** The system's name servers, 5 s per query, failures remembered for 30 s. */
    public static DnsConfig system() {
        return new DnsConfig(List.of(), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** Only the given name servers (tests point this at an unused loopback port). */
    public static DnsConfig using(List<InetSocketAddress> servers, Duration queryTimeout) {
        return new DnsConfig(servers, queryTimeout, Duration.ofSeconds(30));
    }
}
