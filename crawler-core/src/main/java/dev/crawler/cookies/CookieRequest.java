package dev.crawler.cookies;

import dev.crawler.fetch.http.RequestTarget;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A request URI as cookies see it: its host, its path and whether it is secure.
 *
 * @param host the host, lower-case, IPv6 without brackets
 * @param path the raw (percent-encoded) path, at least {@code /}, without the query
 * @param secure whether the scheme is https
 */
record CookieRequest(String host, String path, boolean secure) {

    /**
     * The request to {@code uri}, or empty unless it is an http or https URI with a host; a host
     * with an empty label ({@code .example.com}, {@code a..example.com}) is none.
     */
    static Optional<CookieRequest> of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String host = RequestTarget.hostOf(uri);
        if (host.isEmpty() || host.startsWith(".") || host.contains("..")) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return Optional.of(new CookieRequest(host, path, scheme.equals("https")));
    }

    /** Whether the host is an IP address, which takes host-only cookies only. */
    boolean hostIsIpAddress() {
        return CookieDomains.isIpAddress(host);
    }
}
