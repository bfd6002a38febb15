package dev.crawler.fetch.netty;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.ResponseHeaders;
import dev.crawler.fetch.connect.ConnectionKey;
import dev.crawler.fetch.connect.DeadReuse;
import dev.crawler.fetch.connect.DistrustedOrigins;
import dev.crawler.fetch.connect.SettleWindow;
import dev.crawler.fetch.http.BodyAccumulator;
import dev.crawler.fetch.http.CodingDecoder;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestHead;
import dev.crawler.fetch.http.RequestTarget;
import dev.crawler.fetch.http.StatusLineStart;
import dev.crawler.fetch.http.Stopwatch;
import dev.crawler.fetch.http.TransferRate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One GET on the event loop, from resolution to result. It holds the state of the request (timers,
 * the response head, the capped body), is told what happens by the channel handlers, and completes
 * its future exactly once, on the event loop. The {@link NettyLane} decides where it runs and what
 * becomes of its connection afterwards.
 *
 * <p>A response read on a reused connection is held for the settle window after its last byte
 * ({@link SettleWindow}, at most {@link FetchSettings#reuseSettle()}): a byte arriving meanwhile shows the server out of step
 * with its requests, and the exchange fails with {@link FetchError#DESYNC} instead; the server
 * closing the connection, or the window passing quietly, hands the response back. The timers are
 * stopped for the window, which is not the server's time to answer.
 *
 * <p>Confined to one event loop: no field is touched from another thread.
 */
final class NettyExchange {

    /** The exchange currently using a channel; absent while the channel is idle. */
    static final AttributeKey<NettyExchange> CURRENT = AttributeKey.valueOf(NettyExchange.class, "current");
    /** The settle window of a channel, kept across its exchanges. */
    private static final AttributeKey<SettleWindow> SETTLE = AttributeKey.valueOf(NettyExchange.class, "settle");

    private final URI uri;
    private final RequestTarget target;
    private final FetchSettings settings;
    private final Stopwatch watch;
    private final NettyLane lane;
    private final CompletableFuture<FetchResult> result = new CompletableFuture<>();

    private ConnectionKey key;
    private Channel channel;
    private Future<?> connecting;
    private boolean reused;
    /** Whether the request sent on the current connection asked for keep-alive. */
    private boolean keepAliveAsked;
    /** Whether the request was handed whole to the current connection. */
    private boolean written;
    private boolean firstByte;
    /** When the request was handed whole to the current connection (System.nanoTime). */
    private long sentAt;
    private ScheduledFuture<?> responseTimer;
    private ScheduledFuture<?> firstByteTimer;
    private ScheduledFuture<?> rateTimer;
    private TransferRate rate;
    private StatusLineStart statusLineStart;
    private CodingDecoder decoder;
    private boolean informational;
    private int status = -1;
    private ResponseHeaders headers;
    private boolean serverKeepAlive;
    private BodyAccumulator body;
    private boolean done;
    /** The response, complete, held for the settle window; null unless settling. */
    private FetchResult held;
    private ScheduledFuture<?> settleTimer;
    /** Whether the connection of the held response may go back to the pool once it settles quietly. */
    private boolean heldReusable;
    /** The request to the same origin waiting for this one's settling connection; null if none. */
    private NettyExchange successor;
    /** Told the time each write of the request completed (a politeness clock), and of a held response. */
    private final FetchProgress progress;

    NettyExchange(URI uri, RequestTarget target, FetchSettings settings, Stopwatch watch, NettyLane lane,
            FetchProgress progress) {
        this.progress = progress;
        this.uri = uri;
        this.target = target;
        this.settings = settings;
        this.watch = watch;
        this.lane = lane;
    }

    CompletableFuture<FetchResult> result() {
        return result;
    }

    RequestTarget target() {
        return target;
    }

    ConnectionKey key() {
        return key;
    }

    void key(ConnectionKey k) {
        this.key = k;
    }

    boolean isDone() {
        return done;
    }

    /** When the whole-response time runs out (System.nanoTime). */
    long deadline() {
        return watch.startNanos() + settings.responseTimeout().toNanos();
    }

    /** Starts the whole-response clock; it runs from the start of the request, DNS included. */
    void armResponseTimer(EventLoop loop) {
        long remaining = settings.responseTimeout().toNanos() - watch.elapsed().toNanos();
        responseTimer = loop.schedule(() -> fail(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings)),
                Math.max(0, remaining), TimeUnit.NANOSECONDS);
    }

    void connecting(Future<?> connect) {
        this.connecting = connect;
    }

    /** Takes {@code ch} for this request and sends the request on it. */
    void attach(Channel ch, boolean reusedConnection) {
        connecting = null;
        channel = ch;
        reused = reusedConnection;
        written = false;
        firstByte = false;
        rate = TransferRate.of(settings);
        statusLineStart = new StatusLineStart();
        ch.attr(CURRENT).set(this);
        ch.writeAndFlush(request()).addListener(f -> onWritten(ch, f));
    }

    private FullHttpRequest request() {
        keepAliveAsked = lane.mayKeepAlive(key);
        RequestHead origin = RequestHead.get(uri, target, settings, keepAliveAsked);
        RequestHead head = key.forwarder().map(proxy -> origin.forwardedBy(proxy, target)).orElse(origin);
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, head.path(),
                Unpooled.EMPTY_BUFFER);
        head.headers().forEach(h -> req.headers().add(h.getKey(), h.getValue()));
        return req;
    }

    private void onWritten(Channel ch, Future<?> write) {
        if (done || ch != channel) {
            return;
        }
        if (!write.isSuccess()) {
            onError(write.cause());
            return;
        }
        written = true;
        sentAt = System.nanoTime();
        if (key.forwarder().isEmpty()) {
            progress.sent(sentAt);
        }
        if (!firstByte) {
            firstByteTimer = ch.eventLoop().schedule(
                    () -> fail(FetchError.FIRST_BYTE_TIMEOUT, Messages.firstByteTimeout(settings)),
                    settings.firstByteTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Response bytes arrived, as sent (before HTTP decoding): the first stops the first-byte timer
     * and starts the transfer-rate windows; the first few must open a status line. False if this
     * exchange failed on them (the caller drops them and closes the connection).
     */
    boolean onBytes(ByteBuf bytes) {
        if (done) {
            return false;
        }
        if (held != null && bytes.isReadable()) {
            desync(); // surplus after a complete response on a reused connection
            return false;
        }
        long now = System.nanoTime();
        if (!firstByte && bytes.isReadable()) {
            firstByte = true;
            if (written && key.forwarder().isPresent()) {
                progress.sent(now); // see ConnectionKey#forwarder: the latest the target can have seen it
            }
            if (written) {
                settleWindow().replied(now - sentAt);
            }
            cancel(firstByteTimer);
            armRateTimer();
        }
        rate.received(bytes.readableBytes(), now);
        if (!statusLineStart.complete()) {
            for (int i = bytes.readerIndex(); i < bytes.writerIndex() && !statusLineStart.complete(); i++) {
                if (!statusLineStart.accept(bytes.getByte(i))) {
                    fail(FetchError.PROTOCOL, StatusLineStart.refusal(
                            bytes.toString(bytes.readerIndex(), Math.min(bytes.readableBytes(), 16),
                                    java.nio.charset.StandardCharsets.ISO_8859_1)));
                    return false;
                }
            }
        }
        return true;
    }

    /** Judges the transfer rate at the end of each window, from the first byte on. */
    private void armRateTimer() {
        if (!rate.enabled()) {
            return;
        }
        long window = settings.transferRateWindow().toNanos();
        rateTimer = channel.eventLoop().scheduleAtFixedRate(() -> rate.check(System.nanoTime())
                .ifPresent(why -> fail(FetchError.TOO_SLOW, why)), window, window, TimeUnit.NANOSECONDS);
    }

    /** A response head, as the server sent it (before decompression rewrote it). */
    void onHead(HttpResponse head) {
        int code = head.status().code();
        if (code >= 100 && code < 200 && code != 101) {
            informational = true; // 100 Continue, 103 Early Hints: the real response follows
            return;
        }
        if (code < 100 || code > 999) {
            fail(FetchError.PROTOCOL, "malformed status line: status " + code + " is not three digits from 100 to 999");
            return;
        }
        Optional<FetchException> refused = key.forwardRefusal(code);
        if (refused.isPresent()) {
            fail(refused.get().error(), refused.get().getMessage());
            return;
        }
        status = code;
        headers = snapshot(head);
        settings.extras().answered(uri, headers);
        serverKeepAlive = HttpUtil.isKeepAlive(head);
        body = BodyAccumulator.forResponse(settings.maxBodyBytes(), headers);
        decoder = CodingDecoder.forCoding(headers.first("Content-Encoding")).orElse(null);
    }

    private static ResponseHeaders snapshot(HttpResponse head) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(head.headers().size());
        for (Map.Entry<String, String> e : head.headers()) {
            entries.add(Map.entry(e.getKey(), e.getValue()));
        }
        return new ResponseHeaders(entries);
    }

    /** A piece of decoded body; the last piece completes the response. */
    void onContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            fail(FetchError.PROTOCOL, "malformed response body: " + Messages.rootMessage(content.decoderResult().cause()));
            return;
        }
        if (informational) {
            informational = !(content instanceof LastHttpContent);
            return;
        }
        if (body == null) {
            fail(FetchError.PROTOCOL, "response body without a response head");
            return;
        }
        boolean room;
        try {
            room = decoder == null ? body.append(content.content().nioBuffer()) : decode(content.content());
            if (room && content instanceof LastHttpContent && decoder != null) {
                decoder.endOfInput();
            }
        } catch (FetchException e) {
            fail(e.error(), e.getMessage());
            return;
        }
        if (!room) {
            complete(watch.response(uri, status, headers, body, keepAliveAsked), false); // truncated: stop reading, close
        } else if (content instanceof LastHttpContent) {
            ended(watch.response(uri, status, headers, body, keepAliveAsked));
        }
    }

    /**
     * The response ended whole. Bytes already waiting after it fail it on a reused connection (and
     * keep a fresh one from being reused); otherwise a reused connection that would go back to the
     * pool is watched for the settle window first.
     */
    private void ended(FetchResult.Response response) {
        boolean surplus = leftover();
        if (reused && surplus) {
            desync();
            return;
        }
        boolean reusable = lane.mayKeepAlive(key) && serverKeepAlive && channel.isActive() && !surplus;
        if (!DistrustedOrigins.mustSettle(reused, settings)) {
            complete(response, reusable);
            return;
        }
        held = response;
        heldReusable = reusable;
        cancel(responseTimer);
        cancel(firstByteTimer);
        cancel(rateTimer);
        long now = System.nanoTime();
        long hold = settleWindow().holdNanos(sentAt, now, settings.reuseSettle());
        settleTimer = channel.eventLoop().schedule(() -> complete(held, heldReusable), hold, TimeUnit.NANOSECONDS);
        progress.held(response);
        if (reusable) {
            lane.settling(this);
            progress.settling(response, now);
        }
    }

    /**
     * {@code next}, to the same origin, waits for this exchange's connection, which is only
     * settling: it gets it as soon as this exchange lets go of it ({@link #takeSuccessor}).
     */
    void succeededBy(NettyExchange next) {
        if (successor != null) {
            throw new IllegalStateException("a settling connection was promised twice");
        }
        successor = next;
    }

    /** The exchange waiting for this one's connection, if any, now no longer waiting here. */
    NettyExchange takeSuccessor() {
        NettyExchange next = successor;
        successor = null;
        return next;
    }

    private SettleWindow settleWindow() {
        SettleWindow w = channel.attr(SETTLE).get();
        if (w == null) {
            w = new SettleWindow();
            channel.attr(SETTLE).set(w);
        }
        return w;
    }

    /** The server is out of step with its requests: fail, and stop trusting its origin with reuse. */
    private void desync() {
        lane.distrust(key);
        fail(FetchError.DESYNC, Messages.desync(settings));
    }

    /** Pushes raw body bytes through the decoder into the body; false once the body is full. */
    private boolean decode(ByteBuf raw) throws FetchException {
        decoder.feed(raw.nioBuffer());
        byte[] decoded = lane.decodeScratch();
        int n;
        while ((n = decoder.decode(decoded, 0, decoded.length)) > 0) {
            if (!body.append(decoded, 0, n)) {
                return false;
            }
        }
        return true;
    }

    /** Whether bytes past the end of the response wait on the connection (it is then not reused). */
    private boolean leftover() {
        ResponseDecoder d = channel.pipeline().get(ResponseDecoder.class);
        return d == null || d.hasLeftover();
    }

    /** The connection closed while this request was using it. */
    void onInactive() {
        if (done) {
            return;
        }
        if (held != null) {
            complete(held, false); // closed in the settle window: nothing came after the response
            return;
        }
        switch (DeadReuse.judge(FetchError.IO, reused, written, firstByte)) {
            case RESEND -> lane.retry(this);
            case STALE -> fail(FetchError.STALE_CONNECTION, Messages.staleConnection());
            case NONE -> fail(FetchError.IO, Messages.closedEarly());
        }
    }

    /** Something in the pipeline failed. */
    void onError(Throwable cause) {
        if (done) {
            return;
        }
        if (held != null) {
            complete(held, false); // broke in the settle window, after the whole response
            return;
        }
        FetchError broke = cause instanceof java.io.IOException ? FetchError.IO : NettyErrors.classify(cause);
        switch (DeadReuse.judge(broke, reused, written, firstByte)) {
            case RESEND -> lane.retry(this);
            case STALE -> fail(FetchError.STALE_CONNECTION, Messages.staleConnection());
            case NONE -> fail(NettyErrors.classify(cause), NettyErrors.describe(cause, target, key));
        }
    }

    /**
     * Forgets the current channel, found dead before the request reached the server (see
     * {@link DeadReuse}), and returns it; the request goes again on a fresh connection, which is
     * never replaced in turn.
     */
    Channel detachForRetry() {
        reused = false;
        cancel(firstByteTimer);
        cancel(rateTimer);
        Channel ch = channel;
        channel = null;
        if (ch != null) {
            ch.attr(CURRENT).compareAndSet(this, null);
        }
        return ch;
    }

    /** A bug broke this exchange: release what it holds and complete its future exceptionally. */
    void crash(Throwable bug) {
        if (finish(false)) {
            result.completeExceptionally(bug);
        }
    }

    void fail(FetchError error, String message) {
        complete(watch.failure(uri, error, message), false);
    }

    private void complete(FetchResult r, boolean reusable) {
        if (finish(reusable)) {
            result.complete(r);
        }
    }

    /** Stops timers, lets go of the connection; false if this exchange had already finished. */
    private boolean finish(boolean reusable) {
        if (done) {
            return false;
        }
        done = true;
        cancel(responseTimer);
        cancel(firstByteTimer);
        cancel(rateTimer);
        cancel(settleTimer);
        if (decoder != null) {
            decoder.close();
        }
        if (connecting != null) {
            connecting.cancel(false);
        }
        Channel ch = channel;
        if (ch != null) {
            ch.attr(CURRENT).compareAndSet(this, null);
        }
        lane.finished(this, ch, reusable);
        return true;
    }

    private static void cancel(Future<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
