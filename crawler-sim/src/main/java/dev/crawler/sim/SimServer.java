package dev.crawler.sim;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated web on the network: one Netty HTTP/1.1 server (epoll, else NIO) listening on the
 * same port on every host's loopback address, answering from a {@link SimWeb} and recording every
 * request into a {@link RequestSink}.
 *
 * <pre>{@code
 * try (SimServer server = SimServer.start(SimConfig.defaults(), RequestLog.inMemory())) {
 *     List<String> seeds = server.web().seedUrls();   // http://site-1.sim:PORT/ ...
 *     Map<String, String> resolve = server.web().resolveMap();
 * }
 * }</pre>
 */
public final class SimServer implements AutoCloseable, ServerProcess.Listening {

    private static final Logger log = LoggerFactory.getLogger(SimServer.class);
    /** Event-loop threads unless told otherwise. */
    public static final int DEFAULT_IO_THREADS = 2;
    private static final int BIND_ATTEMPTS = 20;

    private final HttpListeners listeners;
    private final SimWeb web;
    private final SessionLog sessions;

    private SimServer(HttpListeners listeners, SimWeb web, SessionLog sessions) {
        this.listeners = listeners;
        this.web = web;
        this.sessions = sessions;
    }

    /** Starts a server with {@value #DEFAULT_IO_THREADS} event-loop threads. */
    public static SimServer start(SimConfig config, RequestSink sink) throws InterruptedException {
        return start(config, sink, DEFAULT_IO_THREADS);
    }

    /**
     * Binds every host address of {@code config} on one port (the configured one, or a free one
     * when it is 0) and starts serving.
     *
     * @throws IllegalStateException if an address cannot be bound (on Linux every 127.x.y.z works
     *     without configuration; elsewhere loopback aliases may be needed)
     */
    public static SimServer start(SimConfig config, RequestSink sink, int ioThreads) throws InterruptedException {
        return start(config, sink, ioThreads, RateLimit.none());
    }

    /** Like {@link #start(SimConfig, RequestSink)}, with one host rate-limiting a window of its requests. */
    public static SimServer start(SimConfig config, RequestSink sink, RateLimit rateLimit) throws InterruptedException {
        return start(config, sink, DEFAULT_IO_THREADS, rateLimit);
    }

    private static SimServer start(SimConfig config, RequestSink sink, int ioThreads, RateLimit rateLimit)
            throws InterruptedException {
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sink, "sink");
        HttpListeners listeners = new HttpListeners("sim", ioThreads, 4096, 4096);
        boolean started = false;
        try {
            int port = bindAll(listeners, config);
            SimWeb web = new SimWeb(config, port);
            SessionKeeper keeper = new SessionKeeper(web);
            listeners.serve(id -> new SimHttpHandler(web, keeper, sink, id, rateLimit));
            log.info("simulated web: {} hosts x {} pages on {}..{} port {} ({}, {} I/O threads, latency {})",
                    config.hosts(), config.pagesPerHost(), web.resolveMap().get(web.hostName(1)),
                    web.resolveMap().get(web.hostName(config.hosts())), port, listeners.transport(), ioThreads,
                    config.latency());
            started = true;
            return new SimServer(listeners, web, keeper.log());
        } finally {
            if (!started) {
                listeners.close();
            }
        }
    }

    /** Binds every host's address on one port; returns the port. */
    private static int bindAll(HttpListeners listeners, SimConfig config) throws InterruptedException {
        HostAddresses addresses = new HostAddresses(config.firstAddress());
        Exception last = null;
        for (int attempt = 0; attempt < (config.port() == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            List<Channel> bound = new ArrayList<>(config.hosts());
            int port = config.port();
            try {
                for (int i = 0; i < config.hosts(); i++) {
                    Channel ch = listeners.bind(new InetSocketAddress(addresses.address(i), port));
                    bound.add(ch);
                    port = ((InetSocketAddress) ch.localAddress()).getPort();
                }
                return port;
            } catch (InterruptedException e) {
                listeners.unbind(bound);
                throw e;
            } catch (Exception e) { // a bind failure: Netty rethrows the checked cause
                listeners.unbind(bound);
                last = e;
                log.debug("binding {} hosts on port {} failed ({}), attempt {}", config.hosts(), port, e.toString(), attempt + 1);
            }
        }
        throw new IllegalStateException("cannot bind " + config.hosts() + " loopback addresses from " + config.firstAddress()
                + (config.port() == 0 ? " on one free port" : " on port " + config.port()) + ": " + last
                + " (on Linux all of 127.0.0.0/8 is loopback; on other systems add loopback aliases)", last);
    }

    /** The port every host listens on. */
    @Override
    public int port() {
        return web.port();
    }

    /** The model this server serves. */
    public SimWeb web() {
        return web;
    }

    /**
     * What the hosts saw of their sessions and logins, when the config asks for them
     * ({@link SimConfig#withSessions()}, {@link SimConfig#withLogin}); all zeros otherwise.
     */
    public SessionLog sessions() {
        return sessions;
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

    /** Stops listening, closes every connection, and shuts the event loops down. Idempotent. */
    @Override
    public void close() {
        listeners.close();
        log.info("simulated web on port {} stopped", web.port());
    }

    @Override
    public String toString() {
        return "SimServer[" + web + ", " + listeners.transport() + "]";
    }
}
