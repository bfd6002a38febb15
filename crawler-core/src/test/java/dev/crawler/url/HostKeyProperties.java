package dev.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.frontier.CrawlRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link CrawlRequest#hostKeyOf} reads the host key off a normalized URL's text; it must be the
 * scheme, host and port that the URL's own parse gives, for any URL the normalizer can produce:
 * IPv6 literals, explicit and default ports, queries right after the authority, odd host names.
 */
class HostKeyProperties {

    @Property(tries = 3000)
    void theKeyIsTheParsedSchemeHostAndPort(@ForAll("urls") String raw) {
        NormalizedUrl.parse(raw).ifPresent(url -> assertThat(CrawlRequest.hostKeyOf(url.toString()))
                .as(url.toString()).isEqualTo(url.scheme() + "://" + url.host() + ":" + url.port()));
    }

    @Example
    void examples() {
        assertThat(CrawlRequest.hostKeyOf("http://a.test/x")).isEqualTo("http://a.test:80");
        assertThat(CrawlRequest.hostKeyOf("https://a.test?q")).isEqualTo("https://a.test:443");
        assertThat(CrawlRequest.hostKeyOf("http://[::1]:8080/")).isEqualTo("http://[::1]:8080");
        assertThat(CrawlRequest.hostKeyOf("https://[::1]/a:b")).isEqualTo("https://[::1]:443");
        assertThat(CrawlRequest.hostKeyOf("http://my_host.test/")).as("a name java.net.URI has no host for")
                .isEqualTo("http://my_host.test:80");
        assertThatThrownBy(() -> CrawlRequest.hostKeyOf("not a url")).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTP://");
        Arbitrary<String> host = Arbitraries.of("a.sim", "B.Sim", "[::1]", "[2001:db8::7]", "10.0.0.1", "xn--bcher-kva.test",
                "my_host.test", "user:pw@c.sim", "d.sim.");
        Arbitrary<String> port = Arbitraries.of("", ":80", ":443", ":8080", ":", ":65535");
        Arbitrary<String> rest = Arbitraries.of("", "/", "/a:b/c", "?q=1:2", "#f", "/x?y#z", "/%3A");
        return net.jqwik.api.Combinators.combine(scheme, host, port, rest).as((s, h, p, r) -> s + h + p + r);
    }
}
