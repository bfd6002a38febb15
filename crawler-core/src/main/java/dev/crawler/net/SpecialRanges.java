package dev.crawler.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The IANA special-purpose address ranges (RFC 6890 and successors) that a crawler must not
 * contact by default: loopback, private, link-local, unique-local, multicast, unspecified,
 * carrier-grade NAT, documentation, benchmarking and reserved space. Everything else is public.
 */
final class SpecialRanges {

    private record Range(Cidr cidr, String kind) {
    }

    private static final List<Range> RANGES = List.of(
            range("0.0.0.0/8", "unspecified"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "carrier-grade NAT"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "reserved"),
            range("192.0.2.0/24", "documentation"),
            range("192.168.0.0/16", "private"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("255.255.255.255/32", "broadcast"),
            range("240.0.0.0/4", "reserved"),
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("100::/64", "reserved"),
            range("2001:db8::/32", "documentation"),
            range("fc00::/7", "unique-local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"));

    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

    private SpecialRanges() {
    }

    private static Range range(String cidr, String kind) {
        return new Range(Cidr.parse(cidr), kind);
    }

    /**
     * The kind of special-purpose range {@code address} lies in (such as {@code loopback},
     * {@code private}, {@code link-local}), or empty for a public address. IPv4-mapped and
     * NAT64 IPv6 addresses are classified by the IPv4 address they carry.
     */
    public static Optional<String> classify(InetAddress address) {
        InetAddress a = embeddedIpv4(IpLiteral.unmapped(address));
        for (Range r : RANGES) {
            if (r.cidr().contains(a)) {
                return Optional.of(r.kind());
            }
        }
        return Optional.empty();
    }

    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!NAT64.contains(address)) {
            return address;
        }
        byte[] b = address.getAddress();
        return IpLiteral.parse((b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "."
                + (b[15] & 0xff)).orElseThrow();
    }
}
