package dev.crawler.fetch;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * Composes the pipeline of one client connection from stock handlers and three small ones:
 * <pre>
 *   [tls]  SslHandler with SNI (https only)
 *   first-byte    FirstByteHandler       stops the first-byte timer
 *   codec         HttpClientCodec        status line and header limits
 *   head          ResponseHeadHandler    the head as sent, malformed heads fail
 *   decompressor  HttpContentDecompressor gzip and deflate, forwarded piece by piece
 *   exchange      ExchangeHandler        capped body, completion, errors
 * </pre>
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
            SslHandler ssl = tls.newHandler(ch.alloc(), target.host(), target.port());
            ssl.setHandshakeTimeoutMillis(settings.connectTimeout().toMillis());
            p.addLast("tls", ssl);
        }
        p.addLast("first-byte", FirstByteHandler.INSTANCE);
        p.addLast("codec", new HttpClientCodec(decoderConfig(settings), false, false));
        p.addLast("head", ResponseHeadHandler.INSTANCE);
        // maxAllocation 0: decoded output is forwarded in small pieces as it is inflated, so the
        // exchange caps it and nothing here buffers a whole bomb
        p.addLast("decompressor", new HttpContentDecompressor(false, 0));
        p.addLast("exchange", ExchangeHandler.INSTANCE);
    }

    static HttpDecoderConfig decoderConfig(FetchSettings settings) {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(settings.maxHeaderBytes())
                .setMaxHeaderSize(settings.maxHeaderBytes())
                .setMaxChunkSize(MAX_CHUNK);
    }
}
