package dev.crawler.robots;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.crawler.fetch.FetchResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the result of fetching robots.txt into rules, as RFC 9309 says: a 2xx body is parsed
 * (the first {@value #MAX_BYTES} bytes at most), a 4xx allows everything, a 5xx or a failed
 * fetch disallows everything until the rules are fetched again. Pure: no I/O here.
 */
public final class RobotsPolicy {

    /** How much of a robots.txt is parsed (RFC 9309 asks for at least 500 KiB). */
    public static final int MAX_BYTES = 500 * 1024;

    private final List<String> agentTokens;

    /** @param agentToken the product token robots.txt groups are matched against, such as {@code dev-crawler} */
    public RobotsPolicy(String agentToken) {
        this.agentTokens = List.of(agentToken.toLowerCase(Locale.ROOT));
    }

    public RobotsRules interpret(String robotsUrl, FetchResult result) {
        return switch (result) {
            case FetchResult.Response r when r.status() >= 200 && r.status() < 300 -> parse(robotsUrl, r);
            case FetchResult.Response r when r.status() >= 400 && r.status() < 500 ->
                    new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), RobotsRules.Source.MISSING);
            default -> unreachable();
        };
    }

    /** Rules for a host whose robots.txt could not be obtained. */
    public static RobotsRules unreachable() {
        return new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), RobotsRules.Source.UNREACHABLE);
    }

    private RobotsRules parse(String robotsUrl, FetchResult.Response r) {
        byte[] body = r.body().length > MAX_BYTES ? Arrays.copyOf(r.body(), MAX_BYTES) : r.body();
        String contentType = r.headers().first("Content-Type").orElse("text/plain");
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        return new RobotsRules(parser.parseContent(robotsUrl, body, contentType, agentTokens), RobotsRules.Source.PARSED);
    }
}
