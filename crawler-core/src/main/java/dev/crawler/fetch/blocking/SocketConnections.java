package dev.crawler.fetch.blocking;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.connect.ClientTls;
import dev.crawler.fetch.connect.ConnectWait;
import dev.crawler.fetch.connect.ConnectionKey;
import dev.crawler.fetch.connect.ConnectionPlanner;
import dev.crawler.fetch.connect.DistrustedOrigins;
import dev.crawler.fetch.connect.TlsFailures;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestTarget;
import dev.crawler.net.IpLiteral;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The blocking fetcher's connections: opens them (connect timeout, a tunnel through the proxy if
 * one carries them ({@link ProxyTunnel}), TLS with SNI and host name verification for https), has the {@link ConnectionPlanner} route requests and keep idle
 * keep-alive ones, and knows the ones in use so that {@link #close()} can break off blocked reads.
 * Safe for many worker threads: the planner locks its pool for bookkeeping only, never around I/O.
 */
final class SocketConnections implements AutoCloseable {

    private final FetchSettings settings;
    private final SSLSocketFactory tls;
    private final ConnectionPlanner<SocketConnection> planner;
    private final Set<SocketConnection> inUse = ConcurrentHashMap.newKeySet();

    SocketConnections(FetchSettings settings, ClientTls tls, Duration idleTimeout, int maxIdlePerKey) {
        this.settings = settings;
        this.tls = tls.socketFactory();
        // a blocking socket cannot look without waiting: a look waits up to 1 ms on a live, quiet one
        this.planner = new ConnectionPlanner<>(settings, ConnectionPlanner.Connections.of(
                SocketConnection::peek, SocketConnection::isOpen, SocketConnection::close),
                new DistrustedOrigins(), idleTimeout, maxIdlePerKey);
    }

    /** Where a request for {@code target}, resolved to {@code address}, goes (see {@link ConnectionPlanner#route}). */
    ConnectionKey route(RequestTarget target, InetAddress address, long deadlineNanos) throws FetchException {
        return planner.route(target, address, deadlineNanos);
    }

    /**
     * An idle connection for {@code key}, now in use by the caller, if one is parked and quiet (see
     * {@link ConnectionPlanner#takeIdle}); expired idle connections are closed first.
     */
    Optional<SocketConnection> takeIdle(ConnectionKey key) throws FetchException {
        planner.evictExpired();
        Optional<SocketConnection> taken = planner.takeIdle(key);
        if (taken.isPresent()) {
            use(taken.get());
        }
        return taken;
    }

    /** Whether a request to {@code key} may ask for keep-alive: on, and the origin not distrusted. */
    boolean mayKeepAlive(ConnectionKey key) {
        return planner.mayKeepAlive(key);
    }

    /**
     * The server at {@code key} was caught out of step with its requests: it is not trusted with
     * reuse any more, and its idle connections are closed.
     */
    void distrust(ConnectionKey key) {
        planner.distrust(key);
    }

    /** Opens a new connection for {@code key}, in use by the caller, within the connect timeout. */
    SocketConnection open(ConnectionKey key, RequestTarget target, long deadlineNanos) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            connect(socket, key, deadlineNanos);
            if (key.tunnel().isPresent()) {
                ProxyTunnel.open(socket, key.tunnel().get(), key.tunnelTarget(),
                        (int) Math.max(1, ConnectWait.of(settings, System.nanoTime(), deadlineNanos).nanos() / 1_000_000),
                        settings.maxHeaderBytes());
            }
            Socket ready = target.secure() ? handshake(socket, target, deadlineNanos) : socket;
            return use(new SocketConnection(key, ready));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Marks {@code conn} in use, so that closing breaks off its reads; fails if closing came first. */
    private SocketConnection use(SocketConnection conn) throws FetchException {
        inUse.add(conn);
        if (planner.isClosed()) {
            release(conn, false);
            throw new FetchException(FetchError.CANCELLED, Messages.fetcherClosed());
        }
        return conn;
    }

    private void connect(Socket socket, ConnectionKey key, long deadlineNanos) throws IOException {
        InetSocketAddress to = key.connectAddress();
        ConnectWait wait = ConnectWait.of(settings, System.nanoTime(), deadlineNanos);
        if (wait.nanos() <= 0) {
            throw new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
        }
        try {
            socket.connect(to, (int) Math.max(1, Math.min(Integer.MAX_VALUE, wait.nanos() / 1_000_000)));
        } catch (IOException e) {
            if (key.via().isPresent()) {
                String why = e instanceof SocketTimeoutException
                        ? "timed out after " + settings.connectTimeout().toMillis() + " ms" : Messages.rootMessage(e);
                throw new FetchException(FetchError.PROXY, Messages.proxyUnreachable(key.via().get(), why), e);
            }
            if (e instanceof SocketTimeoutException) {
                throw wait.timedOut(settings, to);
            }
            throw new FetchException(FetchError.CONNECT, Messages.cannotConnect(to, Messages.rootMessage(e)), e);
        }
    }

    private Socket handshake(Socket plain, RequestTarget target, long deadlineNanos) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(plain, target.host(), target.port(), true);
        SSLParameters params = ssl.getSSLParameters();
        ClientTls.configure(params);
        if (IpLiteral.parse(target.host()).isEmpty()) {
            params.setServerNames(List.of(new SNIHostName(target.host())));
        }
        ssl.setSSLParameters(params);
        long wait = Math.min(settings.connectTimeout().toNanos(), deadlineNanos - System.nanoTime());
        ssl.setSoTimeout((int) Math.max(1, wait / 1_000_000));
        try {
            ssl.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new FetchException(FetchError.CONNECT_TIMEOUT, Messages.tlsFailed(target.host(), "timed out"));
        } catch (SSLException e) {
            throw new FetchException(FetchError.TLS, TlsFailures.message(e, target.host()), e);
        }
        return ssl;
    }

    /** The caller is done with {@code conn}: park it if {@code reusable}, else close it. */
    void release(SocketConnection conn, boolean reusable) {
        inUse.remove(conn);
        planner.release(conn.key(), conn, reusable);
    }

    /** Closes idle connections and those in use (their blocked reads fail at once). */
    @Override
    public void close() {
        planner.close();
        List<SocketConnection> all = new ArrayList<>(inUse);
        inUse.clear();
        all.forEach(SocketConnection::close);
    }
}
