package dev.crawler.fetch.netty;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.http.Messages;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;

/**
 * Hands each response head to the current exchange as the server sent it, before the decompressor
 * rewrites Content-Encoding and Content-Length. A head the codec could not parse (bad status line,
 * headers over the limit) fails the exchange with PROTOCOL; a response nobody asked for closes the
 * connection.
 */
@Sharable
final class ResponseHeadHandler extends ChannelInboundHandlerAdapter {

    static final ResponseHeadHandler INSTANCE = new ResponseHeadHandler();

    private ResponseHeadHandler() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse head) {
            NettyExchange ex = ctx.channel().attr(NettyExchange.CURRENT).get();
            if (ex == null || head.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                if (ex != null) {
                    ex.fail(FetchError.PROTOCOL, "malformed response head: "
                            + Messages.rootMessage(head.decoderResult().cause()));
                }
                ctx.close();
                return;
            }
            ex.onHead(head);
        }
        ctx.fireChannelRead(msg);
    }
}
