package dev.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # case, default ports, fragments, empty path
            HTTP://Example.COM/A/b                | http://example.com/A/b
            http://example.com:80/                | http://example.com/
            https://example.com:443/x             | https://example.com/x
            https://example.com:80/x              | https://example.com:80/x
            http://example.com:443/x              | http://example.com:443/x
            http://example.com:08080/             | http://example.com:8080/
            http://example.com:/                  | http://example.com/
            http://example.com                    | http://example.com/
            http://example.com?q                  | http://example.com/?q
            http://example.com/a#frag             | http://example.com/a
            http://example.com/a?b=c#frag?d       | http://example.com/a?b=c
            http://example.com/#                  | http://example.com/
            http://example.com/?                  | http://example.com/
            http://example.com/a?#x               | http://example.com/a
            # dot segments, never above the root
            http://example.com/a/./b/../c         | http://example.com/a/c
            http://example.com/a/b/..             | http://example.com/a/
            http://example.com/a/b/.              | http://example.com/a/b/
            http://example.com/../../x            | http://example.com/x
            http://example.com/..                 | http://example.com/
            http://example.com/a/%2e%2E/b         | http://example.com/b
            http://example.com/a/.%2e/b           | http://example.com/b
            http://example.com/a//b/../c          | http://example.com/a//c
            http://example.com/a/..%2fb           | http://example.com/a/..%2Fb
            http://example.com/..g/g..            | http://example.com/..g/g..
            # percent-encoding
            http://example.com/%7e%41%7A          | http://example.com/~Az
            http://example.com/%3a%2f%3F%5c       | http://example.com/%3A%2F%3F%5C
            http://example.com/a%2fb              | http://example.com/a%2Fb
            http://example.com/%c3%a9             | http://example.com/%C3%A9
            http://example.com/café               | http://example.com/caf%C3%A9
            http://example.com/a b                | http://example.com/a%20b
            http://example.com/a%20b              | http://example.com/a%20b
            http://example.com/%zz%               | http://example.com/%25zz%25
            http://example.com/%2                 | http://example.com/%252
            http://example.com/a<c>d^e`f{g}h      | http://example.com/a%3Cc%3Ed%5Ee%60f%7Bg%7Dh
            http://example.com/!$&'()*+,;=:@x     | http://example.com/!$&'()*+,;=:@x
            http://example.com/x?a=1&b=/c?d:@     | http://example.com/x?a=1&b=/c?d:@
            http://example.com/x?q=a b&r=é        | http://example.com/x?q=a%20b&r=%C3%A9
            http://example.com/x?%41=%2b%26       | http://example.com/x?A=%2B%26
            http://example.com/x?[]\\\\             | http://example.com/x?%5B%5D%5C%5C
            http://example.com/x?q=1&q=0          | http://example.com/x?q=1&q=0
            # backslashes and slashes as a browser reads them
            http:\\\\example.com\\a\\b            | http://example.com/a/b
            http:/example.com/a                   | http://example.com/a
            http:///example.com/a                 | http://example.com/a
            http://example.com\\a\\..\\b          | http://example.com/b
            # white space
            "  http://example.com/a  "            | http://example.com/a
            "\\thttp://exa\\nmple.com/a\\r\\n"     | http://example.com/a
            # userinfo is dropped
            http://user:pass@example.com/         | http://example.com/
            http://a@b@example.com/               | http://example.com/
            # hosts: IDN, trailing dot, percent-encoded, IPv4 spellings, IPv6
            http://Bücher.DE/                     | http://xn--bcher-kva.de/
            http://ＥＸＡＭＰＬＥ．com/             | http://example.com/
            http://example.com./                  | http://example.com/
            http://%65xample.com/                 | http://example.com/
            http://0x7f.1/                        | http://127.0.0.1/
            http://2130706433/                    | http://127.0.0.1/
            http://0177.0.0.01/                   | http://127.0.0.1/
            http://1.2.3/                         | http://1.2.0.3/
            http://[0:0::1]:8080/                 | http://[::1]:8080/
            http://[2001:DB8:0:0:1:0:0:1]/        | http://[2001:db8::1:0:0:1]/
            http://[::ffff:192.168.0.1]/          | http://[::ffff:c0a8:1]/
            http://site-1.sim:8080/page/3         | http://site-1.sim:8080/page/3
            """)
    void normalizes(String input, String expected) {
        assertThat(UrlNormalizer.normalize(unescape(input))).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"javascript:alert(1)", "mailto:a@example.com", "ftp://example.com/", "file:///etc/passwd",
        "data:text/html,hi", "//example.com/", "/relative", "example.com", "", "   ", "http://", "http:///",
        "http://:80/", "http://example.com:65536/", "http://example.com:8o/", "http://example.com:-1/",
        "http://a_b.com/", "http://-a.com/", "http://a-.com/", "http://a..b/", "http://a.1a/",
        "http://999.1.1.1/", "http://1.2.3.4.5/", "http://[::1/", "http://[::1]x/", "http://[1:2:3:4:5:6:7:8:9]/",
        "http://[::1%25eth0]/", "http://exa mple.com/", "http://%zz/", "http://%C0%AF/", "http://a<b/",
        "http://xn--/", "http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/", "http://\uD800/", "ht!tp://example.com/"})
    void rejects(String input) {
        assertThat(UrlNormalizer.normalize(input)).isEmpty();
    }

    @Test
    void encodesQuotesAndPipes() {
        assertThat(UrlNormalizer.normalize("http://example.com/a\"b|?c\"d|")).contains("http://example.com/a%22b%7C?c%22d%7C");
    }

    @Test
    void rejectsNull() {
        assertThat(UrlNormalizer.normalize(null)).isEmpty();
        assertThat(UrlNormalizer.resolve("http://example.com/", null)).isEmpty();
    }

    /** RFC 3986 section 5.4 examples (with http), plus browser leniency. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            g:h              |
            g                | http://a/b/c/g
            ./g              | http://a/b/c/g
            g/               | http://a/b/c/g/
            /g               | http://a/g
            //g              | http://g/
            ?y               | http://a/b/c/d;p?y
            g?y              | http://a/b/c/g?y
            #s               | http://a/b/c/d;p?q
            g#s              | http://a/b/c/g
            g?y#s            | http://a/b/c/g?y
            ;x               | http://a/b/c/;x
            g;x              | http://a/b/c/g;x
            ""               | http://a/b/c/d;p?q
            .                | http://a/b/c/
            ./               | http://a/b/c/
            ..               | http://a/b/
            ../              | http://a/b/
            ../g             | http://a/b/g
            ../..            | http://a/
            ../../g          | http://a/g
            ../../../g       | http://a/g
            ../../../../g    | http://a/g
            /./g             | http://a/g
            /../g            | http://a/g
            g.               | http://a/b/c/g.
            .g               | http://a/b/c/.g
            ..g              | http://a/b/c/..g
            ./../g           | http://a/b/g
            ./g/.            | http://a/b/c/g/
            g/./h            | http://a/b/c/g/h
            g/../h           | http://a/b/c/h
            g;x=1/./y        | http://a/b/c/g;x=1/y
            g;x=1/../y       | http://a/b/c/y
            http:g           | http://a/b/c/g
            http:/g          | http://a/g
            https:g          | https://g/
            \\\\other\\x     | http://other/x
            /\\other/x       | http://other/x
            \\g              | http://a/g
            "  g  "          | http://a/b/c/g
            HTTP://B/x       | http://b/x
            mailto:x@a       |
            javascript:void  |
            """)
    void resolvesAgainstRfcBase(String href, String expected) {
        assertThat(UrlNormalizer.resolve("http://a/b/c/d;p?q", unescape(href))).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            http://site.sim/dir/page      | ../../../../x         | http://site.sim/x
            http://site.sim/dir/page      | %2e%2e/%2e%2e/x       | http://site.sim/x
            http://site.sim/dir/          | sub/../other#f        | http://site.sim/dir/other
            http://site.sim:8080/d/p      | /abs?x=1              | http://site.sim:8080/abs?x=1
            http://site.sim:8080/d/p      | //other.sim/p         | http://other.sim/p
            https://site.sim/d/p          | //other.sim:443/p     | https://other.sim/p
            http://site.sim/d/p           | HTTPS://Other.SIM/a   | https://other.sim/a
            http://site.sim/d/p?q         | ?r                    | http://site.sim/d/p?r
            garbage                       | http://ok.sim/x       | http://ok.sim/x
            """)
    void resolvesAgainstPageAndBase(String base, String href, String expected) {
        assertThat(UrlNormalizer.resolve(base, href)).contains(expected);
    }

    @Test
    void relativeLinkAgainstUnusableBaseIsEmpty() {
        assertThat(UrlNormalizer.resolve("mailto:x@y", "page")).isEmpty();
        assertThat(UrlNormalizer.resolve(null, "page")).isEmpty();
    }

    @Test
    void hostHelper() {
        assertThat(UrlNormalizer.host("http://Site-1.SIM:8080/x")).isEqualTo("site-1.sim");
        assertThat(UrlNormalizer.host("http://[::1]:8080/x")).isEqualTo("[::1]");
        assertThatThrownBy(() -> UrlNormalizer.host("mailto:x@y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverThrowsAndOutputIsIdempotentAndParsesAsJavaNetUri() {
        Random random = new Random(20250131);
        for (int i = 0; i < 5000; i++) {
            String input = RandomUrls.messy(random);
            String href = RandomUrls.messy(random);
            Optional<String> normalized = UrlNormalizer.normalize(input);
            Optional<String> resolved = UrlNormalizer.resolve(input, href);
            normalized.ifPresent(UrlNormalizerTest::assertCanonical);
            resolved.ifPresent(UrlNormalizerTest::assertCanonical);
        }
    }

    private static void assertCanonical(String url) {
        assertThat(UrlNormalizer.normalize(url)).as("idempotent").contains(url);
        URI uri = URI.create(url);
        assertThat(uri.getScheme()).isIn("http", "https");
        assertThat(uri.getHost()).as("java.net.URI host of %s", url).isEqualTo(UrlNormalizer.host(url));
        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.getRawPath()).startsWith("/");
    }

    /** Lets the tables spell backslashes, tabs and line breaks as escapes. */
    private static String unescape(String s) {
        return s == null ? "" : s.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r");
    }
}
