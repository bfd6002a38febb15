package dev.crawler.fetch.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyConfigTest {

    @Test
    void aProxyUrlGivesKindAddressAndLoginAndHidesThePassword() {
        ProxyServer p = ProxyServer.parse("http://alice:s%40cret@127.0.0.1:3128");
        assertThat(p.kind()).isEqualTo(ProxyServer.Kind.HTTP);
        assertThat(p.address().getPort()).isEqualTo(3128);
        assertThat(p.address().isUnresolved()).isFalse();
        assertThat(p.credentials()).hasValueSatisfying(c -> {
            assertThat(c.user()).isEqualTo("alice");
            assertThat(c.password()).isEqualTo("s@cret");
            assertThat(c.basicAuthorization()).isEqualTo("Basic YWxpY2U6c0BjcmV0");
        });
        assertThat(p.toString()).isEqualTo("http://alice:***@127.0.0.1:3128").doesNotContain("cret");
        assertThat(String.valueOf(p.credentials().get())).doesNotContain("cret");
    }

    @Test
    void portsDefaultAsTheProxiesListenAndASchemelessUrlIsHttp() {
        assertThat(ProxyServer.parse("socks5://[::1]").address().getPort()).isEqualTo(1080);
        ProxyServer bare = ProxyServer.parse("proxy.example");
        assertThat(bare.kind()).isEqualTo(ProxyServer.Kind.HTTP);
        assertThat(bare.address().getPort()).isEqualTo(3128);
        assertThat(bare.address().isUnresolved()).as("a name is looked up later, off any event loop").isTrue();
    }

    @Test
    void badProxyUrlsAreRefusedSayingWhatIsAcceptedAndNeverShowingThePassword() {
        assertThatThrownBy(() -> ProxyServer.parse("ftp://127.0.0.1:21")).hasMessageContaining("unknown scheme 'ftp'")
                .hasMessageContaining("socks5://[user:pass@]host[:port]");
        assertThatThrownBy(() -> ProxyServer.parse("socks4://127.0.0.1")).hasMessageContaining("use socks5://");
        assertThatThrownBy(() -> ProxyServer.parse("https://u:topsecret@127.0.0.1"))
                .hasMessageContaining("TLS to the proxy itself").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> ProxyServer.parse("http://u:topsecret@127.0.0.1:8080/path"))
                .hasMessageContaining("no path").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> ProxyServer.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void aProxyNameThatDoesNotResolveIsAClearError() {
        assertThatThrownBy(() -> ProxyServer.parse("http://no-such-proxy.invalid:3128").resolved())
                .hasMessageContaining("cannot resolve the proxy's host 'no-such-proxy.invalid'");
    }

    @Test
    void noProxyMatchesNamesWithTheirSubdomainsAddressesAndRanges() {
        NoProxy list = NoProxy.parse("example.com, .internal.test,10.0.0.0/8 ,192.168.1.7, [::1]:8080, localhost:3000");
        assertThat(list.bypasses("example.com")).isTrue();
        assertThat(list.bypasses("www.example.com")).isTrue();
        assertThat(list.bypasses("notexample.com")).isFalse();
        assertThat(list.bypasses("a.internal.test")).isTrue();
        assertThat(list.bypasses("internal.test")).isTrue();
        assertThat(list.bypasses("10.1.2.3")).isTrue();
        assertThat(list.bypasses("11.1.2.3")).isFalse();
        assertThat(list.bypasses("192.168.1.7")).isTrue();
        assertThat(list.bypasses("::1")).isTrue();
        assertThat(list.bypasses("localhost")).isTrue();
        assertThat(NoProxy.parse("*").bypasses("anything.example")).isTrue();
        assertThat(NoProxy.none().bypasses("example.com")).isFalse();
    }

    @Test
    void theEnvironmentIsReadAsCurlReadsItLowerCaseFirst() {
        ProxyConfig c = ProxyConfig.fromEnvironment(Map.of(
                "http_proxy", "http://127.0.0.1:1", "HTTP_PROXY", "http://127.0.0.1:2",
                "HTTPS_PROXY", "http://127.0.0.1:3", "no_proxy", "skip.example"));
        assertThat(c.forTarget(false, "a.example")).hasValueSatisfying(p -> assertThat(p.address().getPort()).isEqualTo(1));
        assertThat(c.forTarget(true, "a.example")).hasValueSatisfying(p -> assertThat(p.address().getPort()).isEqualTo(3));
        assertThat(c.forTarget(true, "www.skip.example")).isEmpty();

        ProxyConfig all = ProxyConfig.fromEnvironment(Map.of("ALL_PROXY", "socks5://127.0.0.1:9", "https_proxy", " "));
        assertThat(all.forTarget(false, "a.example")).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(ProxyServer.Kind.SOCKS5));
        assertThat(all.forTarget(true, "a.example")).as("an empty variable counts as unset").isPresent();
        assertThat(ProxyConfig.fromEnvironment(Map.of()).any()).isFalse();
        assertThat(ProxyConfig.fromEnvironment(Map.of("http_proxy", "http://127.0.0.1:1", "NO_PROXY", "*")).any()).isFalse();
    }

    @Test
    void aMalformedVariableNamesItself() {
        assertThatThrownBy(() -> ProxyConfig.fromEnvironment(Map.of("https_proxy", "gopher://x")))
                .hasMessageContaining("environment variable https_proxy");
    }
}
