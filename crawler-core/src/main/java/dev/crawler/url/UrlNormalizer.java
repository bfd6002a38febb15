package dev.crawler.url;

import java.util.Optional;

/**
 * URL normalization: the one spelling of a URL that the seen set, the frontier, scope rules and
 * the exporters all use. Parsing is lenient like a browser's, and no input string makes it throw.
 *
 * <p>Rules, in order:
 * <ul>
 *   <li>leading and trailing spaces and control characters are trimmed; tabs and line breaks
 *       inside are removed;</li>
 *   <li>only {@code http} and {@code https} are kept (any other scheme, or none, gives empty);
 *       the scheme is lower-cased; slashes and backslashes after it are skipped, so
 *       {@code http:\\host} and {@code http:///host} name {@code http://host/};</li>
 *   <li>userinfo ({@code user:pass@}) is <em>dropped</em>: the crawler never sends credentials
 *       found in links, and never writes them to the index;</li>
 *   <li>the host is percent-decoded, converted to ASCII (IDNA, punycode), lower-cased and loses a
 *       trailing dot; IPv4 addresses in any spelling browsers accept ({@code 0x7f.1},
 *       {@code 2130706433}) become dotted quads, IPv6 literals their RFC 5952 form; names that
 *       {@link java.net.URI} would not accept as a server host (such as {@code a_b.com}) give
 *       empty;</li>
 *   <li>the port is dropped when it is the scheme's default (80, 443), leading zeros removed;
 *       a port that is not a number up to 65535 gives empty;</li>
 *   <li>in the path, backslashes are slashes; each segment's percent-encoding is normalized
 *       (upper-case hex, unreserved characters decoded: {@code %7E} becomes {@code ~}, space,
 *       non-ASCII (as UTF-8) and other characters not allowed in a path encoded, a stray
 *       {@code %} becomes {@code %25}, reserved characters and {@code %2F} kept as they are);
 *       then dot-segments are removed (RFC 3986 section 5.2.4, never above the root); an empty
 *       path becomes "/";</li>
 *   <li>the query gets the same percent-encoding normalization (its parameters are not
 *       reordered); an empty query ("?" alone) is dropped;</li>
 *   <li>the fragment is dropped.</li>
 * </ul>
 * Normalization is idempotent, and every result parses with {@link java.net.URI} with a
 * non-null host.
 */
public final class UrlNormalizer {

    private UrlNormalizer() {
    }

    /**
     * The normalized form of an absolute URL.
     *
     * @return empty when the input is null, not http(s), or malformed
     */
    public static Optional<String> normalize(String absoluteUrl) {
        return NormalizedUrl.parse(absoluteUrl).map(NormalizedUrl::toString);
    }

    /**
     * Resolves {@code href} (a link as written in a page: absolute, scheme-relative, path-absolute,
     * relative, query- or fragment-only) against {@code baseUrl} as a browser does, then
     * normalizes the result.
     *
     * @return empty when the result is not an http(s) URL or is malformed, or when {@code href}
     *     is relative and {@code baseUrl} is unusable
     */
    public static Optional<String> resolve(String baseUrl, String href) {
        if (href == null) {
            return Optional.empty();
        }
        Optional<NormalizedUrl> base = NormalizedUrl.parse(baseUrl);
        if (base.isEmpty()) {
            // A base is needed only for relative references.
            return normalize(href);
        }
        return base.get().resolve(href).map(NormalizedUrl::toString);
    }

    /**
     * The host of a URL as normalization writes it (lower-case, punycode, {@code [v6]} in brackets),
     * without the port.
     *
     * @throws IllegalArgumentException if {@code url} is not an http(s) URL
     */
    public static String host(String url) {
        return NormalizedUrl.parse(url).map(NormalizedUrl::host)
                .orElseThrow(() -> new IllegalArgumentException("not an http(s) URL: " + url));
    }
}
