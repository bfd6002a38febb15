package dev.crawler.engine;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Sitemaps waiting to be fetched ({@code --sitemaps}), per host, each at most once, and at most
 * {@value #MAX_PER_HOST} per host over the crawl (a sitemap index pointing at sitemap indexes
 * cannot make the crawl fetch sitemaps forever). Not thread-safe: the coordinator owns it.
 */
final class SitemapQueue {

    static final int MAX_PER_HOST = 50;

    private final Map<String, ArrayDeque<String>> pending = new HashMap<>();
    private final Map<String, Integer> taken = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private int size;

    /** Queues {@code url} of {@code hostKey}; false if it was seen before or the host's cap is reached. */
    boolean add(String hostKey, String url) {
        if (taken.getOrDefault(hostKey, 0) >= MAX_PER_HOST || !seen.add(url)) {
            return false;
        }
        taken.merge(hostKey, 1, Integer::sum);
        pending.computeIfAbsent(hostKey, k -> new ArrayDeque<>()).add(url);
        size++;
        return true;
    }

    boolean hasPending(String hostKey) {
        ArrayDeque<String> q = pending.get(hostKey);
        return q != null && !q.isEmpty();
    }

    /** The next sitemap of {@code hostKey}; call only when {@link #hasPending}. */
    String poll(String hostKey) {
        ArrayDeque<String> q = pending.get(hostKey);
        String url = q.poll();
        if (q.isEmpty()) {
            pending.remove(hostKey);
        }
        size--;
        return url;
    }

    int size() {
        return size;
    }
}
