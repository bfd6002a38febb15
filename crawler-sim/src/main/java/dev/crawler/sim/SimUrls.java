package dev.crawler.sim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * URL resolution and normalization as the crawler does it: scheme and host lower-cased, default
 * port dropped, fragment dropped, dot-segments removed, empty path made "/".
 */
final class SimUrls {

    private SimUrls() {
    }

    /** Resolves {@code href} against the absolute URL {@code base} and normalizes the result. */
    static String resolve(String base, String href) {
        try {
            return normalize(new URI(base).resolve(new URI(href.strip())));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot resolve '" + href + "' against " + base, e);
        }
    }

    /** Normalizes an absolute http(s) URL. */
    static String normalize(String url) {
        try {
            return normalize(new URI(url.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + url + "'", e);
        }
    }

    static String normalize(URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null) {
            throw new IllegalArgumentException("not an absolute URL with a host: '" + uri + "'");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == defaultPort(scheme)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : removeDotSegments(uri.getRawPath());
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (port != -1) {
            out.append(':').append(port);
        }
        out.append(path);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return out.toString();
    }

    /** Path plus query of a normalized URL, e.g. "/page/3?x=1". */
    static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -2;
        };
    }

    /** RFC 3986 section 5.2.4, on an absolute path. */
    static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (s.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(s);
            }
        }
        return "/" + String.join("/", out);
    }
}
