package dev.crawler.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CookieDomainsTest {

    @ParameterizedTest(name = "host {0}, domain {1}: {2}")
    @CsvSource({
        "example.com, example.com, true",
        "www.example.com, example.com, true",
        "a.b.example.com, example.com, true",
        "badexample.com, example.com, false",
        "example.com, www.example.com, false",
        "example.com.evil.test, example.com, false",
        "127.0.0.1, 127.0.0.1, true",
        "127.0.0.1, 0.0.1, false",
        "::1, ::1, true",
    })
    void aHostDomainMatchesItsOwnNameAndTheDomainsAboveIt(String host, String domain, boolean matches) {
        assertThat(CookieDomains.domainMatches(host, domain)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com", "co.uk", "uk", "github.io", "foo.ck", "localhost", "sim", "test", "xn--p1ai"})
    void publicSuffixes(String domain) {
        assertThat(PublicSuffixes.isPublicSuffix(domain)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.co.uk", "user.github.io", "www.ck", "site-1.sim", "b.test",
        "city.kawasaki.jp"})
    void namesUnderAPublicSuffix(String domain) {
        assertThat(PublicSuffixes.isPublicSuffix(domain)).isFalse();
    }
}
