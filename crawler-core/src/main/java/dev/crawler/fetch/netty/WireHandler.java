package dev.crawler.fetch.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Sees the response bytes as they come off the wire (after TLS, before HTTP decoding) and tells
 * the current exchange: the first one stops its first-byte timer, all of them count towards the
 * minimum transfer rate, and the first few must open an HTTP/1.x status line. Bytes that arrive
 * while no exchange owns the connection (a server talking out of turn on an idle keep-alive
 * connection) make the connection unusable: they are dropped and it is closed, and if it was
 * parked in the idle pool its origin is no longer trusted with reuse.
 */
@Sharable
final class WireHandler extends ChannelInboundHandlerAdapter {

    static final WireHandler INSTANCE = new WireHandler();

    private WireHandler() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            NettyExchange ex = ctx.channel().attr(NettyExchange.CURRENT).get();
            if (ex == null || !ex.onBytes(bytes)) {
                Runnable parked = ctx.channel().attr(NettyLane.PARKED).getAndSet(null);
                if (ex == null && parked != null && bytes.isReadable()) {
                    parked.run();
                }
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
