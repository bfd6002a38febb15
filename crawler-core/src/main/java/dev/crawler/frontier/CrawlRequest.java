package dev.crawler.frontier;

import java.net.URI;
import java.util.Objects;

/**
 * One URL waiting to be fetched, with how it was found.
 *
 * @param url normalized absolute URL
 * @param hostKey the politeness key of its host ({@code scheme://host:port})
 * @param depth link hops from a seed (redirects do not add depth)
 * @param referrer the page that linked to it, or null for a seed
 * @param redirects how many redirects led here
 */
public record CrawlRequest(String url, String hostKey, int depth, String referrer, int redirects) {

    public CrawlRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(hostKey, "hostKey");
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0, was " + depth);
        }
        if (redirects < 0) {
            throw new IllegalArgumentException("redirects must be >= 0, was " + redirects);
        }
    }

    /** A request for {@code url} (already normalized), found at {@code depth} from {@code referrer}. */
    public static CrawlRequest of(String url, int depth, String referrer, int redirects) {
        return new CrawlRequest(url, hostKeyOf(url), depth, referrer, redirects);
    }

    public URI uri() {
        return URI.create(url);
    }

    /** The host of a host key: {@code example.com} for {@code http://example.com:80}. */
    public static String hostOfKey(String hostKey) {
        return hostKey.substring(hostKey.indexOf("://") + 3, hostKey.lastIndexOf(':'));
    }

    /**
     * {@code scheme://host:port} of a normalized URL, the port always explicit. Read off the text
     * (a normalized URL is {@code scheme://host[:port]/...}, with no user info), not by a full URI
     * parse: the coordinator asks this of every link it considers.
     *
     * @throws IllegalArgumentException if the text has no {@code ://}
     */
    public static String hostKeyOf(String normalizedUrl) {
        int schemeEnd = normalizedUrl.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("not an absolute URL: " + normalizedUrl);
        }
        int start = schemeEnd + 3;
        int end = start;
        while (end < normalizedUrl.length() && "/?#".indexOf(normalizedUrl.charAt(end)) < 0) {
            end++;
        }
        int bracket = normalizedUrl.charAt(start) == '[' ? normalizedUrl.indexOf(']', start) : start;
        int colon = normalizedUrl.indexOf(':', Math.max(bracket, start));
        if (colon >= 0 && colon < end - 1) {
            return normalizedUrl.substring(0, end);
        }
        String scheme = normalizedUrl.substring(0, schemeEnd);
        return normalizedUrl.substring(0, colon >= 0 && colon < end ? colon : end) + ":"
                + ("https".equals(scheme) ? 443 : 80);
    }
}
