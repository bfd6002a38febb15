package dev.crawler.fetch.blocking;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.connect.ConnectionKey;
import dev.crawler.fetch.connect.ConnectionPlanner;
import dev.crawler.fetch.connect.DeadReuse;
import dev.crawler.fetch.connect.DistrustedOrigins;
import dev.crawler.fetch.http.BodyAccumulator;
import dev.crawler.fetch.http.BodyFraming;
import dev.crawler.fetch.http.ContentDecoding;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.HttpHead;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestHead;
import dev.crawler.fetch.http.RequestTarget;
import dev.crawler.fetch.http.Stopwatch;
import dev.crawler.net.BlockingResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * One GET on a blocking worker thread, step by step: take the URI apart, resolve, have the
 * {@link ConnectionPlanner} route it (time left, address policy) and hand it an idle connection,
 * or else open one, send the head, read the response head
 * (skipping interim 1xx), frame and decode the body into a capped accumulator, then park or close
 * the connection (closed if bytes beyond the response wait on it). A reused connection that dies
 * before the first response byte is judged by {@link DeadReuse}, as in the other fetchers: replaced
 * if the request never went out, else a {@link FetchError#STALE_CONNECTION}. On a reused connection
 * bytes beyond the response, at once or within the settle window, fail it with
 * {@link FetchError#DESYNC} (see {@link DistrustedOrigins}). Every expected failure becomes a
 * {@link FetchResult.Failure}.
 */
final class BlockingExchange {

    private static final int DRAIN_LIMIT = 64 << 10;

    private final URI uri;
    private final FetchSettings settings;
    private final BlockingResolver resolver;
    private final SocketConnections connections;
    private final Stopwatch watch = Stopwatch.start();
    private final long deadline;

    /** Told the time each write of the request completed (a politeness clock), and of a held response. */
    private final FetchProgress progress;

    BlockingExchange(URI uri, FetchSettings settings, BlockingResolver resolver, SocketConnections connections,
            FetchProgress progress) {
        this.progress = progress;
        this.uri = uri;
        this.settings = settings;
        this.resolver = resolver;
        this.connections = connections;
        this.deadline = watch.startNanos() + settings.responseTimeout().toNanos();
    }

    FetchResult run() {
        try {
            return fetch();
        } catch (FetchException e) {
            return watch.failure(uri, e.error(), e.getMessage());
        } catch (ZipException e) {
            return watch.failure(uri, FetchError.PROTOCOL, "invalid compressed body: " + Messages.rootMessage(e));
        } catch (IOException e) {
            return watch.failure(uri, FetchError.IO, Messages.rootMessage(e));
        }
    }

    private FetchResult fetch() throws IOException {
        RequestTarget target = RequestTarget.of(uri);
        ConnectionKey key = connections.route(target, resolve(target.host()), deadline);
        Optional<SocketConnection> idle = connections.takeIdle(key);
        if (idle.isPresent()) {
            try {
                return exchange(idle.get(), target, true);
            } catch (NotSent e) {
                // the request never reached the server: send it on a fresh connection
            }
        }
        return exchange(connections.open(key, target, deadline), target, false);
    }

    private InetAddress resolve(String host) throws FetchException {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw ConnectionPlanner.unresolved(host, e);
        }
    }

    /** Writing the request on a reused connection failed: it never reached the server. */
    private static final class NotSent extends IOException {
        private static final long serialVersionUID = 1L;

        NotSent(IOException cause) {
            super(cause);
        }
    }

    private FetchResult exchange(SocketConnection conn, RequestTarget target, boolean reused) throws IOException {
        boolean reusable = false;
        boolean written = false;
        try {
            boolean keepAlive = connections.mayKeepAlive(conn.key());
            conn.timing().expectResponse(settings, deadline);
            RequestHead origin = RequestHead.get(uri, target, settings, keepAlive);
            conn.send(conn.key().forwarder().map(proxy -> origin.forwardedBy(proxy, target)).orElse(origin).encode());
            written = true;
            long sentAt = System.nanoTime();
            if (conn.key().forwarder().isEmpty()) {
                progress.sent(sentAt);
            }
            HttpHead head = readFinalHead(conn.in());
            if (conn.key().forwarder().isPresent()) {
                progress.sent(conn.timing().firstByteAt()); // see ConnectionKey#forwarder
            }
            Optional<FetchException> refused = conn.key().forwardRefusal(head.status());
            if (refused.isPresent()) {
                throw refused.get();
            }
            settings.extras().answered(uri, head.headers());
            BodyFraming framing = BodyFraming.of(head);
            InputStream framed = framing.open(conn.in(), settings.maxHeaderBytes());
            BodyAccumulator body = BodyAccumulator.forResponse(settings.maxBodyBytes(), head.headers());
            try (InputStream decoded = ContentDecoding.decode(framed, head.headers().first("Content-Encoding"))) {
                body.readFrom(decoded);
            }
            boolean whole = !body.truncated() && framing.delimited() && drained(framed);
            boolean surplus = whole && conn.hasBytesWaiting(); // bytes past the response: not reused
            if (reused && surplus) {
                throw desync(conn);
            }
            reusable = whole && !surplus && keepAlive && head.keepAlive();
            FetchResult.Response response = watch.response(uri, head.status(), head.headers(), body, keepAlive);
            conn.settleWindow().replied(conn.timing().firstByteAt() - sentAt);
            if (whole && DistrustedOrigins.mustSettle(reused, settings)) {
                long hold = conn.settleWindow().holdNanos(sentAt, System.nanoTime(), settings.reuseSettle());
                progress.held(response);
                switch (conn.settle(Duration.ofNanos(hold))) {
                    case SURPLUS -> {
                        reusable = false;
                        throw desync(conn);
                    }
                    case CLOSED -> reusable = false;
                    case QUIET -> { }
                }
            }
            return response;
        } catch (IOException e) {
            FetchError error = e instanceof FetchException f ? f.error() : FetchError.IO;
            throw switch (DeadReuse.judge(error, reused, written, conn.timing().receivedAny())) {
                case RESEND -> new NotSent(e);
                case STALE -> DeadReuse.staleFailure(e);
                case NONE -> e;
            };
        } finally {
            connections.release(conn, reusable);
        }
    }

    /** The server is out of step with its requests: its origin is not trusted with reuse any more. */
    private FetchException desync(SocketConnection conn) {
        connections.distrust(conn.key());
        return new FetchException(FetchError.DESYNC, Messages.desync(settings));
    }

    private HttpHead readFinalHead(InputStream in) throws IOException {
        HttpHead head = HttpHead.read(in, settings.maxHeaderBytes());
        while (head.informational()) {
            head = HttpHead.read(in, settings.maxHeaderBytes());
        }
        return head;
    }

    /** Reads what is left of the framed body (a decoder may stop before its end); true if it ended. */
    private static boolean drained(InputStream framed) throws IOException {
        byte[] skip = new byte[4096];
        int total = 0;
        int n;
        while ((n = framed.read(skip)) >= 0) {
            total += n;
            if (total > DRAIN_LIMIT) {
                return false;
            }
        }
        return true;
    }
}
