package dev.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The robots.txt rules of one host, and where they came from.
 *
 * @param rules the parsed rules (crawler-commons)
 * @param source how they were obtained, which decides how long they are trusted
 * @param detail for {@link Source#UNREACHABLE}, what went wrong (such as {@code status 503}); else ""
 * @param transientFailure for {@link Source#UNREACHABLE}, whether fetching again may help (a 5xx,
 *     a timeout; not a TLS or DNS failure)
 */
public record RobotsRules(BaseRobotRules rules, Source source, String detail, boolean transientFailure) {

    /** How the rules were obtained. */
    public enum Source {
        /** A robots.txt was fetched and parsed. */
        PARSED,
        /** robots.txt answered 4xx, or redirected too often: everything is allowed (RFC 9309 2.3.1.2, 2.3.1.3). */
        MISSING,
        /** robots.txt answered 5xx or 429, or could not be fetched: everything is disallowed for now (2.3.1.4). */
        UNREACHABLE
    }

    public RobotsRules {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
    }

    public RobotsRules(BaseRobotRules rules, Source source) {
        this(rules, source, "", false);
    }

    public boolean allows(String url) {
        return rules.isAllowed(url);
    }

    /** The Crawl-delay the host asks for, if any. */
    public Optional<Duration> crawlDelay() {
        long ms = rules.getCrawlDelay();
        return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }

    /** The sitemap URLs robots.txt lists (as written). */
    public List<String> sitemaps() {
        return List.copyOf(rules.getSitemaps());
    }
}
