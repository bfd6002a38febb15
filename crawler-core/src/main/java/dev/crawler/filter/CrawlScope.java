package dev.crawler.filter;

import dev.crawler.filter.Scope;
import dev.crawler.frontier.CrawlRequest;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a host is in scope of a crawl, given the hosts of its seeds. Answers are memoized per
 * host, since links to the same host repeat. Not thread-safe: used by the coordinator only.
 */
public final class CrawlScope {

    private final Scope scope;
    private final Set<String> seedHosts = new LinkedHashSet<>();
    private final Map<String, Boolean> answers = new HashMap<>();

    public CrawlScope(Scope scope, List<String> seeds) {
        this.scope = scope;
        for (String seed : seeds) {
            seedHosts.add(URI.create(seed).getHost());
        }
    }

    /** Whether URLs of {@code hostKey} ({@code scheme://host:port}, see {@link CrawlRequest#hostKeyOf}) are in scope. */
    public boolean allows(String hostKey) {
        if (scope == Scope.ANY) {
            return true;
        }
        return answers.computeIfAbsent(CrawlRequest.hostOfKey(hostKey), this::decide);
    }

    private boolean decide(String host) {
        for (String seedHost : seedHosts) {
            if (scope.allows(seedHost, host)) {
                return true;
            }
        }
        return false;
    }
}
