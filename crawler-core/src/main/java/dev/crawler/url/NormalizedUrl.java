package dev.crawler.url;

import java.util.Locale;
import java.util.Optional;

/**
 * An http or https URL in the crawler's canonical form, split into its parts. Instances exist
 * only through {@link #parse}, so every one is normalized; two URLs are the same page for the
 * crawler exactly when their {@link #toString()} forms are equal. See {@link UrlNormalizer} for
 * the rules.
 */
public final class NormalizedUrl {

    private final String scheme;
    private final String host;
    private final int port;
    private final String path;
    private final String query;
    private final String origin;
    private final String text;

    private NormalizedUrl(String scheme, String host, int port, String path, String query) {
        this(scheme, host, port, scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port), path, query);
    }

    /** With the origin already made: the URLs a page's links resolve to share their page's. */
    private NormalizedUrl(String scheme, String host, int port, String origin, String path, String query) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
        this.origin = origin;
        this.text = query == null ? origin + path : origin + path + "?" + query;
    }

    /**
     * Parses and normalizes an absolute URL, leniently as a browser does. Never throws.
     *
     * @return empty when {@code url} is null, not http(s), or malformed
     */
    public static Optional<NormalizedUrl> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String s = UrlText.clean(url);
        int colon = UrlText.schemeEnd(s);
        if (colon < 0) {
            return Optional.empty();
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        return parseHierarchical(scheme, s, colon + 1);
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return scheme;
    }

    /** The host: a lower-case ASCII name, a dotted-quad IPv4 address, or {@code [v6]}. */
    public String host() {
        return host;
    }

    /** The port, the scheme's default (80, 443) when the URL names none. */
    public int port() {
        return port;
    }

    /** Whether {@link #port()} is the scheme's default, and so not written in the URL. */
    public boolean hasDefaultPort() {
        return port == defaultPort(scheme);
    }

    /** The path, starting with "/". */
    public String path() {
        return path;
    }

    /** The query without "?", if any (never empty). */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /** {@code scheme://host[:port]}, the port only when not the default. */
    public String origin() {
        return origin;
    }

    /**
     * Resolves a reference (a link as written in a page) against this URL as a browser does, and
     * normalizes the result.
     *
     * @return empty when the result is not an http(s) URL or is malformed
     */
    public Optional<NormalizedUrl> resolve(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String ref = UrlText.clean(reference);
        int colon = UrlText.schemeEnd(ref);
        if (colon >= 0) {
            String rest = ref.substring(colon + 1);
            boolean sameScheme = ref.substring(0, colon).equalsIgnoreCase(scheme);
            // "http:page" and "http:/page" are relative to an http base, as in browsers.
            if (!sameScheme || startsWithTwoSlashes(rest)) {
                return parse(ref);
            }
            ref = rest;
        }
        if (ref.isEmpty() || ref.charAt(0) == '#') {
            return Optional.of(this);
        }
        if (startsWithTwoSlashes(ref)) {
            return parse(scheme + ":" + ref); // a new authority
        }
        return Optional.of(withPathAndQuery(ref));
    }

    /**
     * This URL's origin with a reference that keeps it (path-absolute, path-relative or
     * query-only, without a scheme): the host is already canonical, so only the path and query
     * are parsed, as {@link #parseHierarchical} would parse them after this origin.
     */
    private NormalizedUrl withPathAndQuery(String ref) {
        PathAndQuery parts = PathAndQuery.of(ref, 0);
        String rawPath;
        if (ref.charAt(0) == '?') {
            rawPath = path;
        } else if (UrlText.isSlash(ref.charAt(0))) {
            rawPath = parts.rawPath();
        } else {
            rawPath = path.substring(0, path.lastIndexOf('/') + 1) + parts.rawPath();
        }
        return new NormalizedUrl(scheme, host, port, origin, PathNormalizer.normalize(rawPath), parts.query());
    }

    /**
     * The path (as written) and the query (normalized, null if none or empty) of {@code s} from
     * {@code from} on: the path runs to the first '?', the query from there to the first '#'.
     */
    private record PathAndQuery(String rawPath, String query) {

        static PathAndQuery of(String s, int from) {
            int hash = s.indexOf('#', from);
            int end = hash < 0 ? s.length() : hash;
            int question = s.indexOf('?', from);
            int pathEnd = question >= 0 && question < end ? question : end;
            String rawQuery = pathEnd < end ? s.substring(pathEnd + 1, end) : "";
            return new PathAndQuery(s.substring(from, pathEnd),
                    rawQuery.isEmpty() ? null : PercentEncoding.normalize(rawQuery, PercentEncoding.Component.QUERY));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedUrl other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical URL string. */
    @Override
    public String toString() {
        return text;
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static boolean startsWithTwoSlashes(String s) {
        return s.length() > 1 && UrlText.isSlash(s.charAt(0)) && UrlText.isSlash(s.charAt(1));
    }

    /** Parses what follows "http:" or "https:"; any run of slashes and backslashes is skipped. */
    private static Optional<NormalizedUrl> parseHierarchical(String scheme, String s, int from) {
        int start = from;
        while (start < s.length() && UrlText.isSlash(s.charAt(start))) {
            start++;
        }
        int hash = s.indexOf('#', start);
        int end = hash < 0 ? s.length() : hash;
        int authorityEnd = start;
        while (authorityEnd < end && !UrlText.isSlash(s.charAt(authorityEnd)) && s.charAt(authorityEnd) != '?') {
            authorityEnd++;
        }
        PathAndQuery parts = PathAndQuery.of(s, authorityEnd);
        String path = PathNormalizer.normalize(parts.rawPath());
        return authority(scheme, s.substring(start, authorityEnd))
                .map(a -> new NormalizedUrl(scheme, a.host(), a.port(), path, parts.query()));
    }

    private record Authority(String host, int port) {
    }

    /** Host and port of an authority; any userinfo ("user:pass@") is dropped. */
    private static Optional<Authority> authority(String scheme, String raw) {
        String hostPort = raw.substring(raw.lastIndexOf('@') + 1);
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(0, hostPort.indexOf(']')))
                : hostPort.indexOf(':');
        String rawHost = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
        String rawPort = portColon < 0 ? "" : hostPort.substring(portColon + 1);
        int port = port(rawPort, scheme);
        if (port < 0) {
            return Optional.empty();
        }
        return HostNormalizer.canonical(rawHost).map(h -> new Authority(h, port));
    }

    /** The port number, the default for an empty port, or -1 when invalid. */
    private static int port(String raw, String scheme) {
        if (raw.isEmpty()) {
            return defaultPort(scheme);
        }
        int value = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!UrlText.isAsciiDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value > 65535) {
                return -1;
            }
        }
        return value;
    }
}
