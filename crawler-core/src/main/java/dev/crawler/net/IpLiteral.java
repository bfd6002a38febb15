package dev.crawler.net;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** IP address literals, parsed without ever consulting DNS. */
public final class IpLiteral {

    private IpLiteral() {
    }

    /**
     * The address written in {@code text} if it is an IPv4 or IPv6 literal (IPv6 may be in
     * brackets, as in a URL host), otherwise empty. Never performs a lookup.
     */
    public static Optional<InetAddress> parse(String text) {
        String bare = stripBrackets(text);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty(); // only thrown for an illegal length, which NetUtil never returns
        }
    }

    /** {@code [::1]} becomes {@code ::1}; anything else is returned unchanged. */
    public static String stripBrackets(String host) {
        if (host.length() >= 2 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    /**
     * For an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) the IPv4 address it carries;
     * any other address unchanged.
     */
    public static InetAddress unmapped(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        if (b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are a valid IPv4 address", e);
        }
    }
}
