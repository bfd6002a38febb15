package dev.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.ResponseHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RobotsPolicyTest {

    private static final String URL = "http://a.test/robots.txt";
    private final RobotsPolicy policy = new RobotsPolicy("dev-crawler");

    private static FetchResult.Response response(int status, String body) {
        return new FetchResult.Response(URI.create(URL), status,
                new ResponseHeaders(List.of(Map.entry("Content-Type", "text/plain"))),
                body.getBytes(StandardCharsets.UTF_8), false, Instant.now(), Duration.ofMillis(1), true);
    }

    @Test
    void parsesRulesForOurAgentAndTheWildcard() {
        RobotsRules rules = policy.interpret(URL, response(200, """
                User-agent: other
                Disallow: /

                User-agent: *
                Disallow: /private/
                Crawl-delay: 2
                """));
        assertThat(rules.source()).isEqualTo(RobotsRules.Source.PARSED);
        assertThat(rules.allows("http://a.test/page")).isTrue();
        assertThat(rules.allows("http://a.test/private/x")).isFalse();
        assertThat(rules.crawlDelay()).contains(Duration.ofSeconds(2));
    }

    @Test
    void aGroupNamingUsWins() {
        RobotsRules rules = policy.interpret(URL, response(200, """
                User-agent: *
                Disallow: /

                User-agent: dev-crawler
                Disallow: /only-this/
                """));
        assertThat(rules.allows("http://a.test/page")).isTrue();
        assertThat(rules.allows("http://a.test/only-this/x")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"301, true", "302, true", "401, true", "403, true", "404, true", "410, true", "429, false",
        "500, false", "503, false"})
    void statusCodesMapToPolicyAsRfc9309Says(int status, boolean allowed) {
        RobotsRules rules = policy.interpret(URL, response(status, "User-agent: *\nDisallow: /\n"));
        assertThat(rules.allows("http://a.test/page")).isEqualTo(allowed);
    }

    @Test
    void anUnreachableRobotsTxtDisallowsEverything() {
        RobotsRules rules = policy.interpret(URL, new FetchResult.Failure(URI.create(URL), FetchError.CONNECT,
                "refused", Instant.now(), Duration.ZERO));
        assertThat(rules.source()).isEqualTo(RobotsRules.Source.UNREACHABLE);
        assertThat(rules.allows("http://a.test/")).isFalse();
    }

    @Test
    void onlyTheFirst500KibAreParsed() {
        String filler = "# " + "x".repeat(RobotsPolicy.MAX_BYTES) + "\n";
        RobotsRules rules = policy.interpret(URL, response(200, filler + "User-agent: *\nDisallow: /\n"));
        assertThat(rules.allows("http://a.test/page")).isTrue();
    }

    @Test
    void theRuleCutInHalfAt500KibIsDropped() {
        String filler = "# " + "x".repeat(RobotsPolicy.MAX_BYTES - 30) + "\n";
        String robots = "User-agent: *\n" + filler + "Disallow: /private-area-that-is-long\n";
        byte[] body = robots.getBytes(StandardCharsets.UTF_8);
        FetchResult.Response cut = new FetchResult.Response(URI.create(URL), 200, ResponseHeaders.empty(),
                java.util.Arrays.copyOf(body, RobotsPolicy.MAX_BYTES), true, Instant.now(), Duration.ZERO, true);
        RobotsRules rules = policy.interpret(URL, cut);
        assertThat(rules.allows("http://a.test/private-area")).as("no shorter rule from half a line").isTrue();
    }

    @Test
    void aHugeCrawlDelayIsKeptForThePolitenessCapNotTurnedIntoDisallowAll() {
        RobotsRules rules = policy.interpret(URL, response(200, "User-agent: *\nCrawl-delay: 86400\n"));
        assertThat(rules.allows("http://a.test/page")).isTrue();
        assertThat(rules.crawlDelay()).contains(Duration.ofDays(1));
    }

    @Test
    void sitemapsAreListedAndUnreachableSaysWhy() {
        RobotsRules rules = policy.interpret(URL, response(200, "Sitemap: http://a.test/sitemap.xml\n"));
        assertThat(rules.sitemaps()).containsExactly("http://a.test/sitemap.xml");
        assertThat(policy.interpret(URL, response(503, "")).detail()).isEqualTo("status 503");
    }
}
