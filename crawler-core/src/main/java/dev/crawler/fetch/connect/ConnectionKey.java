package dev.crawler.fetch.connect;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestTarget;
import dev.crawler.fetch.proxy.ProxyServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What makes an idle connection reusable for a request: same scheme, host name (it was the TLS
 * server name), resolved address and port, and the same proxy in between, if any.
 *
 * @param via the proxy the connection goes through (resolved), empty for a direct one
 */
public record ConnectionKey(String scheme, String host, InetAddress address, int port, Optional<ProxyServer> via) {

    /** A direct connection. */
    public ConnectionKey(String scheme, String host, InetAddress address, int port) {
        this(scheme, host, address, port, Optional.empty());
    }

    static ConnectionKey of(RequestTarget target, InetAddress address, Optional<ProxyServer> via) {
        return new ConnectionKey(target.scheme(), target.host(), address, target.port(), via);
    }

    /** The target's address and port: where the bytes are meant to go. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /**
     * The target as a tunnelling proxy is asked for it: the address alone, never a host name a
     * resolver may have attached to it, so that the proxy connects to the address the crawler
     * checked instead of resolving the name again.
     */
    public InetSocketAddress tunnelTarget() {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address.getAddress()), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.getAddress().length + " bytes", e);
        }
    }

    /** {@code address:port} of the target, the address bracketed if IPv6, for messages. */
    public String targetAuthority() {
        String ip = address.getHostAddress();
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** Where the socket connects: the proxy if there is one, else the target. */
    public InetSocketAddress connectAddress() {
        return via.map(ProxyServer::address).orElseGet(this::socketAddress);
    }

    /**
     * The proxy that carries this connection as a tunnel to the target (SOCKS5, or an HTTP proxy's
     * {@code CONNECT} for https); empty for direct connections and plain http forwarded by an HTTP proxy.
     */
    public Optional<ProxyServer> tunnel() {
        return via.filter(p -> p.kind() == ProxyServer.Kind.SOCKS5 || scheme.equals("https"));
    }

    /**
     * The HTTP proxy that takes this connection's requests in absolute form (plain http); else empty.
     *
     * <p>Such a proxy opens its own connection to the target once it has read a request, so the
     * target sees the request some unknown time after it left the crawler (a few milliseconds, or
     * tens on a busy proxy), and two requests spaced by the politeness delay as they left could reach
     * the target closer together. Fetchers therefore report a forwarded request as sent
     * ({@link dev.crawler.fetch.FetchProgress#sent}) when the first byte of its answer arrives, the
     * latest moment the target can have seen it, instead of when it was written; politeness then
     * holds as the target sees it, whatever the proxy's delays. Through a tunnel the bytes pass
     * straight on, and the write counts, as on a direct connection.
     */
    public Optional<ProxyServer> forwarder() {
        return via.filter(p -> p.kind() == ProxyServer.Kind.HTTP && !scheme.equals("https"));
    }

    /**
     * The failure a response with {@code status} stands for when it came from the forwarding proxy
     * itself rather than the target: a {@code 407}, the proxy asking for a login it did not get.
     */
    public Optional<FetchException> forwardRefusal(int status) {
        if (status != 407 || forwarder().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FetchException(FetchError.PROXY,
                Messages.proxyRefused(forwarder().get(), targetAuthority(), "407 Proxy Authentication Required")));
    }
}
