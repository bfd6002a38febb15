package dev.crawler.fetch;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Tells the current exchange that response bytes arrived, which stops its first-byte timer. */
@Sharable
final class FirstByteHandler extends ChannelInboundHandlerAdapter {

    static final FirstByteHandler INSTANCE = new FirstByteHandler();

    private FirstByteHandler() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        NettyExchange ex = ctx.channel().attr(NettyExchange.CURRENT).get();
        if (ex != null) {
            ex.onFirstByte();
        }
        ctx.fireChannelRead(msg);
    }
}
