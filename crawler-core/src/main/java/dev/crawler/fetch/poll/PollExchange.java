package dev.crawler.fetch.poll;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.connect.ConnectWait;
import dev.crawler.fetch.connect.ConnectionKey;
import dev.crawler.fetch.connect.ConnectionPlanner;
import dev.crawler.fetch.connect.DeadReuse;
import dev.crawler.fetch.connect.DistrustedOrigins;
import dev.crawler.fetch.http.BodyAccumulator;
import dev.crawler.fetch.http.ContentDecoding;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.HttpHead;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.PushResponseReader;
import dev.crawler.fetch.http.RequestHead;
import dev.crawler.fetch.http.RequestTarget;
import dev.crawler.fetch.http.Stopwatch;
import dev.crawler.fetch.http.TransferRate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipException;

/**
 * One GET driven by the busy-poll thread, one non-blocking step per {@link #poll} call once
 * {@link #begin} had the {@link ConnectionPlanner} route it and hand it a connection: finish
 * connecting, write the request head, read what has arrived into a {@link PushResponseReader}. It
 * never waits; when nothing has happened yet it returns and is asked again on the next pass. The
 * HTTP semantics are the blocking fetcher's: same head, keep-alive reuse (a reused connection
 * that breaks before answering is judged by {@link DeadReuse}), the same timeouts (connect, first byte, whole
 * response, checked against the clock on every pass) and minimum transfer rate
 * ({@link TransferRate}), the content codings of {@link ContentDecoding} decoded into a capped body.
 * A response on a reused connection is held for the settle window, polled like the rest: bytes
 * after it fail it with {@link FetchError#DESYNC} (the timeouts do not run meanwhile).
 */
final class PollExchange {

    /** What a {@link #poll} left: more to do, or the result is complete. */
    enum Step { CONTINUE, DONE }

    private enum Phase { CONNECTING, WRITING, READING, SETTLING }

    private static final int READS_PER_PASS = 16;

    private final URI uri;
    private final RequestTarget target;
    private final FetchSettings settings;
    private final Stopwatch watch;
    private final long deadline;
    private final CompletableFuture<FetchResult> result = new CompletableFuture<>();

    private ConnectionKey key;
    private PollConnection conn;
    private boolean reused;
    private boolean keepAlive;
    /** The complete response held for the settle window. */
    private FetchResult held;
    /** Whether the connection of the held response may go back to the pool once it settles quietly. */
    private boolean heldReusable;
    private long settleDeadline;
    /** When the request was written whole (System.nanoTime). */
    private long sentAt;
    private Phase phase;
    private ByteBuffer request;
    private PushResponseReader reader;
    private TransferRate rate;
    private ConnectWait connectWait;
    private long connectDeadline;
    private long firstByteDeadline;

    /** Told the time the request was written whole (a politeness clock), and of a held response. */
    private final FetchProgress progress;

    PollExchange(URI uri, RequestTarget target, FetchSettings settings, Stopwatch watch,
            FetchProgress progress) {
        this.progress = progress;
        this.uri = uri;
        this.target = target;
        this.settings = settings;
        this.watch = watch;
        this.deadline = watch.startNanos() + settings.responseTimeout().toNanos();
    }

    /** Whether the response is complete and only held for the settle window. */
    boolean settling() {
        return phase == Phase.SETTLING;
    }

    CompletableFuture<FetchResult> result() {
        return result;
    }

    URI uri() {
        return uri;
    }

    RequestTarget target() {
        return target;
    }

    /**
     * Starts the exchange on the polling thread with the resolved address: an idle connection to
     * it, or a new one connecting.
     *
     * @return {@link Step#DONE} if it already failed
     */
    Step begin(InetAddress address, PollConnections connections, long now) {
        try {
            key = connections.route(target, address, deadline);
        } catch (FetchException e) {
            return fail(e.error(), e.getMessage());
        }
        Optional<PollConnection> idle = connections.takeIdle(key, now);
        if (idle.isPresent()) {
            reused = true;
            use(idle.get(), connections, now);
            return Step.CONTINUE;
        }
        return connectNew(connections, now);
    }

    private Step connectNew(PollConnections connections, long now) {
        try {
            use(connections.open(key), connections, now);
            return Step.CONTINUE;
        } catch (FetchException e) {
            return fail(e.error(), e.getMessage());
        }
    }

    private void use(PollConnection c, PollConnections connections, long now) {
        conn = c;
        phase = Phase.CONNECTING;
        connectWait = ConnectWait.of(settings, now, deadline);
        connectDeadline = now + connectWait.nanos();
        keepAlive = connections.mayKeepAlive(key);
        request = ByteBuffer.wrap(RequestHead.get(uri, target, settings, keepAlive).encode());
        reader = new PushResponseReader(settings.maxHeaderBytes(), rawLimit(settings.maxBodyBytes()));
        rate = TransferRate.of(settings);
    }

    /** Raw bytes kept: the decoded limit plus room for a coding that does not shrink the data. */
    static long rawLimit(long maxBodyBytes) {
        return maxBodyBytes + Math.max(64 << 10, maxBodyBytes / 8);
    }

    /** One non-blocking step; {@code scratch} is the poller's read buffer. */
    Step poll(ByteBuffer scratch, PollConnections connections, long now) {
        try {
            if (phase != Phase.SETTLING && now - deadline >= 0) {
                throw new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
            }
            return switch (phase) {
                case CONNECTING -> connecting(now);
                case WRITING -> writing(now);
                case READING -> reading(scratch, connections, now);
                case SETTLING -> settling(connections, now);
            };
        } catch (FetchException e) {
            return failed(e.error(), e.getMessage(), connections, now);
        } catch (ZipException e) {
            return failed(FetchError.PROTOCOL, "invalid compressed body: " + Messages.rootMessage(e), connections, now);
        } catch (IOException e) {
            return failed(FetchError.IO, Messages.rootMessage(e), connections, now);
        }
    }

    private Step connecting(long now) throws IOException {
        if (!conn.finishConnect()) {
            if (now - connectDeadline >= 0) {
                throw connectWait.timedOut(settings, key.socketAddress());
            }
            return Step.CONTINUE;
        }
        phase = Phase.WRITING;
        return writing(now);
    }

    private Step writing(long now) throws IOException {
        conn.write(request);
        if (request.hasRemaining()) {
            return Step.CONTINUE;
        }
        phase = Phase.READING;
        sentAt = System.nanoTime();
        progress.sent(sentAt);
        firstByteDeadline = now + settings.firstByteTimeout().toNanos();
        return Step.CONTINUE;
    }

    private Step reading(ByteBuffer scratch, PollConnections connections, long now) throws IOException {
        Optional<String> slow = rate.check(now);
        if (slow.isPresent()) {
            throw new FetchException(FetchError.TOO_SLOW, slow.get());
        }
        for (int i = 0; i < READS_PER_PASS; i++) {
            scratch.clear();
            int n = conn.read(scratch);
            if (n == 0) {
                break;
            }
            if (n > 0 && !reader.receivedAny()) {
                conn.settleWindow().replied(now - sentAt);
            }
            rate.received(n, now);
            PushResponseReader.Progress read;
            if (n < 0) {
                read = reader.endOfStream();
            } else {
                scratch.flip();
                read = reader.push(scratch);
            }
            if (read == PushResponseReader.Progress.DONE) {
                return complete(connections, now);
            }
        }
        if (!reader.receivedAny() && now - firstByteDeadline >= 0) {
            throw new FetchException(FetchError.FIRST_BYTE_TIMEOUT, Messages.firstByteTimeout(settings));
        }
        return Step.CONTINUE;
    }

    private Step complete(PollConnections connections, long now) throws IOException {
        HttpHead head = reader.head();
        settings.extras().answered(uri, head.headers());
        BodyAccumulator body = new BodyAccumulator(settings.maxBodyBytes());
        try (InputStream decoded = ContentDecoding.decode(new ByteArrayInputStream(reader.rawBody()),
                head.headers().first("Content-Encoding"))) {
            body.readFrom(decoded);
        }
        if (reused && reader.surplus()) {
            return desync(connections);
        }
        boolean reusable = !body.truncated() && keepAlive && head.keepAlive() && reader.cleanEnd();
        FetchResult.Response response = watch.response(uri, head.status(), head.headers(), body, keepAlive);
        if (!body.truncated() && reader.cleanEnd() && DistrustedOrigins.mustSettle(reused, settings)) {
            held = response;
            heldReusable = reusable;
            phase = Phase.SETTLING;
            settleDeadline = now + conn.settleWindow().holdNanos(sentAt, now, settings.reuseSettle());
            progress.held(response);
            return Step.CONTINUE;
        }
        return deliver(response, reusable, connections);
    }

    /** One look at the connection in the settle window; the response goes when it ends quietly. */
    private Step settling(PollConnections connections, long now) {
        return switch (conn.peek()) {
            case SURPLUS -> desync(connections);
            case CLOSED -> deliver(held, false, connections);
            case QUIET -> now - settleDeadline >= 0 ? deliver(held, heldReusable, connections) : Step.CONTINUE;
        };
    }

    private Step deliver(FetchResult response, boolean reusable, PollConnections connections) {
        connections.release(conn, reusable);
        conn = null;
        result.complete(response);
        return Step.DONE;
    }

    /** The server is out of step with its requests: fail, and stop trusting its origin with reuse. */
    private Step desync(PollConnections connections) {
        connections.release(conn, false);
        conn = null;
        connections.distrust(key);
        return fail(FetchError.DESYNC, Messages.desync(settings));
    }

    /**
     * A failure: a reused connection that broke (not timed out) before any response byte is
     * replaced by a new one if the request never went out, and fails the fetch with
     * {@link FetchError#STALE_CONNECTION} if it did ({@link DeadReuse}); anything else ends the
     * exchange.
     */
    private Step failed(FetchError error, String message, PollConnections connections, long now) {
        DeadReuse fate = conn == null ? DeadReuse.NONE
                : DeadReuse.judge(error, reused, phase == Phase.READING, reader.receivedAny());
        if (conn != null) {
            connections.release(conn, false);
            conn = null;
        }
        return switch (fate) {
            case RESEND -> {
                reused = false;
                yield connectNew(connections, now);
            }
            case STALE -> fail(FetchError.STALE_CONNECTION, Messages.staleConnection());
            case NONE -> fail(error, message);
        };
    }

    /** Completes with a failure (the connection, if any, is the caller's to close). */
    Step fail(FetchError error, String message) {
        result.complete(watch.failure(uri, error, message));
        return Step.DONE;
    }

    /** Closes the connection and fails with CANCELLED (the fetcher is closing). */
    void cancel() {
        if (conn != null) {
            conn.close();
            conn = null;
        }
        fail(FetchError.CANCELLED, Messages.fetcherClosed());
    }
}
