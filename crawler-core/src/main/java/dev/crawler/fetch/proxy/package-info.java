/**
 * Proxies a crawl goes through: which one a request takes ({@link dev.crawler.fetch.proxy.ProxyConfig},
 * {@code --proxy}, {@code --no-proxy} and the {@code *_proxy} variables). The async fetcher speaks
 * to proxies through Netty's proxy handlers, the blocking ones through {@code ProxyTunnel}.
 *
 * <p>The crawler resolves and checks each target itself, as without a proxy, and hands the
 * proxy the address it checked: a SOCKS5 {@code CONNECT} or an HTTP {@code CONNECT} tunnel goes to
 * that address, so the address policy holds for what the proxy connects to. Plain {@code http}
 * through an HTTP proxy is forwarded by name (absolute-form request target), the way every HTTP
 * proxy expects it; the proxy then resolves the name itself. The proxy's own address is allowed
 * because it was named explicitly; it does not open the address policy for anything else.
 */
package dev.crawler.fetch.proxy;
