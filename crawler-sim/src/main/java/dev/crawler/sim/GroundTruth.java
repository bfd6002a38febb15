package dev.crawler.sim;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a correct crawl of the simulated web does, from given seeds, with scope "any", robots.txt
 * honored and nofollow honored. URLs are normalized: lower-case scheme and host, non-default port
 * kept, no fragment, no dot-segments, "/" for an empty path.
 *
 * @param mustFetch every URL a correct crawler requests (pages, redirect sources and targets, 404s),
 *     never {@code /robots.txt}
 * @param mustNotFetch URLs it must never request: robots-disallowed ones it finds, those only
 *     reachable through nofollow links or pages, and the decoys of document-layout pages (link-shaped
 *     text in scripts, styles, comments and escaped text, which no HTML parser sees as a link)
 * @param expectedStatus the status each {@code mustFetch} URL is served with (200, 301, 302, 404)
 */
public record GroundTruth(Set<String> mustFetch, Set<String> mustNotFetch, Map<String, Integer> expectedStatus) {

    public GroundTruth {
        mustFetch = Collections.unmodifiableSortedSet(new TreeSet<>(mustFetch));
        mustNotFetch = Collections.unmodifiableSortedSet(new TreeSet<>(mustNotFetch));
        expectedStatus = Collections.unmodifiableSortedMap(new TreeMap<>(expectedStatus));
    }

    /** The {@code mustFetch} URLs served with {@code status}. */
    public Set<String> withStatus(int status) {
        TreeSet<String> out = new TreeSet<>();
        expectedStatus.forEach((url, s) -> {
            if (s == status) {
                out.add(url);
            }
        });
        return Collections.unmodifiableSortedSet(out);
    }

    /**
     * Prints one line per URL, tab-separated: {@code fetch <status> <url>} for each URL to fetch,
     * then {@code never - <url>} for each URL that must not be fetched.
     */
    public void writeTo(Appendable out) throws IOException {
        for (String url : mustFetch) {
            out.append("fetch\t").append(String.valueOf(expectedStatus.get(url))).append('\t').append(url).append('\n');
        }
        for (String url : mustNotFetch) {
            out.append("never\t-\t").append(url).append('\n');
        }
    }
}
