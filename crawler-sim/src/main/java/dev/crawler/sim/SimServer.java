package dev.crawler.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
public final class SimServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimServer.class);
    /** Event-loop threads unless told otherwise. */
    public static final int DEFAULT_IO_THREADS = 2;
    private static final int BIND_ATTEMPTS = 20;

    private final EventLoopGroup group;
    private final List<Channel> listeners;
    private final ChannelGroup connections;
    private final SimWeb web;
    private final String transport;
    private final AtomicLong connectionIds;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SimServer(EventLoopGroup group, List<Channel> listeners, ChannelGroup connections, SimWeb web,
            String transport, AtomicLong connectionIds) {
        this.group = group;
        this.listeners = listeners;
        this.connections = connections;
        this.web = web;
        this.transport = transport;
        this.connectionIds = connectionIds;
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
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sink, "sink");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
        }
        Transport transport = Transport.pick();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("sim-io", true),
                transport.ioHandlerFactory());
        ChannelGroup connections = new DefaultChannelGroup("sim-connections", GlobalEventExecutor.INSTANCE);
        AtomicReference<SimWeb> webRef = new AtomicReference<>();
        AtomicLong connectionIds = new AtomicLong();
        boolean started = false;
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            SimWeb web = webRef.get();
                            if (web == null) { // accepted while still binding: not serving yet
                                ch.close();
                                return;
                            }
                            connections.add(ch);
                            ch.pipeline().addLast("http", new HttpServerCodec(4096, 16 * 1024, 16 * 1024));
                            ch.pipeline().addLast("aggregate", new HttpObjectAggregator(16 * 1024));
                            ch.pipeline().addLast("sim", new SimHttpHandler(web, sink, connectionIds.incrementAndGet()));
                        }
                    });
            List<Channel> listeners = bindAll(bootstrap, config);
            int port = ((InetSocketAddress) listeners.get(0).localAddress()).getPort();
            SimWeb web = new SimWeb(config, port);
            webRef.set(web);
            log.info("simulated web: {} hosts x {} pages on {}..{} port {} ({}, {} I/O threads, latency {})",
                    config.hosts(), config.pagesPerHost(), web.resolveMap().get(web.hostName(1)),
                    web.resolveMap().get(web.hostName(config.hosts())), port, transport.name(), ioThreads, config.latency());
            SimServer server = new SimServer(group, listeners, connections, web, transport.name(), connectionIds);
            started = true;
            return server;
        } finally {
            if (!started) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    private static List<Channel> bindAll(ServerBootstrap bootstrap, SimConfig config) throws InterruptedException {
        HostAddresses addresses = new HostAddresses(config.firstAddress());
        Exception last = null;
        for (int attempt = 0; attempt < (config.port() == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            List<Channel> bound = new ArrayList<>(config.hosts());
            int port = config.port();
            try {
                for (int i = 0; i < config.hosts(); i++) {
                    Channel ch = bootstrap.bind(new InetSocketAddress(addresses.address(i), port)).sync().channel();
                    bound.add(ch);
                    port = ((InetSocketAddress) ch.localAddress()).getPort();
                }
                return bound;
            } catch (InterruptedException e) {
                closeAll(bound);
                throw e;
            } catch (Exception e) { // a bind failure: Netty rethrows the checked cause
                closeAll(bound);
                last = e;
                log.debug("binding {} hosts on port {} failed ({}), attempt {}", config.hosts(), port, e.toString(), attempt + 1);
            }
        }
        throw new IllegalStateException("cannot bind " + config.hosts() + " loopback addresses from " + config.firstAddress()
                + (config.port() == 0 ? " on one free port" : " on port " + config.port()) + ": " + last
                + " (on Linux all of 127.0.0.0/8 is loopback; on other systems add loopback aliases)", last);
    }

    private static void closeAll(List<Channel> channels) {
        for (Channel ch : channels) {
            ch.close().awaitUninterruptibly();
        }
    }

    /** The port every host listens on. */
    public int port() {
        return web.port();
    }

    /** The model this server serves. */
    public SimWeb web() {
        return web;
    }

    /** "epoll" or "nio". */
    public String transport() {
        return transport;
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.size();
    }

    /** Connections accepted since start. */
    public long acceptedConnections() {
        return connectionIds.get();
    }

    /** Stops listening, closes every connection, and shuts the event loops down. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Channel ch : listeners) {
                ch.close();
            }
            var allClosed = connections.close();
            if (!onOwnEventLoop()) {
                allClosed.awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
        } finally {
            var terminated = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            if (!onOwnEventLoop()) {
                terminated.awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
            log.info("simulated web on port {} stopped", web.port());
        }
    }

    private boolean onOwnEventLoop() {
        for (EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "SimServer[" + web + ", " + transport + "]";
    }
}
