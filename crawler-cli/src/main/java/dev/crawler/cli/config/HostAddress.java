package dev.crawler.cli.config;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * One {@code --resolve HOST=IP} pin: a host name and the literal address it resolves to. The
 * address must be an IP literal; it is never looked up in DNS.
 *
 * @param host the host name, lower-cased
 * @param address where it resolves
 */
public record HostAddress(String host, InetAddress address) {

    public static final String FORMAT_HINT = "expected HOST=IP, such as site-1.sim=127.0.1.1";

    /** Parses {@code HOST=IP}. */
    public static HostAddress parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "': " + FORMAT_HINT);
        }
        String host = text.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String ip = text.substring(eq + 1).trim();
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        if (host.isEmpty() || host.contains("/") || host.contains(":")) {
            throw new IllegalArgumentException("'" + text + "': '" + host + "' is not a host name; " + FORMAT_HINT);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "': '" + ip + "' is not an IP address; " + FORMAT_HINT);
        }
        try {
            return new HostAddress(host, InetAddress.getByAddress(host, bytes));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return host + "=" + address.getHostAddress();
    }
}
