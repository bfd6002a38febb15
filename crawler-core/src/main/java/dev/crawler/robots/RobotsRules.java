package dev.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The robots.txt rules of one host, and where they came from.
 *
 * @param rules the parsed rules (crawler-commons)
 * @param source how they were obtained, which decides how long they are trusted
 */
public record RobotsRules(BaseRobotRules rules, Source source) {

    /** How the rules were obtained. */
    public enum Source {
        /** A robots.txt was fetched and parsed. */
        PARSED,
        /** robots.txt answered 4xx: everything is allowed (RFC 9309 2.3.1.3). */
        MISSING,
        /** robots.txt answered 5xx or could not be fetched: everything is disallowed for now (2.3.1.4). */
        UNREACHABLE
    }

    public RobotsRules {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(source, "source");
    }

    public boolean allows(String url) {
        return rules.isAllowed(url);
    }

    /** The Crawl-delay the host asks for, if any. */
    public Optional<Duration> crawlDelay() {
        long ms = rules.getCrawlDelay();
        return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }
}
