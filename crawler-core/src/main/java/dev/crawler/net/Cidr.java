package dev.crawler.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A range of IPv4 or IPv6 addresses in CIDR notation, such as {@code 127.0.0.0/8} or
 * {@code ::1/128}. The network address is stored with its host bits cleared, so
 * {@code 127.0.0.1/8} and {@code 127.0.0.0/8} are the same range.
 *
 * @param network the first address of the range
 * @param prefixLength number of leading bits that every address in the range shares
 */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length must be between 0 and " + bits
                    + " for " + network.getHostAddress() + ", was " + prefixLength);
        }
        network = masked(network, prefixLength);
    }

    /**
     * Parses {@code a.b.c.d/n}, {@code x:y::z/n}, or a bare address (a range of one address).
     *
     * @throws IllegalArgumentException naming {@code text} if it is not a valid range
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = IpLiteral.parse(addressPart).orElseThrow(() -> new IllegalArgumentException(
                "not a CIDR range: '" + text + "' (expected an IP address with an optional /prefix,"
                        + " such as 127.0.0.0/8 or ::1/128)"));
        int bits = address.getAddress().length * 8;
        if (slash < 0) {
            return new Cidr(address, bits);
        }
        return new Cidr(address, parsePrefix(text, trimmed.substring(slash + 1), bits));
    }

    private static int parsePrefix(String text, String prefix, int bits) {
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a CIDR range: '" + text + "' (the prefix after '/'"
                    + " must be a number from 0 to " + bits + ")");
        }
        int n = Integer.parseInt(prefix);
        if (n > bits) {
            throw new IllegalArgumentException("not a CIDR range: '" + text + "' (prefix /" + n
                    + " is longer than the " + bits + " bits of the address)");
        }
        return n;
    }

    /** Whether {@code address} lies in this range; IPv4-mapped IPv6 addresses count as IPv4. */
    public boolean contains(InetAddress address) {
        byte[] candidate = IpLiteral.unmapped(address).getAddress();
        byte[] net = network.getAddress();
        if (candidate.length != net.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != net[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (net[full] & mask);
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        byte[] b = address.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            b[i] &= (byte) ((0xff << (8 - keep)) & 0xff);
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError("address of valid length", e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
