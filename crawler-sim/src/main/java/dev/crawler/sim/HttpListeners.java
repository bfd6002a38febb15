package dev.crawler.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The network side both loopback servers share: an event loop group on the best transport here
 * (epoll, else NIO), listening sockets bound one by one, every accepted connection tracked and
 * numbered, and an HTTP/1.1 pipeline (codec, aggregator, then the server's own handler) on each.
 *
 * <p>Connections are refused (closed at once) until {@link #serve} names the handler, so a server
 * may bind first and build what it serves from the port it got.
 */
final class HttpListeners implements AutoCloseable {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Transport transport;
    private final EventLoopGroup group;
    private final ChannelGroup connections;
    private final AtomicLong connectionIds = new AtomicLong();
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();
    private final ServerBootstrap bootstrap;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile LongFunction<ChannelHandler> handlers;

    /**
     * @param name the name of the event loop threads ({@code name-io}) and of the connection group
     * @param ioThreads event loop threads, at least 1
     * @param backlog the listen backlog
     * @param maxInitialLine the longest request line accepted
     */
    HttpListeners(String name, int ioThreads, int backlog, int maxInitialLine) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
        }
        this.transport = Transport.pick();
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory(name + "-io", true),
                transport.ioHandlerFactory());
        this.connections = new DefaultChannelGroup(name + "-connections", GlobalEventExecutor.INSTANCE);
        this.bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, backlog)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        LongFunction<ChannelHandler> serving = handlers;
                        if (serving == null) { // accepted while still binding: not serving yet
                            ch.close();
                            return;
                        }
                        connections.add(ch);
                        ch.pipeline().addLast("http", new HttpServerCodec(maxInitialLine, MAX_HEADER_BYTES, MAX_HEADER_BYTES));
                        ch.pipeline().addLast("aggregate", new HttpObjectAggregator(MAX_HEADER_BYTES));
                        ch.pipeline().addLast("handler", serving.apply(connectionIds.incrementAndGet()));
                    }
                });
    }

    /**
     * Listens on {@code address} (port 0: a free one).
     *
     * @throws Exception what the bind failed with (Netty rethrows the checked cause)
     */
    Channel bind(InetSocketAddress address) throws Exception {
        Channel ch = bootstrap.bind(address).sync().channel();
        listeners.add(ch);
        return ch;
    }

    /** Closes listening sockets that a failed attempt bound, so the next attempt starts clean. */
    void unbind(List<Channel> bound) {
        for (Channel ch : bound) {
            listeners.remove(ch);
            ch.close().awaitUninterruptibly();
        }
    }

    /** From now on, each accepted connection is answered by the handler made for its number. */
    void serve(LongFunction<ChannelHandler> handlerForConnection) {
        this.handlers = handlerForConnection;
    }

    /** "epoll" or "nio". */
    String transport() {
        return transport.name();
    }

    /** Connections open now. */
    int openConnections() {
        return connections.size();
    }

    /** Connections accepted since start. */
    long acceptedConnections() {
        return connectionIds.get();
    }

    /**
     * Stops listening, closes every connection and shuts the event loops down; waits for that
     * unless called on one of them. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean onLoop = onOwnEventLoop();
        try {
            for (Channel ch : listeners) {
                ch.close();
            }
            var allClosed = connections.close();
            if (!onLoop) {
                allClosed.awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
        } finally {
            var terminated = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            if (!onLoop) {
                terminated.awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
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
}
