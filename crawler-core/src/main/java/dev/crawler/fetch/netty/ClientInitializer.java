package dev.crawler.fetch.netty;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.http.CodingDecoder;
import dev.crawler.fetch.http.RequestTarget;
import dev.crawler.fetch.connect.ConnectionKey;
import dev.crawler.fetch.Credentials;
import dev.crawler.fetch.proxy.ProxyServer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * Composes the pipeline of one client connection from stock handlers and four small ones:
 * <pre>
 *   [proxy]  HttpProxyHandler (CONNECT) or Socks5ProxyHandler, when a proxy tunnels the connection
 *   [tls]    SslHandler with SNI and ALPN (https only)
 *   wire     WireHandler          first byte, transfer rate, status-line start, idle garbage
 *   decoder  ResponseDecoder      status line and header limits, body framing
 *   encoder  HttpRequestEncoder   the request head
 *   head     ResponseHeadHandler  the head as sent, malformed heads fail
 *   exchange ExchangeHandler      decoding (gzip, deflate, br) into the capped body, completion
 * </pre>
 * Content codings are undone by the exchange itself ({@link CodingDecoder}), pulled only up to the
 * body limit, so that no handler inflates a bomb past it.
 */
final class ClientInitializer extends ChannelInitializer<Channel> {

    private static final int MAX_CHUNK = 16 << 10;

    private final FetchSettings settings;
    private final SslContext tls;
    private final RequestTarget target;

    private final ConnectionKey key;

    ClientInitializer(FetchSettings settings, SslContext tls, RequestTarget target, ConnectionKey key) {
        this.settings = settings;
        this.tls = tls;
        this.target = target;
        this.key = key;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        key.tunnel().ifPresent(proxy -> p.addLast("proxy", proxyHandler(proxy)));
        if (target.secure()) {
            // the peer host drives SNI (for names, not IP literals) and host name verification
            SslHandler ssl = tls.newHandler(ch.alloc(), target.host(), target.port());
            ssl.setHandshakeTimeoutMillis(settings.connectTimeout().toMillis());
            p.addLast("tls", ssl);
        }
        p.addLast("wire", WireHandler.INSTANCE);
        p.addLast("decoder", new ResponseDecoder(decoderConfig(settings)));
        p.addLast("encoder", new HttpRequestEncoder());
        p.addLast("head", ResponseHeadHandler.INSTANCE);
        p.addLast("exchange", ExchangeHandler.INSTANCE);
    }

    /** The handler that opens a tunnel to the target through {@code proxy} before anything else is sent. */
    private ProxyHandler proxyHandler(ProxyServer proxy) {
        String user = proxy.credentials().map(Credentials::user).orElse(null);
        String password = proxy.credentials().map(Credentials::password).orElse(null);
        ProxyHandler handler = switch (proxy.kind()) {
            case HTTP -> user == null ? new HttpProxyHandler(proxy.address())
                    : new HttpProxyHandler(proxy.address(), user, password);
            case SOCKS5 -> new Socks5ProxyHandler(proxy.address(), user, password);
        };
        handler.setConnectTimeoutMillis(settings.connectTimeout().toMillis());
        return handler;
    }

    static HttpDecoderConfig decoderConfig(FetchSettings settings) {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(settings.maxHeaderBytes())
                .setMaxHeaderSize(settings.maxHeaderBytes())
                .setMaxChunkSize(MAX_CHUNK);
    }
}
