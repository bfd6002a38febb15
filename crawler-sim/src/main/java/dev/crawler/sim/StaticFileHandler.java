package dev.crawler.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;

/**
 * Answers each request of one connection from a {@link StaticSite}: GET and HEAD, Content-Length
 * framing, the file body sent as a {@link DefaultFileRegion} (sendfile where the transport has it,
 * never read onto the heap), keep-alive unless the client asks to close. Responses are written in
 * the order of the requests, so pipelining works. Every response is counted in the sink with its
 * status once its write completes.
 *
 * <p>The file-system look-ups of {@link StaticSite} (stat, real path) run on the event loop: for a
 * local tree, mostly in the page cache, they are short, and this server is a test and bench
 * fixture, not a production server.
 */
final class StaticFileHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final StaticSite site;
    private final RequestSink sink;
    private final long connectionId;

    StaticFileHandler(StaticSite site, RequestSink sink, long connectionId) {
        this.site = site;
        this.sink = sink;
        this.connectionId = connectionId;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        long arrival = System.nanoTime();
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        HttpMethod method = request.method();
        boolean head = HttpMethod.HEAD.equals(method);
        StaticSite.Answer answer;
        if (request.decoderResult().isFailure()) {
            answer = new StaticSite.Refused(400, "malformed request");
        } else if (!head && !HttpMethod.GET.equals(method)) {
            answer = new StaticSite.Refused(405, "only GET and HEAD are served");
        } else {
            answer = site.resolve(request.uri());
        }
        String host = SimHttpHandler.hostName(request.headers().get(HttpHeaderNames.HOST));
        String target = request.uri();
        HttpVersion version = request.protocolVersion();
        ChannelFuture done = switch (answer) {
            case StaticSite.FileAnswer f -> sendFile(ctx, version, f, head, keepAlive);
            case StaticSite.Redirect r -> sendSmall(ctx, version, HttpResponseStatus.MOVED_PERMANENTLY,
                    "moved to " + r.location() + "\n", head, keepAlive, r.location());
            case StaticSite.Refused r -> sendSmall(ctx, version, HttpResponseStatus.valueOf(r.status()),
                    r.status() + " " + r.reason() + "\n", head, keepAlive, null);
        };
        int status = switch (answer) {
            case StaticSite.FileAnswer f -> 200;
            case StaticSite.Redirect r -> 301;
            case StaticSite.Refused r -> r.status();
        };
        long bytes = answer instanceof StaticSite.FileAnswer f && !head ? f.length() : 0;
        done.addListener(future -> record(arrival, host, target, future.isSuccess() ? status : 0, bytes));
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static ChannelFuture sendFile(ChannelHandlerContext ctx, HttpVersion version, StaticSite.FileAnswer f,
            boolean head, boolean keepAlive) {
        HttpResponse response = new DefaultHttpResponse(version, HttpResponseStatus.OK);
        headers(response.headers(), f.contentType(), f.length(), keepAlive, version);
        ctx.write(response);
        if (!head && f.length() > 0) {
            ctx.write(new DefaultFileRegion(f.file().toFile(), 0, f.length()));
        }
        return ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    private static ChannelFuture sendSmall(ChannelHandlerContext ctx, HttpVersion version, HttpResponseStatus status,
            String body, boolean head, boolean keepAlive, String location) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(version, status,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        headers(response.headers(), "text/plain; charset=utf-8", bytes.length, keepAlive, version);
        if (location != null) {
            response.headers().set(HttpHeaderNames.LOCATION, location);
        }
        if (status.code() == 405) {
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
        }
        return ctx.writeAndFlush(response);
    }

    private static void headers(HttpHeaders headers, String contentType, long length, boolean keepAlive,
            HttpVersion version) {
        headers.set(HttpHeaderNames.SERVER, "crawler-sim-static");
        headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (HttpVersion.HTTP_1_0.equals(version)) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private void record(long arrival, String host, String target, int status, long bytes) {
        try {
            sink.record(new RequestRecord(arrival, System.nanoTime(), connectionId, host, target, status, bytes));
        } catch (RuntimeException e) {
            SimHttpHandler.sinkFailures.incrementAndGet(); // never log on the event loop
        }
    }

    /** A reset or broken connection: close it, without logging on the event loop. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
