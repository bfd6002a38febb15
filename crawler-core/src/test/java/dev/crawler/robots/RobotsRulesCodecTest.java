package dev.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.ResponseHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Rules written and read back decide every URL as the parsed ones do, with their delay and sitemaps. */
class RobotsRulesCodecTest {

    private static final String ROBOTS = """
            User-agent: other
            Disallow: /

            User-agent: *
            Disallow: /private/
            Allow: /private/open
            Disallow: /*.pdf$
            Disallow: /caf%C3%A9
            Crawl-delay: 2.5
            Sitemap: http://a.test/sitemap.xml
            """;

    @Test
    void parsedRulesComeBackTheSame() {
        RobotsRules parsed = new RobotsPolicy("dev-crawler").interpret("http://a.test/robots.txt", response(ROBOTS));
        RobotsRulesCodec.Dated back = RobotsRulesCodec.decode(RobotsRulesCodec.encode(parsed, 1234L).orElseThrow());
        assertThat(back.obtainedAtMillis()).isEqualTo(1234L);
        assertThat(back.rules().rules()).isEqualTo(parsed.rules());
        assertThat(back.rules().source()).isEqualTo(RobotsRules.Source.PARSED);
        assertThat(back.rules().crawlDelay()).contains(Duration.ofMillis(2500));
        assertThat(back.rules().sitemaps()).containsExactly("http://a.test/sitemap.xml");
        for (String url : new String[] {"http://a.test/", "http://a.test/private/x", "http://a.test/private/open",
                "http://a.test/doc.pdf", "http://a.test/café", "http://a.test/caf%C3%A9/x"}) {
            assertThat(back.rules().allows(url)).as(url).isEqualTo(parsed.allows(url));
        }
    }

    @Test
    void unreachableAndMissingRulesComeBackWithTheirDetail() {
        RobotsRules unreachable = RobotsPolicy.unreachable("status 503", true);
        RobotsRules back = RobotsRulesCodec.decode(RobotsRulesCodec.encode(unreachable, 0).orElseThrow()).rules();
        assertThat(back.source()).isEqualTo(RobotsRules.Source.UNREACHABLE);
        assertThat(back.detail()).isEqualTo("status 503");
        assertThat(back.transientFailure()).isTrue();
        assertThat(back.allows("http://a.test/")).isFalse();
        RobotsRules missing = new RobotsPolicy("dev-crawler").interpret("http://a.test/robots.txt",
                new FetchResult.Response(URI.create("http://a.test/robots.txt"), 404, ResponseHeaders.empty(), new byte[0],
                        false, Instant.now(), Duration.ZERO, true));
        RobotsRules missingBack = RobotsRulesCodec.decode(RobotsRulesCodec.encode(missing, 0).orElseThrow()).rules();
        assertThat(missingBack.source()).isEqualTo(RobotsRules.Source.MISSING);
        assertThat(missingBack.allows("http://a.test/anything")).isTrue();
    }

    @Test
    void bytesThatAreNotRulesAreRefused() {
        byte[] good = RobotsRulesCodec.encode(RobotsPolicy.unreachable(), 0).orElseThrow();
        assertThatThrownBy(() -> RobotsRulesCodec.decode(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RobotsRulesCodec.decode(new byte[] {7})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> RobotsRulesCodec.decode(longer)).isInstanceOf(IllegalArgumentException.class);
    }

    private static FetchResult response(String body) {
        return new FetchResult.Response(URI.create("http://a.test/robots.txt"), 200, ResponseHeaders.empty(),
                body.getBytes(StandardCharsets.UTF_8), false, Instant.now(), Duration.ZERO, true);
    }
}
