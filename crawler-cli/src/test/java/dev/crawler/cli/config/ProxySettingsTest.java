package dev.crawler.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.CrawlConfig;
import dev.crawler.fetch.proxy.NoProxy;
import dev.crawler.fetch.proxy.ProxyConfig;
import dev.crawler.fetch.proxy.ProxyServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code --proxy}, {@code --no-proxy} and the proxy variables of the environment combine. */
class ProxySettingsTest {

    private static final List<String> SEEDS = List.of("https://example.com/");
    private static final Map<String, String> ENV = Map.of("https_proxy", "http://127.0.0.1:8080",
            "NO_PROXY", "intranet.example");

    private static ProxyConfig proxies(Settings s, Map<String, String> env) {
        CrawlConfig c = ConfigAssembler.toConfig(s, SEEDS, env);
        return c.fetch().proxy();
    }

    @Test
    void withoutOptionsTheEnvironmentDecides() {
        ProxyConfig p = proxies(Settings.empty(), ENV);
        assertThat(p.forTarget(true, "example.com")).hasValueSatisfying(s -> assertThat(s.authority()).isEqualTo("127.0.0.1:8080"));
        assertThat(p.forTarget(false, "example.com")).as("no http_proxy").isEmpty();
        assertThat(p.forTarget(true, "www.intranet.example")).isEmpty();
        assertThat(proxies(Settings.empty(), Map.of()).any()).isFalse();
    }

    @Test
    void proxyReplacesTheEnvironmentsProxiesAndNoProxyItsList() {
        Settings s = Settings.empty().with(SettingKeys.PROXY, ProxyServer.parse("socks5://127.0.0.1:1080"));
        ProxyConfig p = proxies(s, ENV);
        assertThat(p.forTarget(false, "example.com")).hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(ProxyServer.Kind.SOCKS5));
        assertThat(p.forTarget(true, "intranet.example")).as("--proxy alone keeps no environment exceptions").isPresent();
        ProxyConfig q = proxies(s.with(SettingKeys.NO_PROXY, NoProxy.parse("example.com")), ENV);
        assertThat(q.forTarget(true, "example.com")).isEmpty();
        assertThat(proxies(Settings.empty().with(SettingKeys.NO_PROXY, NoProxy.parse("*")), ENV).any()).isFalse();
    }

    @Test
    void aBadProxyInTheEnvironmentIsAConfigurationErrorNamingTheVariable() {
        assertThatThrownBy(() -> proxies(Settings.empty(), Map.of("http_proxy", "gopher://x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http_proxy");
    }
}
