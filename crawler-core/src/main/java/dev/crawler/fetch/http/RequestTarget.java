package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import dev.crawler.net.IpLiteral;
import java.net.URI;
import java.util.Locale;

/**
 * Where one GET goes, taken apart from its URI: the scheme, the host to resolve, the port, the
 * request target ({@code /path?query}, never the fragment) and the value of the Host header.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host to resolve, without IPv6 brackets, lower-cased
 * @param port the port, the scheme's default if the URI has none
 * @param path the origin-form request target, at least {@code /}
 * @param hostHeader the Host header: the host (bracketed if IPv6) plus the port if not the default
 */
public record RequestTarget(String scheme, String host, int port, String path, String hostHeader) {

    /** Takes {@code uri} apart, or fails with UNSUPPORTED_SCHEME or PROTOCOL (no host). */
    public static RequestTarget of(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> throw new FetchException(FetchError.UNSUPPORTED_SCHEME,
                    "unsupported scheme '" + scheme + "' (only http and https are fetched)");
        };
        String host = hostOf(uri);
        if (host.isEmpty()) {
            throw new FetchException(FetchError.PROTOCOL, "URL has no host: " + uri);
        }
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        String hostHeader = (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                + (port == defaultPort ? "" : ":" + port);
        return new RequestTarget(scheme, host, port, pathOf(uri), hostHeader);
    }

    /** The request target in absolute form ({@code http://host:port/path?query}), for a forwarding proxy. */
    public String absoluteForm() {
        return scheme + "://" + hostHeader + path;
    }

    public boolean secure() {
        return scheme.equals("https");
    }

    /**
     * The host of {@code uri}, lower-cased and without IPv6 brackets, also for names {@link URI}
     * finds no host in (such as {@code a_b.example}); empty if it has none.
     */
    public static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            host = hostOfAuthority(uri.getRawAuthority()); // names URI rejects, such as a_b.example
        }
        return host == null ? "" : IpLiteral.stripBrackets(host).toLowerCase(Locale.ROOT);
    }

    private static String hostOfAuthority(String authority) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? "" : hostPort.substring(0, close + 1);
        }
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
