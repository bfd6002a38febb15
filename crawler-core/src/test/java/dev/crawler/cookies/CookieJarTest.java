package dev.crawler.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link CookieJar}: the storage model (RFC 6265 §5.3) and the Cookie header (§5.4). */
class CookieJarTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final CookieJar jar = new CookieJar();

    private void receive(String uri, String... setCookies) {
        receiveAt(NOW, uri, setCookies);
    }

    private void receiveAt(Instant at, String uri, String... setCookies) {
        jar.receive(URI.create(uri), List.of(setCookies), at);
    }

    private String header(String uri) {
        return headerAt(NOW, uri);
    }

    private String headerAt(Instant at, String uri) {
        return jar.cookieHeader(URI.create(uri), at).orElse("");
    }

    private Cookie only() {
        assertThat(jar.cookies(NOW)).hasSize(1);
        return jar.cookies(NOW).get(0);
    }

    @Nested
    class TheRfcExamples {

        @Test
        void twoCookiesComeBackTogether() {
            receive("http://example.com/", "SID=31d4d96e407aad42");
            receive("http://example.com/", "lang=en-US");
            assertThat(header("http://example.com/")).isEqualTo("SID=31d4d96e407aad42; lang=en-US");
        }

        @Test
        void aSecureHostCookieAndADomainCookie() {
            receive("https://example.com/", "SID=31d4d96e407aad42; Path=/; Secure; HttpOnly",
                    "lang=en-US; Path=/; Domain=example.com");
            assertThat(header("https://example.com/")).isEqualTo("SID=31d4d96e407aad42; lang=en-US");
            assertThat(header("http://example.com/")).as("Secure only over https").isEqualTo("lang=en-US");
            assertThat(header("https://www.example.com/")).as("SID is host-only").isEqualTo("lang=en-US");
        }

        @Test
        void anExpiryInThePastDeletes() {
            Instant in2020 = Instant.parse("2020-01-01T00:00:00Z");
            receiveAt(in2020, "http://example.com/", "lang=en-US; Expires=Wed, 09 Jun 2021 10:18:14 GMT");
            assertThat(headerAt(in2020, "http://example.com/")).isEqualTo("lang=en-US");
            receiveAt(in2020, "http://example.com/", "lang=; Expires=Sun, 06 Nov 1994 08:49:37 GMT");
            assertThat(headerAt(in2020, "http://example.com/")).isEmpty();
            assertThat(jar.size()).isZero();
        }
    }

    @Nested
    class Domains {

        @Test
        void withoutADomainACookieIsHostOnly() {
            receive("http://www.example.com/", "a=1");
            assertThat(only().hostOnly()).isTrue();
            assertThat(header("http://www.example.com/")).isEqualTo("a=1");
            assertThat(header("http://sub.www.example.com/")).isEmpty();
            assertThat(header("http://example.com/")).isEmpty();
        }

        @Test
        void aDomainCookieGoesToTheDomainAndItsSubdomains() {
            receive("http://www.example.com/", "a=1; Domain=example.com");
            assertThat(only().hostOnly()).isFalse();
            assertThat(header("http://example.com/")).isEqualTo("a=1");
            assertThat(header("http://www.example.com/")).isEqualTo("a=1");
            assertThat(header("http://a.b.example.com/")).isEqualTo("a=1");
            assertThat(header("http://badexample.com/")).isEmpty();
            assertThat(header("http://example.com.evil.test/")).isEmpty();
        }

        @Test
        void theLeadingDotOfADomainIsIgnored() {
            receive("http://www.example.com/", "a=1; Domain=.example.com");
            assertThat(only().domain()).isEqualTo("example.com");
            assertThat(header("http://example.com/")).isEqualTo("a=1");
            assertThat(header("http://other.example.com/")).isEqualTo("a=1");
        }

        @Test
        void aDomainEqualToTheHostIncludesItsSubdomains() {
            receive("http://example.com/", "a=1; Domain=EXAMPLE.com");
            assertThat(only().hostOnly()).isFalse();
            assertThat(header("http://www.example.com/")).isEqualTo("a=1");
        }

        @Test
        void aDomainTheHostDoesNotDomainMatchIsRefused() {
            receive("http://www.example.com/", "a=1; Domain=other.com", "b=2; Domain=sub.www.example.com",
                    "c=3; Domain=ample.com", "d=4; Domain=www.example.com.");
            assertThat(jar.size()).isZero();
        }

        @Test
        void hostsAreComparedWithoutRegardToCase() {
            receive("http://WWW.Example.COM/", "a=1");
            assertThat(header("http://www.example.com/")).isEqualTo("a=1");
        }

        @Test
        void aHostJavaNetUriHasNoHostForStillGetsCookies() {
            receive("http://my_host.example.com/", "a=1");
            assertThat(header("http://my_host.example.com/x")).isEqualTo("a=1");
        }

        @Test
        void domainCookiesAreNotMixedUpBetweenSites() {
            receive("http://a.example.com/", "a=1; Domain=example.com");
            receive("http://b.example.org/", "b=2; Domain=example.org");
            assertThat(header("http://c.example.com/")).isEqualTo("a=1");
            assertThat(header("http://c.example.org/")).isEqualTo("b=2");
        }
    }

    @Nested
    class PublicSuffixRule {

        @Test
        void aDomainThatIsAPublicSuffixIsRefused() {
            receive("http://www.example.com/", "a=1; Domain=com");
            receive("http://www.example.co.uk/", "b=2; Domain=co.uk", "c=3; Domain=.uk");
            receive("http://user.github.io/", "d=4; Domain=github.io");
            receive("http://site-1.sim/", "e=5; Domain=sim");
            assertThat(jar.size()).isZero();
        }

        @Test
        void aPublicSuffixThatIsTheHostItselfMakesAHostOnlyCookie() {
            receive("http://github.io/", "a=1; Domain=github.io");
            assertThat(only().hostOnly()).isTrue();
            assertThat(header("http://github.io/")).isEqualTo("a=1");
            assertThat(header("http://user.github.io/")).isEmpty();
        }

        @Test
        void aDomainUnderAPublicSuffixIsAccepted() {
            receive("http://www.example.co.uk/", "a=1; Domain=example.co.uk");
            assertThat(header("http://shop.example.co.uk/")).isEqualTo("a=1");
            receive("http://a.site-1.sim/", "b=2; Domain=site-1.sim");
            assertThat(header("http://site-1.sim/")).isEqualTo("b=2");
        }

        @Test
        void localhostTakesHostOnlyCookies() {
            receive("http://localhost:8080/", "a=1", "b=2; Domain=localhost");
            assertThat(jar.cookies(NOW)).allMatch(Cookie::hostOnly).hasSize(2);
            assertThat(header("http://localhost:9090/")).as("cookies do not care for ports").isEqualTo("a=1; b=2");
            assertThat(header("http://sub.localhost/")).isEmpty();
            receive("http://sub.localhost/", "c=3; Domain=localhost");
            assertThat(jar.size()).isEqualTo(2);
        }
    }

    @Nested
    class IpAddresses {

        @Test
        void anIpHostTakesHostOnlyCookies() {
            receive("http://127.0.0.1:8080/", "a=1", "b=2; Domain=127.0.0.1", "c=3; Domain=0.0.1", "d=4; Domain=0.1");
            assertThat(jar.cookies(NOW)).extracting(Cookie::name).containsExactly("a", "b");
            assertThat(jar.cookies(NOW)).allMatch(Cookie::hostOnly);
            assertThat(header("http://127.0.0.1/")).isEqualTo("a=1; b=2");
            assertThat(header("http://127.0.0.2/")).isEmpty();
        }

        @Test
        void ipv6HostsAreStoredWithoutBrackets() {
            receive("http://[::1]:8080/", "a=1", "b=2; Domain=[::1]");
            assertThat(only().domain()).isEqualTo("::1");
            assertThat(header("http://[0:0:0:0:0:0:0:1]/")).as("the same address written another way is another host")
                    .isEmpty();
            assertThat(header("http://[::1]/")).isEqualTo("a=1");
        }
    }

    @Nested
    class Paths {

        @Test
        void aCookieGoesToItsPathAndBelowButNotToANameThatMerelyStartsTheSame() {
            receive("http://example.com/", "a=1; Path=/foo");
            assertThat(header("http://example.com/foo")).isEqualTo("a=1");
            assertThat(header("http://example.com/foo/")).isEqualTo("a=1");
            assertThat(header("http://example.com/foo/bar?q=1")).isEqualTo("a=1");
            assertThat(header("http://example.com/foobar")).isEmpty();
            assertThat(header("http://example.com/")).isEmpty();
            assertThat(header("http://example.com")).isEmpty();
        }

        @Test
        void withoutAPathACookieGetsTheDirectoryOfTheRequest() {
            receive("http://example.com/docs/guide/page.html?x=/y/z", "a=1");
            assertThat(only().path()).isEqualTo("/docs/guide");
            receive("http://example.com/page.html", "b=2", "c=3; Path=relative");
            assertThat(jar.cookies(NOW)).filteredOn(c -> !c.name().equals("a")).extracting(Cookie::path)
                    .containsOnly("/");
        }

        @Test
        void longerPathsComeFirstThenOlderCookies() {
            receive("http://example.com/", "short=1; Path=/");
            receive("http://example.com/", "long=2; Path=/a/b");
            receiveAt(NOW.plusSeconds(1), "http://example.com/", "mid1=3; Path=/a/");
            receiveAt(NOW.plusSeconds(1), "http://example.com/", "first=0; Path=/");
            receiveAt(NOW.plusSeconds(2), "http://example.com/", "mid2=4; Path=/a/");
            assertThat(headerAt(NOW.plusSeconds(3), "http://example.com/a/b/c"))
                    .isEqualTo("long=2; mid1=3; mid2=4; short=1; first=0");
        }

        @Test
        void cookiesSetTogetherKeepTheirOrder() {
            receive("http://example.com/", "z=1", "y=2", "x=3");
            assertThat(header("http://example.com/")).isEqualTo("z=1; y=2; x=3");
        }

        @Test
        void theSameNameOnDifferentPathsIsTwoCookies() {
            receive("http://example.com/", "a=root; Path=/", "a=deep; Path=/x");
            assertThat(header("http://example.com/x/y")).isEqualTo("a=deep; a=root");
        }
    }

    @Nested
    class Secure {

        @Test
        void aSecureCookieSetOverHttpIsRefused() {
            receive("http://example.com/", "a=1; Secure");
            assertThat(jar.size()).isZero();
        }

        @Test
        void aSecureCookieGoesOverHttpsOnly() {
            receive("https://example.com/", "a=1; Secure", "b=2");
            assertThat(header("https://example.com/")).isEqualTo("a=1; b=2");
            assertThat(header("http://example.com/")).isEqualTo("b=2");
        }

        @Test
        void httpOnlyIsKept() {
            receive("http://example.com/", "a=1; HttpOnly");
            assertThat(only().httpOnly()).isTrue();
            assertThat(header("http://example.com/")).isEqualTo("a=1");
        }
    }

    @Nested
    class Expiry {

        @Test
        void maxAgeZeroOrLessDeletes() {
            receive("http://example.com/", "a=1", "b=2", "c=3");
            receive("http://example.com/", "a=; Max-Age=0", "b=x; Max-Age=-1");
            assertThat(header("http://example.com/")).isEqualTo("c=3");
            assertThat(jar.size()).isEqualTo(1);
        }

        @Test
        void deletingNeedsTheSameDomainAndPath() {
            receive("http://www.example.com/", "a=1; Path=/p", "b=2; Domain=example.com");
            receive("http://www.example.com/", "a=; Max-Age=0", "b=; Max-Age=0");
            assertThat(jar.cookies(NOW)).extracting(Cookie::name).containsExactly("a", "b");
            receive("http://www.example.com/", "a=; Max-Age=0; Path=/p", "b=; Max-Age=0; Domain=example.com");
            assertThat(jar.size()).isZero();
        }

        @Test
        void maxAgeWinsOverExpiresInWhicheverOrder() {
            receive("http://example.com/", "a=1; Expires=Wed, 09 Jun 2021 10:18:14 GMT; Max-Age=60",
                    "b=2; Max-Age=60; Expires=Wed, 09 Jun 2021 10:18:14 GMT",
                    "c=3; Max-Age=0; Expires=Fri, 31 Dec 9999 23:59:59 GMT");
            assertThat(jar.cookies(NOW)).extracting(Cookie::name).containsExactly("a", "b");
            assertThat(jar.cookies(NOW)).extracting(Cookie::expiry).containsOnly(Optional.of(NOW.plusSeconds(60)));
        }

        @Test
        void aCookieIsSentUntilItExpires() {
            receive("http://example.com/", "a=1; Max-Age=60", "b=2; Expires=Thu, 01 Jan 2026 00:02:00 GMT", "s=3");
            assertThat(headerAt(NOW.plusSeconds(59), "http://example.com/")).isEqualTo("a=1; b=2; s=3");
            assertThat(headerAt(NOW.plusSeconds(60), "http://example.com/")).isEqualTo("b=2; s=3");
            assertThat(jar.size()).as("the expired cookie was removed").isEqualTo(2);
            assertThat(headerAt(NOW.plusSeconds(120), "http://example.com/")).isEqualTo("s=3");
        }

        @Test
        void sessionCookiesLiveForTheCrawl() {
            receive("http://example.com/", "s=1");
            assertThat(only().persistent()).isFalse();
            assertThat(headerAt(NOW.plus(Duration.ofDays(365 * 100)), "http://example.com/")).isEqualTo("s=1");
        }

        @Test
        void expiredCookiesAreRemovedWhenAnythingIsReceived() {
            receive("http://a.example/", "a=1; Max-Age=10");
            receiveAt(NOW.plusSeconds(10), "http://b.example/", "b=2");
            assertThat(jar.size()).isEqualTo(1);
        }

        @Test
        void aHugeMaxAgeIsCutBackToTheLatestDate() {
            receive("http://example.com/", "a=1; Max-Age=99999999999999999999");
            assertThat(only().expiry()).contains(Instant.parse("9999-12-31T23:59:59Z"));
        }

        @Test
        void expiriesAreWholeSeconds() {
            receiveAt(NOW.plusMillis(1500), "http://example.com/", "a=1; Max-Age=10");
            assertThat(jar.cookies(NOW).get(0).expiry()).contains(NOW.plusSeconds(11));
        }
    }

    @Nested
    class Replacing {

        @Test
        void aNewCookieWithTheSameNameDomainAndPathReplacesTheOldButKeepsItsCreationTime() {
            receive("http://example.com/", "a=1", "b=2");
            Instant later = NOW.plusSeconds(5);
            receiveAt(later, "http://example.com/", "a=new; HttpOnly");
            assertThat(headerAt(later, "http://example.com/")).as("a is still the older").isEqualTo("a=new; b=2");
            Cookie a = jar.cookies(later).get(0);
            assertThat(a.value()).isEqualTo("new");
            assertThat(a.httpOnly()).isTrue();
            assertThat(a.creation()).isEqualTo(NOW);
            assertThat(a.lastAccess()).isEqualTo(later);
            assertThat(jar.size()).isEqualTo(2);
        }

        @Test
        void sendingACookieUpdatesItsLastAccess() {
            receive("http://example.com/", "a=1; Path=/a", "b=2; Path=/b");
            headerAt(NOW.plusSeconds(7), "http://example.com/a");
            assertThat(jar.cookies(NOW)).extracting(Cookie::lastAccess).containsExactly(NOW.plusSeconds(7), NOW);
        }
    }

    @Nested
    class Misuse {

        @Test
        void whatIsNoHttpRequestSetsAndGetsNothing() {
            for (String uri : List.of("mailto:a@example.com", "file:///etc/passwd", "ftp://example.com/", "/relative",
                    "http:opaque", "http:///nohost")) {
                jar.receive(URI.create(uri), List.of("a=1"), NOW);
                assertThat(jar.cookieHeader(URI.create(uri), NOW)).as(uri).isEmpty();
            }
            assertThat(jar.size()).isZero();
        }

        @Test
        void aHostWithAnEmptyLabelSetsAndGetsNothing() {
            for (String uri : List.of("http://a..example.com/", "http://.example.com/", "http://./")) {
                jar.receive(URI.create(uri), List.of("a=1", "b=2; Domain=..example.com", "c=3; Domain=.example.com"), NOW);
                assertThat(jar.cookieHeader(URI.create(uri), NOW)).as(uri).isEmpty();
            }
            assertThat(jar.size()).isZero();
        }

        @Test
        void garbageIsDroppedAndTheRestKept() {
            receive("http://example.com/", "", ";;;", "=", "garbage", "a=1; Expires=; Max-Age=; Domain=; Path=",
                    "\u0000=\u0000", "b=2; Domain=.", "c=3; Domain=..example.com");
            assertThat(header("http://example.com/")).isEqualTo("a=1; b=2");
        }

        @Test
        void anEmptyJarHasNoHeader() {
            assertThat(jar.cookieHeader(URI.create("http://example.com/"), NOW)).isEmpty();
        }
    }

    @Test
    void fetcherThreadsShareOneJar() throws Exception {
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String host = "http://h" + t + ".example.com/";
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        jar.receive(URI.create(host), List.of("c" + i + "=" + i, "shared" + i + "=x; Domain=example.com"), NOW);
                        assertThat(jar.cookieHeader(URI.create(host), NOW)).isPresent();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jar.size()).isEqualTo(threads * perThread + perThread);
        assertThat(jar.cookies(NOW)).hasSize(threads * perThread + perThread);
    }
}
