package dev.crawler.fetch.proxy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which proxy, if any, each request goes through: one for {@code http} targets, one for
 * {@code https} targets, and the hosts reached directly. Immutable.
 *
 * <p>{@code --proxy URL} sets both; otherwise the environment is read as curl and wget read it:
 * {@code http_proxy} for http targets, {@code https_proxy} for https targets, {@code all_proxy}
 * for either when its own is unset, and {@code no_proxy}; each lower-case name wins over its
 * upper-case form.
 *
 * @param http the proxy for http targets
 * @param https the proxy for https targets
 * @param noProxy hosts reached directly
 */
public record ProxyConfig(Optional<ProxyServer> http, Optional<ProxyServer> https, NoProxy noProxy) {

    public ProxyConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(https, "https");
        Objects.requireNonNull(noProxy, "noProxy");
    }

    /** Every request goes directly. */
    public static ProxyConfig none() {
        return new ProxyConfig(Optional.empty(), Optional.empty(), NoProxy.none());
    }

    /** Every request through {@code proxy}, except to the hosts of {@code noProxy}. */
    public static ProxyConfig of(ProxyServer proxy, NoProxy noProxy) {
        return new ProxyConfig(Optional.of(proxy), Optional.of(proxy), noProxy);
    }

    /**
     * The proxies the environment names ({@code http_proxy}, {@code https_proxy},
     * {@code all_proxy}, {@code no_proxy}, lower case first); a variable that is set but empty
     * counts as unset. A malformed URL fails naming the variable.
     */
    public static ProxyConfig fromEnvironment(Map<String, String> env) {
        Optional<ProxyServer> all = variable(env, "all_proxy").map(v -> parse("all_proxy", v));
        Optional<ProxyServer> http = variable(env, "http_proxy").map(v -> parse("http_proxy", v)).or(() -> all);
        Optional<ProxyServer> https = variable(env, "https_proxy").map(v -> parse("https_proxy", v)).or(() -> all);
        NoProxy noProxy = variable(env, "no_proxy").map(NoProxy::parse).orElse(NoProxy.none());
        return new ProxyConfig(http, https, noProxy);
    }

    private static Optional<String> variable(Map<String, String> env, String lowerName) {
        String value = env.get(lowerName);
        if (value == null || value.isBlank()) {
            value = env.get(lowerName.toUpperCase(java.util.Locale.ROOT));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static ProxyServer parse(String variable, String value) {
        try {
            return ProxyServer.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", from the environment variable " + variable, e);
        }
    }

    /** This configuration with {@code hosts} reached directly instead of its own list. */
    public ProxyConfig withNoProxy(NoProxy hosts) {
        return new ProxyConfig(http, https, hosts);
    }

    /** Whether any request may go through a proxy. */
    public boolean any() {
        return (http.isPresent() || https.isPresent()) && !noProxy.everything();
    }

    /** The proxy a request to {@code host} over {@code secure} (https) or plain http goes through. */
    public Optional<ProxyServer> forTarget(boolean secure, String host) {
        Optional<ProxyServer> proxy = secure ? https : http;
        return proxy.isPresent() && noProxy.bypasses(host) ? Optional.empty() : proxy;
    }

    /** This configuration with every proxy's name looked up (blocking; see {@link ProxyServer#resolved()}). */
    public ProxyConfig resolved() {
        return new ProxyConfig(http.map(ProxyServer::resolved), https.map(ProxyServer::resolved), noProxy);
    }
}
