package dev.crawler.fetch.connect;

import dev.crawler.fetch.http.RequestTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * What makes an idle connection reusable for a request: same scheme, host name (it was the TLS
 * server name), resolved address and port.
 */
public record ConnectionKey(String scheme, String host, InetAddress address, int port) {

    static ConnectionKey of(RequestTarget target, InetAddress address) {
        return new ConnectionKey(target.scheme(), target.host(), address, target.port());
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }
}
