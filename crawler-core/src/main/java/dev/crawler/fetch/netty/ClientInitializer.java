package dev.crawler.fetch.netty;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.http.CodingDecoder;
import dev.crawler.fetch.http.RequestTarget;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * Composes the pipeline of one client connection from stock handlers and four small ones:
 * <pre>
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

    ClientInitializer(FetchSettings settings, SslContext tls, RequestTarget target) {
        this.settings = settings;
        this.tls = tls;
        this.target = target;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
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

    static HttpDecoderConfig decoderConfig(FetchSettings settings) {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(settings.maxHeaderBytes())
                .setMaxHeaderSize(settings.maxHeaderBytes())
                .setMaxChunkSize(MAX_CHUNK);
    }
}
