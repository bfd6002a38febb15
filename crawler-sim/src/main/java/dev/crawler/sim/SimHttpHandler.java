package dev.crawler.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Serves one connection: each decoded request waits {@code latency + jitter} on the event loop
 * (a scheduled task, never a sleep), then gets its response from {@link SimWeb}, framed with
 * Content-Length, gzip or chunked. Pipelined requests are answered one after the other, in order.
 * Keep-alive unless the client asks to close. Every request is recorded once its write completes.
 */
final class SimHttpHandler extends ChannelInboundHandlerAdapter {

    /** Records a {@link RequestSink} threw on, over all connections (the sink's bug, counted, not logged). */
    static final AtomicLong sinkFailures = new AtomicLong();

    private final SimWeb web;
    private final SessionKeeper keeper;
    private final RateLimit rateLimit;
    private final RequestSink sink;
    private final long connectionId;
    private final long latencyNanos;
    private final long jitterNanos;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>(2);
    private boolean busy;
    private boolean closing;

    SimHttpHandler(SimWeb web, SessionKeeper keeper, RequestSink sink, long connectionId, RateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.web = web;
        this.keeper = keeper;
        this.sink = sink;
        this.connectionId = connectionId;
        this.latencyNanos = web.config().latency().toNanos();
        this.jitterNanos = web.config().jitter().toNanos();
    }

    /**
     * A decoded request waiting for its turn; its {@code Cookie} and {@code Authorization} fields
     * are kept only when the web has sessions or logins.
     */
    private record Pending(long arrivalNanos, HttpVersion version, boolean get, boolean head, boolean bad,
            String host, String path, boolean acceptsGzip, boolean keepAlive, List<String> cookies,
            List<String> authorizations) {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        Pending pending;
        try {
            pending = decode(request, System.nanoTime());
        } finally {
            request.release();
        }
        if (closing) {
            record(pending, 0, 0);
            return;
        }
        queue.add(pending);
        if (!busy) {
            startNext(ctx);
        }
    }

    private Pending decode(FullHttpRequest request, long arrival) {
        boolean bad = request.decoderResult().isFailure();
        String target = request.uri();
        String host = hostName(request.headers().get(HttpHeaderNames.HOST));
        if (target.startsWith("http://") || target.startsWith("https://")) { // absolute-form
            try {
                URI uri = new URI(target);
                host = uri.getHost() == null ? host : uri.getHost().toLowerCase(Locale.ROOT);
                target = SimUrls.pathAndQuery(uri);
            } catch (Exception e) {
                bad = true;
            }
        }
        HttpMethod method = request.method();
        HttpHeaders headers = request.headers();
        boolean keep = keeper.active();
        return new Pending(arrival, request.protocolVersion(), HttpMethod.GET.equals(method), HttpMethod.HEAD.equals(method),
                bad, host, target, acceptsGzip(headers), !bad && HttpUtil.isKeepAlive(request),
                keep ? headers.getAll(HttpHeaderNames.COOKIE) : List.of(),
                keep ? headers.getAll(HttpHeaderNames.AUTHORIZATION) : List.of());
    }

    private void startNext(ChannelHandlerContext ctx) {
        Pending next = queue.poll();
        if (next == null) {
            busy = false;
            return;
        }
        busy = true;
        long delay = latencyNanos + (jitterNanos > 0 ? ThreadLocalRandom.current().nextLong(jitterNanos + 1) : 0);
        if (delay <= 0) {
            send(ctx, next);
        } else {
            ctx.executor().schedule(() -> send(ctx, next), delay, TimeUnit.NANOSECONDS);
        }
    }

    private void send(ChannelHandlerContext ctx, Pending p) {
        if (!ctx.channel().isActive()) {
            record(p, 0, 0);
            busy = false;
            return;
        }
        SimResponse response;
        Delivery delivery = Delivery.CONTENT_LENGTH;
        boolean keepAlive = p.keepAlive();
        if (p.bad()) {
            response = text(400, "400 Bad Request\n");
            keepAlive = false;
        } else if (!p.get()) {
            response = new SimResponse(405, Map.of("Content-Type", "text/plain; charset=utf-8", "Allow", "GET"),
                    p.head() ? new byte[0] : "405 Method Not Allowed: only GET is served\n".getBytes(StandardCharsets.UTF_8));
        } else {
            try {
                String site = web.hostNumber(p.host()) > 0 ? p.host() : web.hostForAddress(p.host());
                SessionKeeper.Admission admission = site == null ? SessionKeeper.Admission.AS_USUAL
                        : keeper.admit(site, p.cookies(), p.authorizations());
                response = admission.refused() ? SessionKeeper.unauthorized(site)
                        : rateLimit.limits(site != null ? site : p.host(), p.path()) ? text(429, "429 Too Many Requests\n")
                        : web.respond(site != null ? site : p.host(), p.path());
                response = admission.apply(response);
                if (response.status() == 200) {
                    delivery = web.delivery(p.path(), p.acceptsGzip());
                }
            } catch (RuntimeException e) { // a bug in the model must not hang the connection
                response = text(500, "500 Internal Server Error: " + e + "\n");
                keepAlive = false;
            }
        }
        if (delivery == Delivery.CHUNKED && !HttpVersion.HTTP_1_1.equals(p.version())) {
            delivery = Delivery.CONTENT_LENGTH;
        }
        byte[] wire = delivery == Delivery.GZIP ? gzip(response.body()) : response.body();

        HttpResponse head = delivery == Delivery.CHUNKED
                ? new DefaultHttpResponse(p.version(), HttpResponseStatus.valueOf(response.status()))
                : new DefaultFullHttpResponse(p.version(), HttpResponseStatus.valueOf(response.status()),
                        Unpooled.wrappedBuffer(wire));
        HttpHeaders headers = head.headers();
        headers.set(HttpHeaderNames.SERVER, "crawler-sim");
        response.headers().forEach(headers::set);
        if (delivery == Delivery.GZIP) {
            headers.set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        }
        if (response.status() == 200 && web.delivery(p.path(), true) == Delivery.GZIP) {
            headers.set(HttpHeaderNames.VARY, "Accept-Encoding");
        }
        if (delivery == Delivery.CHUNKED) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, wire.length);
        }
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            closing = true;
        } else if (HttpVersion.HTTP_1_0.equals(p.version())) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }

        ChannelFuture done;
        if (delivery == Delivery.CHUNKED) {
            ctx.write(head);
            int chunk = Math.max(64, (wire.length + 3) / 4);
            for (int off = 0; off < wire.length; off += chunk) {
                ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(wire, off, Math.min(chunk, wire.length - off))));
            }
            done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            done = ctx.writeAndFlush(head);
        }
        int status = response.status();
        boolean close = !keepAlive;
        done.addListener(f -> {
            record(p, status, f.isSuccess() ? wire.length : 0);
            if (close || !f.isSuccess()) {
                ctx.close();
                busy = false;
            } else {
                startNext(ctx);
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        for (Pending p; (p = queue.poll()) != null; ) {
            record(p, 0, 0);
        }
        ctx.fireChannelInactive();
    }

    /**
     * A reset or broken connection: just close it. Nothing is logged here, on purpose: logging
     * writes to a console or file, which would block the event loop (and trip BlockHound in tests
     * that run a crawler and this server in one JVM).
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void record(Pending p, int status, long bytes) {
        try {
            sink.record(new RequestRecord(p.arrivalNanos(), System.nanoTime(), connectionId, p.host(), p.path(), status, bytes));
        } catch (RuntimeException e) {
            sinkFailures.incrementAndGet(); // never log on the event loop (see exceptionCaught)
        }
    }

    private static SimResponse text(int status, String body) {
        return new SimResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    /** The Host header's name: port and brackets stripped, lower-cased; "" when absent. */
    static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(0, end + 1) : h;
        }
        int colon = h.lastIndexOf(':');
        return colon >= 0 ? h.substring(0, colon) : h;
    }

    static boolean acceptsGzip(HttpHeaders headers) {
        for (String value : headers.getAll(HttpHeaderNames.ACCEPT_ENCODING)) {
            for (String part : value.split(",")) {
                String[] params = part.trim().split(";");
                if (params[0].trim().equalsIgnoreCase("gzip")) {
                    boolean zero = false;
                    for (int i = 1; i < params.length; i++) {
                        String param = params[i].replace(" ", "");
                        zero |= param.matches("(?i)q=0(\\.0*)?");
                    }
                    return !zero;
                }
            }
        }
        return false;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 3 + 32);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory cannot fail", e);
        }
        return bytes.toByteArray();
    }
}
