package dev.crawler.cookies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many cookies a jar keeps, and which go first (RFC 6265 §5.3 step 12). */
class CookieLimitsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static void receive(CookieJar jar, Instant at, String uri, String setCookie) {
        jar.receive(URI.create(uri), List.of(setCookie), at);
    }

    private static List<String> names(CookieJar jar, Instant now) {
        return jar.cookies(now).stream().map(Cookie::name).toList();
    }

    @Test
    void pastTheLimitOfADomainTheLeastRecentlyUsedGoes() {
        CookieJar jar = new CookieJar(new CookieLimits(3, 100));
        for (int i = 0; i < 3; i++) {
            receive(jar, NOW.plusSeconds(i), "http://example.com/", "c" + i + "=v");
        }
        jar.cookieHeader(URI.create("http://example.com/"), NOW.plusSeconds(10)); // all three used at +10
        receive(jar, NOW.plusSeconds(11), "http://example.com/", "c1=again"); // c1 used at +11
        receive(jar, NOW.plusSeconds(12), "http://example.com/", "c3=v");
        assertThat(names(jar, NOW.plusSeconds(12))).as("c0 was used longest ago, then c2").containsExactly("c1", "c2", "c3");
        receive(jar, NOW.plusSeconds(13), "http://example.com/", "c4=v");
        assertThat(names(jar, NOW.plusSeconds(13))).containsExactly("c1", "c3", "c4");
    }

    @Test
    void expiredCookiesGoBeforeAnyOther() {
        CookieJar jar = new CookieJar(new CookieLimits(3, 100));
        receive(jar, NOW, "http://example.com/", "old=v");
        receive(jar, NOW.plusSeconds(1), "http://example.com/", "shortLived=v; Max-Age=5");
        receive(jar, NOW.plusSeconds(2), "http://example.com/", "b=v");
        receive(jar, NOW.plusSeconds(10), "http://example.com/", "c=v");
        assertThat(names(jar, NOW.plusSeconds(10))).containsExactly("old", "b", "c");
    }

    @Test
    void theLimitOfADomainLeavesOtherDomainsAlone() {
        CookieJar jar = new CookieJar(new CookieLimits(2, 100));
        receive(jar, NOW, "http://other.example/", "keep=v");
        for (int i = 0; i < 5; i++) {
            receive(jar, NOW.plusSeconds(1 + i), "http://example.com/", "c" + i + "=v");
        }
        assertThat(names(jar, NOW.plusSeconds(9))).containsExactly("keep", "c3", "c4");
    }

    @Test
    void pastTheTotalTheLeastRecentlyUsedOfAnyDomainGoes() {
        CookieJar jar = new CookieJar(new CookieLimits(3, 3));
        receive(jar, NOW, "http://a.example/", "a=v");
        receive(jar, NOW.plusSeconds(1), "http://b.example/", "b=v");
        receive(jar, NOW.plusSeconds(2), "http://c.example/", "c=v");
        jar.cookieHeader(URI.create("http://a.example/"), NOW.plusSeconds(3));
        receive(jar, NOW.plusSeconds(4), "http://d.example/", "d=v");
        assertThat(names(jar, NOW.plusSeconds(4))).containsExactly("a", "c", "d");
        assertThat(jar.size()).isEqualTo(3);
    }

    @Test
    void theDefaultsAreFiftyADomainAndThreeThousandInAll() {
        CookieJar jar = new CookieJar();
        for (int d = 0; d < 70; d++) {
            for (int i = 0; i < 60; i++) {
                receive(jar, NOW, "http://d" + d + ".example.com/", "c" + i + "=v");
            }
            assertThat(jar.size()).isEqualTo(Math.min(50 * (d + 1), 3000));
        }
        assertThat(jar.cookieHeader(URI.create("http://d69.example.com/"), NOW).orElseThrow().split("; "))
                .hasSize(50).startsWith("c10=v").endsWith("c59=v");
        assertThat(jar.cookieHeader(URI.create("http://d0.example.com/"), NOW)).as("the oldest domains went").isEmpty();
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> new CookieLimits(0, 10)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new CookieLimits(11, 10)).hasMessageContaining("perDomain (11) is over the total (10)");
    }
}
