package dev.crawler.fetch.proxy;

import dev.crawler.fetch.Credentials;
import dev.crawler.net.IpLiteral;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One proxy: its kind, where it listens and how to log in to it, parsed from a URL such as
 * {@code http://user:pass@proxy.example:3128} or {@code socks5://127.0.0.1:1080}. The port defaults
 * to 1080 for SOCKS5 and 3128 for HTTP, as the proxies themselves listen by default.
 * {@link #toString()} shows the URL without the password.
 *
 * @param kind how the proxy is spoken to
 * @param address where it listens; unresolved until {@link #resolved()} looks the name up
 * @param credentials the user and password it asks for, if any
 */
public record ProxyServer(Kind kind, InetSocketAddress address, Optional<Credentials> credentials) {

    /** The kinds of proxy the crawler speaks. */
    public enum Kind {
        /** An HTTP proxy: plain http forwarded, https tunnelled with {@code CONNECT}. */
        HTTP,
        /** A SOCKS5 proxy (RFC 1928), with user and password (RFC 1929) if given. */
        SOCKS5
    }

    public ProxyServer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The proxy a URL names; fails with a message saying what is wrong and what is accepted. A URL
     * without a scheme is taken as {@code http://}, as curl and wget take it.
     */
    public static ProxyServer parse(String url) {
        String text = Objects.requireNonNull(url, "url").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("proxy URL is empty");
        }
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        Kind kind = switch (scheme) {
            case "http" -> Kind.HTTP;
            case "socks5" -> Kind.SOCKS5;
            case "https" -> throw invalid(url, "TLS to the proxy itself is not supported; use http:// (https"
                    + " targets are still tunnelled with CONNECT)");
            case "socks5h", "socks4", "socks4a" -> throw invalid(url, scheme + ":// is not supported; use"
                    + " socks5:// (the crawler resolves and checks each address, then hands it to the proxy)");
            default -> throw invalid(url, "unknown scheme '" + scheme + "'");
        };
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(url, "no host");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(url, "a proxy URL has no path, query or fragment");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : kind == Kind.SOCKS5 ? 1080 : 3128;
        host = IpLiteral.stripBrackets(host).toLowerCase(Locale.ROOT);
        InetSocketAddress address = IpLiteral.parse(host)
                .map(ip -> new InetSocketAddress(ip, port))
                .orElseGet(() -> InetSocketAddress.createUnresolved(uri.getHost(), port));
        return new ProxyServer(kind, address, credentials(uri.getRawUserInfo(), url));
    }

    private static Optional<Credentials> credentials(String rawUserInfo, String url) {
        if (rawUserInfo == null) {
            return Optional.empty();
        }
        int colon = rawUserInfo.indexOf(':');
        String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
        try {
            return Optional.of(new Credentials(user, password));
        } catch (IllegalArgumentException e) {
            throw invalid(url, e.getMessage());
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException("invalid proxy URL '" + redact(url) + "': " + why
                + " (expected http://[user:pass@]host[:port] or socks5://[user:pass@]host[:port])");
    }

    /** {@code url} with any password replaced by {@code ***}, for messages. */
    static String redact(String url) {
        int at = url.lastIndexOf('@');
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        if (at < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        return colon >= 0 && colon < at ? url.substring(0, colon + 1) + "***" + url.substring(at) : url;
    }

    /**
     * This proxy with its host name looked up (blocking: call it where waiting is allowed, never
     * on an event loop); itself if it was given as an address.
     */
    public ProxyServer resolved() {
        if (!address.isUnresolved()) {
            return this;
        }
        try {
            InetAddress ip = InetAddress.getByName(address.getHostString());
            return new ProxyServer(kind, new InetSocketAddress(ip, address.getPort()), credentials);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the proxy's host '" + address.getHostString()
                    + "': check --proxy or the *_proxy environment variables");
        }
    }

    /** {@code host:port} of the proxy, as named. */
    public String authority() {
        String host = address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + "://" + credentials.map(c -> c.user() + ":***@").orElse("")
                + authority();
    }
}
