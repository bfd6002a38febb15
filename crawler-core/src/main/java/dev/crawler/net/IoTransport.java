package dev.crawler.net;

import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} made real: the Netty I/O handler factory for its event loops and the
 * factories of TCP and UDP channels that fit them. {@link #select} tries the wanted transport and
 * falls back to {@link Transport#NIO}, with an INFO log line, where it is not available.
 *
 * @param transport the transport actually in use (after any fallback)
 * @param ioHandlers creates the I/O handler of each event loop
 * @param sockets opens TCP channels that can register with those event loops
 * @param datagrams opens UDP channels (for DNS) that can register with those event loops
 */
// public for the async engine (fetch.netty), not API: the Netty types in its signatures are not
// the module's to re-export
@SuppressWarnings("exports")
public record IoTransport(
        Transport transport,
        IoHandlerFactory ioHandlers,
        ChannelFactory<? extends SocketChannel> sockets,
        ChannelFactory<? extends DatagramChannel> datagrams) {

    private static final Logger LOG = LoggerFactory.getLogger(IoTransport.class);
    private static final String POLL_PROVIDER = "sun.nio.ch.PollSelectorProvider";

    public IoTransport {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(ioHandlers, "ioHandlers");
        Objects.requireNonNull(sockets, "sockets");
        Objects.requireNonNull(datagrams, "datagrams");
    }

    /** The wanted transport if this machine has it, otherwise NIO (logged at INFO). */
    public static IoTransport select(Transport wanted) {
        return switch (wanted) {
            case EPOLL -> epoll();
            case IO_URING -> ioUring();
            case NIO -> nio();
            case NIO_POLL -> nioPoll();
        };
    }

    /** Whether {@code transport} can be used here without falling back. */
    public static boolean isAvailable(Transport transport) {
        return switch (transport) {
            case EPOLL -> nativeCheck(Epoll::isAvailable);
            case IO_URING -> nativeCheck(IoUring::isAvailable);
            case NIO -> true;
            case NIO_POLL -> pollSelectorProvider() != null;
        };
    }

    private static boolean nativeCheck(java.util.function.BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (LinkageError e) {
            return false;
        }
    }

    private static IoTransport epoll() {
        if (!nativeCheck(Epoll::isAvailable)) {
            return fallback(Transport.EPOLL, causeOf(Epoll::unavailabilityCause));
        }
        return new IoTransport(Transport.EPOLL, EpollIoHandler.newFactory(),
                EpollSocketChannel::new, EpollDatagramChannel::new);
    }

    private static IoTransport ioUring() {
        if (!nativeCheck(IoUring::isAvailable)) {
            return fallback(Transport.IO_URING, causeOf(IoUring::unavailabilityCause));
        }
        return new IoTransport(Transport.IO_URING, IoUringIoHandler.newFactory(),
                IoUringSocketChannel::new, IoUringDatagramChannel::new);
    }

    private static IoTransport nio() {
        return new IoTransport(Transport.NIO, NioIoHandler.newFactory(),
                NioSocketChannel::new, NioDatagramChannel::new);
    }

    private static IoTransport nioPoll() {
        SelectorProvider poll = pollSelectorProvider();
        if (poll == null) {
            Module self = IoTransport.class.getModule();
            return fallback(Transport.NIO_POLL, POLL_PROVIDER + " cannot be instantiated (run with --add-exports"
                    + " java.base/sun.nio.ch=" + (self.isNamed() ? self.getName() : "ALL-UNNAMED") + ")");
        }
        return new IoTransport(Transport.NIO_POLL, NioIoHandler.newFactory(poll),
                () -> new NioSocketChannel(poll), () -> new NioDatagramChannel(poll));
    }

    /** The JDK's poll(2)-based selector provider, or null where it cannot be reached. */
    static SelectorProvider pollSelectorProvider() {
        try {
            return (SelectorProvider) Class.forName(POLL_PROVIDER).getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String causeOf(java.util.function.Supplier<Throwable> cause) {
        try {
            Throwable t = cause.get();
            return t == null ? "unknown reason" : String.valueOf(t.getMessage());
        } catch (LinkageError e) {
            return e.toString();
        }
    }

    private static IoTransport fallback(Transport wanted, String reason) {
        LOG.info("transport {} is not available here ({}); using nio instead", wanted.label(), reason);
        return nio();
    }
}
