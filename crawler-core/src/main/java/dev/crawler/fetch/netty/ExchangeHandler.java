package dev.crawler.fetch.netty;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * The last handler: feeds decoded body pieces, connection loss and errors to the current exchange.
 * Anything that arrives when no exchange owns the channel is dropped; an error then closes it.
 */
@Sharable
final class ExchangeHandler extends SimpleChannelInboundHandler<HttpObject> {

    static final ExchangeHandler INSTANCE = new ExchangeHandler();

    private ExchangeHandler() {
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        NettyExchange ex = current(ctx);
        if (ex != null && msg instanceof HttpContent content) {
            ex.onContent(content);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        NettyExchange ex = current(ctx);
        if (ex != null) {
            ex.onInactive();
        }
        ctx.fireChannelInactive();
    }

    /** A failed TLS handshake fails the exchange (TLS; a handshake timeout is CONNECT_TIMEOUT). */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            NettyExchange ex = current(ctx);
            if (ex != null) {
                ex.onError(done.cause());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        NettyExchange ex = current(ctx);
        if (ex != null) {
            ex.onError(cause);
        }
        ctx.close();
    }

    private static NettyExchange current(ChannelHandlerContext ctx) {
        return ctx.channel().attr(NettyExchange.CURRENT).get();
    }
}
