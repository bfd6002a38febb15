package dev.crawler.robots;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.RetryPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the result of fetching robots.txt into rules, as RFC 9309 says: a 2xx body is parsed
 * (its first {@value #MAX_BYTES} bytes, cut back to the last whole line, so a rule cut in half is
 * not read as a shorter one); a 4xx allows everything, as does a redirect that could not be
 * followed within 5 hops (2.3.1.2: "MAY assume that the robots.txt file is unavailable"); a 5xx,
 * a 429 (the server is overloaded, as Google treats it) or a failed fetch disallows everything
 * until the rules are fetched again. Pure: no I/O here.
 */
public final class RobotsPolicy {

    /** How much of a robots.txt is fetched and parsed (RFC 9309 asks for at least 500 KiB). */
    public static final int MAX_BYTES = 500 * 1024;

    private final List<String> agentTokens;

    /** @param agentToken the product token robots.txt groups are matched against, such as {@code dev-crawler} */
    public RobotsPolicy(String agentToken) {
        this.agentTokens = List.of(agentToken.toLowerCase(Locale.ROOT));
    }

    public RobotsRules interpret(String robotsUrl, FetchResult result) {
        return switch (result) {
            case FetchResult.Response r when r.status() >= 200 && r.status() < 300 -> parse(robotsUrl, r);
            case FetchResult.Response r when r.status() == 429 -> unreachable("status 429", true);
            case FetchResult.Response r when r.status() >= 300 && r.status() < 500 -> missing();
            case FetchResult.Response r -> unreachable("status " + r.status(), RetryPolicy.retryable(r));
            case FetchResult.Failure f -> unreachable(f.error().code() + ": " + f.message(), RetryPolicy.retryable(f));
        };
    }

    /** Rules for a host whose robots.txt could not be obtained. */
    public static RobotsRules unreachable() {
        return unreachable("robots.txt could not be fetched", true);
    }

    /** Rules for a host whose robots.txt could not be obtained, why, and whether trying again may help. */
    public static RobotsRules unreachable(String why, boolean transientFailure) {
        return new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), RobotsRules.Source.UNREACHABLE, why,
                transientFailure);
    }

    private static RobotsRules missing() {
        return new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), RobotsRules.Source.MISSING);
    }

    private RobotsRules parse(String robotsUrl, FetchResult.Response r) {
        byte[] body = r.body();
        if (r.truncated() || body.length > MAX_BYTES) {
            body = wholeLines(Arrays.copyOf(body, Math.min(body.length, MAX_BYTES)));
        }
        String contentType = r.headers().first("Content-Type").orElse("text/plain");
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        // crawler-commons disallows everything past its own Crawl-delay limit; here a long
        // Crawl-delay is cut to maxCrawlDelay by the politeness policy instead
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
        return new RobotsRules(parser.parseContent(robotsUrl, body, contentType, agentTokens), RobotsRules.Source.PARSED);
    }

    /** {@code body} up to and including its last line break. */
    static byte[] wholeLines(byte[] body) {
        for (int i = body.length - 1; i >= 0; i--) {
            if (body[i] == '\n' || body[i] == '\r') {
                return Arrays.copyOf(body, i + 1);
            }
        }
        return new byte[0];
    }
}
