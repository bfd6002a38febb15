package dev.crawler.fetch;

import dev.crawler.net.IpLiteral;
import java.io.IOException;
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
 * The blocking fetcher's connections: opens them (connect timeout, TLS with SNI and host name
 * verification for https), keeps idle keep-alive ones in an {@link IdlePool}, and knows the ones
 * in use so that {@link #close()} can break off blocked reads. Safe for many worker threads: the
 * pool is locked only for bookkeeping, never around I/O.
 */
final class SocketConnections implements AutoCloseable {

    private final FetchSettings settings;
    private final SSLSocketFactory tls;
    private final IdlePool<ConnectionKey, SocketConnection> idle;
    private final DistrustedOrigins distrusted = new DistrustedOrigins();
    private final Set<SocketConnection> inUse = ConcurrentHashMap.newKeySet();
    private boolean closed;

    SocketConnections(FetchSettings settings, ClientTls tls, Duration idleTimeout, int maxIdlePerKey) {
        this.settings = settings;
        this.tls = tls.socketFactory();
        this.idle = new IdlePool<>(idleTimeout, maxIdlePerKey);
    }

    /**
     * An idle connection for {@code key}, now in use by the caller, if one is parked and quiet. One
     * the server closed is dropped (the next is looked at). A connection on which the server sent
     * bytes while it was idle is closed, not reused: those bytes would be read as the next
     * response; its origin is not trusted with reuse any more, and none is handed out for a
     * distrusted origin.
     */
    Optional<SocketConnection> takeIdle(ConnectionKey key) {
        if (distrusted.distrusted(key)) {
            return Optional.empty();
        }
        while (true) {
            List<SocketConnection> expired;
            Optional<SocketConnection> taken;
            synchronized (idle) {
                long now = System.nanoTime();
                expired = idle.evictExpired(now);
                taken = idle.take(key, now);
                taken.ifPresent(inUse::add);
            }
            expired.forEach(SocketConnection::close);
            if (taken.isEmpty()) {
                return taken;
            }
            switch (taken.get().peek()) {
                case QUIET -> {
                    return taken;
                }
                case SURPLUS -> {
                    release(taken.get(), false);
                    distrust(key);
                    return Optional.empty();
                }
                case CLOSED -> release(taken.get(), false);
            }
        }
    }

    /** Whether a request to {@code key} may ask for keep-alive: on, and the origin not distrusted. */
    boolean mayKeepAlive(ConnectionKey key) {
        return distrusted.mayKeepAlive(key, settings);
    }

    /**
     * The server at {@code key} was caught out of step with its requests: it is not trusted with
     * reuse any more, and its idle connections are closed.
     */
    void distrust(ConnectionKey key) {
        distrusted.distrust(key);
        List<SocketConnection> parked;
        synchronized (idle) {
            parked = idle.removeAll(key);
        }
        parked.forEach(SocketConnection::close);
    }

    /** Opens a new connection for {@code key}, in use by the caller, within the connect timeout. */
    SocketConnection open(ConnectionKey key, RequestTarget target, long deadlineNanos) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            connect(socket, key.socketAddress(), deadlineNanos);
            Socket ready = target.secure() ? handshake(socket, target, deadlineNanos) : socket;
            SocketConnection conn = new SocketConnection(key, ready);
            inUse.add(conn);
            if (isClosed()) {
                release(conn, false);
                throw new FetchException(FetchError.CANCELLED, Messages.fetcherClosed());
            }
            return conn;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void connect(Socket socket, InetSocketAddress to, long deadlineNanos) throws IOException {
        long remaining = deadlineNanos - System.nanoTime();
        boolean connectBound = settings.connectTimeout().toNanos() <= remaining;
        long wait = connectBound ? settings.connectTimeout().toNanos() : remaining;
        if (wait <= 0) {
            throw new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
        }
        try {
            socket.connect(to, (int) Math.max(1, Math.min(Integer.MAX_VALUE, wait / 1_000_000)));
        } catch (SocketTimeoutException e) {
            throw connectBound
                    ? new FetchException(FetchError.CONNECT_TIMEOUT, Messages.connectTimeout(settings, to))
                    : new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
        } catch (IOException e) {
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
        List<SocketConnection> toClose = List.of(conn);
        if (reusable && conn.isOpen() && !distrusted.distrusted(conn.key())) {
            synchronized (idle) {
                if (!closed) {
                    toClose = idle.offer(conn.key(), conn, System.nanoTime());
                }
            }
        }
        toClose.forEach(SocketConnection::close);
    }

    private boolean isClosed() {
        synchronized (idle) {
            return closed;
        }
    }

    /** Closes idle connections and those in use (their blocked reads fail at once). */
    @Override
    public void close() {
        List<SocketConnection> all;
        synchronized (idle) {
            closed = true;
            all = new ArrayList<>(idle.drain());
        }
        all.addAll(inUse);
        inUse.clear();
        all.forEach(SocketConnection::close);
    }
}
