package dev.crawler.sim;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory served over HTTP/1.1 with keep-alive, on one loopback address and port, under one
 * host name ({@value #HOST} unless told otherwise): the real pages of a {@link StaticSite} for
 * crawls and benches, on the same Netty transport as {@link SimServer} (epoll, else NIO).
 *
 * <pre>{@code
 * try (StaticServer server = StaticServer.start(Path.of("/usr/share/doc/python3.11/html"), RequestSink.discard())) {
 *     String seed = server.seedUrl();                // http://static.sim:PORT/
 *     Map<String, String> resolve = server.resolveMap();
 * }
 * }</pre>
 */
public final class StaticServer implements AutoCloseable, ServerProcess.Listening {

    private static final Logger log = LoggerFactory.getLogger(StaticServer.class);
    /** The host name the site is served under. */
    public static final String HOST = "static.sim";
    /** The loopback address it listens on unless told otherwise. */
    public static final String ADDRESS = "127.0.1.1";

    private final HttpListeners listeners;
    private final StaticSite site;
    private final InetSocketAddress bound;

    private StaticServer(HttpListeners listeners, Channel listener, StaticSite site) {
        this.listeners = listeners;
        this.site = site;
        this.bound = (InetSocketAddress) listener.localAddress();
    }

    /** Serves {@code root} on {@value #ADDRESS}, a free port, {@value SimServer#DEFAULT_IO_THREADS} event loops. */
    public static StaticServer start(Path root, RequestSink sink) throws InterruptedException {
        return start(root, sink, ADDRESS, 0, SimServer.DEFAULT_IO_THREADS);
    }

    /**
     * Serves the files under {@code root} on {@code address} and {@code port} (0: a free one).
     *
     * @throws IllegalArgumentException if {@code root} is not a readable directory or the address is not an IP
     * @throws IllegalStateException if the address and port cannot be bound
     */
    public static StaticServer start(Path root, RequestSink sink, String address, int port, int ioThreads)
            throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        StaticSite site = StaticSite.of(root);
        InetAddress ip = ipAddress(address);
        HttpListeners listeners = new HttpListeners("static", ioThreads, 1024, 8192);
        boolean started = false;
        try {
            Channel listener;
            try {
                listener = listeners.bind(new InetSocketAddress(ip, port));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) { // a bind failure: Netty rethrows the checked cause
                throw new IllegalStateException("cannot listen on " + address + " port " + port + ": " + e, e);
            }
            listeners.serve(id -> new StaticFileHandler(site, sink, id));
            StaticServer server = new StaticServer(listeners, listener, site);
            log.info("static site {} on {} port {} ({}, {} I/O threads)", site.root(), address, server.port(),
                    listeners.transport(), ioThreads);
            started = true;
            return server;
        } finally {
            if (!started) {
                listeners.close();
            }
        }
    }

    private static InetAddress ipAddress(String address) {
        if (!address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("address must be an IP address, was '" + address + "'");
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address '" + address + "'", e);
        }
    }

    /** The port it listens on. */
    @Override
    public int port() {
        return bound.getPort();
    }

    /** The address it listens on, such as {@code 127.0.1.1}. */
    public String address() {
        return bound.getAddress().getHostAddress();
    }

    /** The directory served. */
    public Path root() {
        return site.root();
    }

    /** {@code http://static.sim:PORT/}. */
    public String seedUrl() {
        return "http://" + HOST + ":" + port() + "/";
    }

    /** The host name mapped to the address, for a crawler's {@code --resolve}. */
    public Map<String, String> resolveMap() {
        return Map.of(HOST, address());
    }

    /** "epoll" or "nio". */
    @Override
    public String transport() {
        return listeners.transport();
    }

    /** Connections open now. */
    @Override
    public int openConnections() {
        return listeners.openConnections();
    }

    /** Connections accepted since start. */
    @Override
    public long acceptedConnections() {
        return listeners.acceptedConnections();
    }

    /** Stops listening, closes every connection and shuts the event loops down. Idempotent. */
    @Override
    public void close() {
        listeners.close();
    }

    @Override
    public String toString() {
        return "StaticServer[" + site.root() + " on " + address() + ":" + port() + ", " + listeners.transport() + "]";
    }
}
