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
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
public final class StaticServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StaticServer.class);
    /** The host name the site is served under. */
    public static final String HOST = "static.sim";
    /** The loopback address it listens on unless told otherwise. */
    public static final String ADDRESS = "127.0.1.1";

    private final EventLoopGroup group;
    private final Channel listener;
    private final ChannelGroup connections;
    private final AtomicLong connectionIds;
    private final StaticSite site;
    private final String transport;
    private final InetSocketAddress bound;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StaticServer(EventLoopGroup group, Channel listener, ChannelGroup connections, AtomicLong connectionIds,
            StaticSite site, String transport) {
        this.group = group;
        this.listener = listener;
        this.connections = connections;
        this.connectionIds = connectionIds;
        this.site = site;
        this.transport = transport;
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
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
        }
        Transport transport = Transport.pick();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("static-io", true),
                transport.ioHandlerFactory());
        ChannelGroup connections = new DefaultChannelGroup("static-connections", GlobalEventExecutor.INSTANCE);
        AtomicLong connectionIds = new AtomicLong();
        boolean started = false;
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.add(ch);
                            ch.pipeline().addLast("http", new HttpServerCodec(8192, 16 * 1024, 16 * 1024));
                            ch.pipeline().addLast("aggregate", new HttpObjectAggregator(16 * 1024));
                            ch.pipeline().addLast("static", new StaticFileHandler(site, sink, connectionIds.incrementAndGet()));
                        }
                    });
            Channel listener;
            try {
                listener = bootstrap.bind(new InetSocketAddress(ip, port)).sync().channel();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) { // a bind failure: Netty rethrows the checked cause
                throw new IllegalStateException("cannot listen on " + address + " port " + port + ": " + e, e);
            }
            StaticServer server = new StaticServer(group, listener, connections, connectionIds, site, transport.name());
            log.info("static site {} on {} port {} ({}, {} I/O threads)", site.root(), address, server.port(),
                    transport.name(), ioThreads);
            started = true;
            return server;
        } finally {
            if (!started) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
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

    /** Stops listening, closes every connection and shuts the event loops down. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "StaticServer[" + site.root() + " on " + address() + ":" + port() + ", " + transport + "]";
    }
}
