package dev.crawler.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties of whole jars fed many Set-Cookie values: whatever a jar stores, a cookies.txt holds
 * exactly (save and load give the same cookies and the same headers), and no input makes it throw.
 */
class CookieJarPropertyTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> HOSTS = List.of("example.com", "www.example.com", "a.b.example.com",
            "example.co.uk", "www.example.co.uk", "127.0.0.1", "[::1]", "localhost", "my_host.example.com", "site-1.sim");
    private static final List<String> PATHS = List.of("", "/", "/x", "/x/", "/x/y/z", "/xy", "/x%2Fy", "/%C3%A9/p");

    /** One response: where it came from, one Set-Cookie value, and how long after the last one. */
    record Reception(URI uri, String setCookie, int secondsLater) {
    }

    @Property(tries = 400)
    void aSavedJarLoadsBackExactly(@ForAll("receptions") @Size(max = 40) List<Reception> receptions) throws IOException {
        CookieJar jar = new CookieJar(new CookieLimits(8, 20));
        Instant now = feed(jar, receptions);

        String saved = export(jar, now);
        CookieJar loaded = new CookieJar(new CookieLimits(8, 20));
        loaded.importNetscape(new StringReader(saved), now);

        assertThat(lines(loaded, now)).isEqualTo(lines(jar, now));
        assertThat(export(loaded, now)).isEqualTo(saved);
        for (URI uri : everyUri()) {
            assertThat(loaded.cookieHeader(uri, now)).as(uri.toString()).isEqualTo(jar.cookieHeader(uri, now));
        }
    }

    @Property(tries = 400)
    void anyTextIsDroppedOrStoredNeverThrown(@ForAll("anyTexts") List<String> setCookies,
            @ForAll("oddUris") URI uri) throws IOException {
        CookieJar jar = new CookieJar();
        jar.receive(uri, setCookies, START);
        jar.cookieHeader(uri, START);
        CookieJar loaded = new CookieJar();
        loaded.importNetscape(new StringReader(export(jar, START)), START);
        assertThat(lines(loaded, START)).isEqualTo(lines(jar, START));
    }

    @Property(tries = 200)
    void theHeaderHoldsExactlyTheCookiesThatApplyLongestPathFirstThenOldest(
            @ForAll("receptions") @Size(max = 40) List<Reception> receptions) {
        CookieJar jar = new CookieJar();
        Instant now = feed(jar, receptions);
        List<Cookie> all = jar.cookies(now);
        for (URI uri : everyUri()) {
            CookieRequest request = CookieRequest.of(uri).orElseThrow();
            String expected = all.stream().filter(c -> c.appliesTo(request))
                    .sorted(Comparator.comparing((Cookie c) -> -c.path().length()).thenComparing(Cookie::creation))
                    .map(Cookie::headerPair).collect(Collectors.joining("; "));
            assertThat(jar.cookieHeader(uri, now).orElse("")).as(uri.toString()).isEqualTo(expected);
        }
    }

    private static List<URI> everyUri() {
        List<URI> uris = new ArrayList<>();
        for (String host : HOSTS) {
            for (String scheme : List.of("http://", "https://")) {
                for (String path : PATHS) {
                    uris.add(URI.create(scheme + host + path));
                }
            }
        }
        return uris;
    }

    private static Instant feed(CookieJar jar, List<Reception> receptions) {
        Instant now = START;
        for (Reception r : receptions) {
            now = now.plusSeconds(r.secondsLater());
            jar.receive(r.uri(), List.of(r.setCookie()), now);
        }
        return now;
    }

    private static String export(CookieJar jar, Instant now) throws IOException {
        StringWriter out = new StringWriter();
        jar.exportNetscape(out, now);
        return out.toString();
    }

    /** The cookies, oldest first, without their creation and last-access times (a cookies.txt has neither). */
    private static List<Cookie> lines(CookieJar jar, Instant now) {
        return jar.cookies(now).stream().map(c -> c.withCreation(Instant.EPOCH).withLastAccess(Instant.EPOCH)).toList();
    }

    @Provide
    Arbitrary<List<Reception>> receptions() {
        Arbitrary<Reception> one = Combinators.combine(uris(), setCookies(), Arbitraries.integers().between(0, 50))
                .as(Reception::new);
        return one.list();
    }

    @Provide
    Arbitrary<URI> uris() {
        return Combinators.combine(Arbitraries.of("http://", "https://"), Arbitraries.of(HOSTS), Arbitraries.of(":8080", ""),
                Arbitraries.of(PATHS), Arbitraries.of("", "?q=/a/b"))
                .as((scheme, host, port, path, query) -> URI.create(scheme + host + port + path + query));
    }

    /** Hosts java.net.URI takes but a cookie jar should not choke on. */
    @Provide
    Arbitrary<URI> oddUris() {
        Arbitrary<String> odd = Arbitraries.of("a..example.com", ".example.com", "example.com.", "..", ".", "EXAMPLE.com",
                "xn--bcher-kva.example", "[::ffff:1.2.3.4]", "1.2.3", "user@www.example.com", "a_b.example.com:99",
                "[fe80::1%25eth0]", "example.com:", "-x-.example.com");
        return Arbitraries.oneOf(uris(), Combinators.combine(Arbitraries.of("http://", "https://"), odd, Arbitraries.of(PATHS))
                .as((scheme, host, path) -> URI.create(scheme + host + path)));
    }

    private Arbitrary<String> setCookies() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("a", "b", "SID", "#x", "é"),
                Arbitraries.strings().withCharRange('!', '~').excludeChars('=', ';').ofMinLength(1).ofMaxLength(6));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("", "v", "a b", "\"q\"", "x=y", "#", "é\u2028ü"),
                Arbitraries.strings().withCharRange(' ', '~').excludeChars(';').ofMaxLength(12));
        Arbitrary<String> attribute = Arbitraries.oneOf(
                Arbitraries.of("Path=/", "Path=/x", "Path=/x/y", "Path=/xy", "Path=x", "Path=/%C3%A9",
                        "Domain=example.com", "Domain=.example.com", "Domain=com", "Domain=co.uk", "Domain=example.co.uk",
                        "Domain=localhost", "Domain=127.0.0.1", "Domain=sim", "Domain=site-1.sim",
                        "Domain=..example.com", "Domain=.", "Domain=example.com.", "Domain=EXAMPLE.COM", "Domain=..",
                        "Secure", "HttpOnly", "SameSite=Lax", "Expires=Wed, 09 Jun 2021 10:18:14 GMT",
                        "Expires=Fri, 31 Dec 9999 23:59:59 GMT", "Expires=Thu, 01 Jan 2026 00:10:00 GMT"),
                Arbitraries.integers().between(-5, 3000).map(s -> "Max-Age=" + s));
        return Combinators.combine(name, value, attribute.list().ofMaxSize(4))
                .as((n, v, attributes) -> n + "=" + v + attributes.stream().map(a -> "; " + a).reduce("", String::concat));
    }

    @Provide
    Arbitrary<List<String>> anyTexts() {
        return anyText().list().ofMaxSize(20);
    }

    private Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60), setCookies(),
                setCookies().map(s -> s + "; " + "Path=/" + "p".repeat(1100)),
                Arbitraries.strings().withChars("=; \t.,-:/\u0000\u007fé").ofMaxLength(30));
    }
}
