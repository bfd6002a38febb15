package dev.crawler.fetch.poll;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.connect.AfterResponse;
import dev.crawler.fetch.connect.ConnectionKey;
import dev.crawler.fetch.connect.SettleWindow;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * One non-blocking TCP connection of the busy-poll fetcher: a {@link SocketChannel} in
 * non-blocking mode that is never registered with a selector. Every call returns at once; the
 * caller asks again on its next pass (connect, write, read).
 */
final class PollConnection implements AutoCloseable {

    private final ConnectionKey key;
    private final SocketChannel channel;
    private boolean connected;
    /** One byte, for {@link #peek()}: the polling loop peeks on every pass of a settle window. */
    private final ByteBuffer probe = ByteBuffer.allocate(1);
    private final SettleWindow settleWindow = new SettleWindow();

    private PollConnection(ConnectionKey key, SocketChannel channel, boolean connected) {
        this.key = key;
        this.channel = channel;
        this.connected = connected;
    }

    /** The settle window of this connection, kept across its requests. */
    SettleWindow settleWindow() {
        return settleWindow;
    }

    /** Opens a channel and starts connecting to {@code key}'s address without waiting. */
    static PollConnection open(ConnectionKey key) throws FetchException {
        Objects.requireNonNull(key, "key");
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = channel.connect(key.socketAddress());
            return new PollConnection(key, channel, done);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new FetchException(FetchError.CONNECT,
                    Messages.cannotConnect(key.socketAddress(), Messages.rootMessage(e)), e);
        }
    }

    ConnectionKey key() {
        return key;
    }

    /** Whether the connection is established; asks the socket once if it was still connecting. */
    boolean finishConnect() throws FetchException {
        if (!connected) {
            try {
                connected = channel.finishConnect();
            } catch (IOException e) {
                throw new FetchException(FetchError.CONNECT,
                        Messages.cannotConnect(key.socketAddress(), Messages.rootMessage(e)), e);
            }
        }
        return connected;
    }

    /** Writes what the socket takes now; returns the bytes written (maybe 0). */
    int write(ByteBuffer data) throws IOException {
        return channel.write(data);
    }

    /** Reads what has arrived: bytes read, 0 if nothing yet, -1 at the end of the stream. */
    int read(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    /**
     * Looks, without waiting, whether anything came on the connection since the last read. A byte
     * read is lost, which is fine: on {@link AfterResponse#SURPLUS} the connection is closed anyway.
     */
    AfterResponse peek() {
        try {
            int n = channel.read(probe.clear());
            return n == 0 ? AfterResponse.QUIET : n < 0 ? AfterResponse.CLOSED : AfterResponse.SURPLUS;
        } catch (IOException e) {
            return AfterResponse.CLOSED;
        }
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
