package dev.crawler.fetch.blocking;

import dev.crawler.fetch.connect.AfterResponse;
import dev.crawler.fetch.connect.ConnectionKey;
import dev.crawler.fetch.connect.SettleWindow;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/** One blocking TCP (or TLS) connection: its socket, timed buffered input, output and pool key. */
final class SocketConnection implements AutoCloseable {

    private final ConnectionKey key;
    private final Socket socket;
    private final TimedInput timed;
    private final SettleWindow settleWindow = new SettleWindow();
    private final InputStream in;
    private final InputStream raw;
    private final OutputStream out;

    SocketConnection(ConnectionKey key, Socket socket) throws IOException {
        this.key = Objects.requireNonNull(key, "key");
        this.socket = socket;
        this.raw = socket.getInputStream();
        this.timed = new TimedInput(socket, raw);
        this.in = new BufferedInputStream(timed, 16 << 10);
        this.out = socket.getOutputStream();
    }

    ConnectionKey key() {
        return key;
    }

    /** The settle window of this connection, kept across its requests. */
    SettleWindow settleWindow() {
        return settleWindow;
    }

    TimedInput timing() {
        return timed;
    }

    /** Buffered response input; every read is subject to the timeouts set on {@link #timing()}. */
    InputStream in() {
        return in;
    }

    void send(byte[] requestHead) throws IOException {
        out.write(requestHead);
        out.flush();
    }

    /** Whether bytes wait on the connection now (buffered or in the socket); an error counts as bytes. */
    boolean hasBytesWaiting() {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Watches the connection for {@code window} after a complete response, with a socket read
     * timeout of that length (bypassing the fetch timeouts, which the window does not count
     * against). A byte read is lost, which is fine: the connection is then closed anyway.
     */
    AfterResponse settle(Duration window) {
        try {
            if (in.available() > 0) {
                return AfterResponse.SURPLUS;
            }
            socket.setSoTimeout((int) Math.clamp((window.toNanos() + 999_999) / 1_000_000, 1, Integer.MAX_VALUE));
            return raw.read() < 0 ? AfterResponse.CLOSED : AfterResponse.SURPLUS;
        } catch (SocketTimeoutException e) {
            return AfterResponse.QUIET;
        } catch (IOException e) {
            return AfterResponse.CLOSED;
        }
    }

    /**
     * Looks whether the server closed this idle connection, or sent bytes on it, before it carries
     * a request. A blocking socket cannot look without waiting, so this waits up to 1 ms for a
     * live, quiet connection (an end of stream or a byte is seen at once).
     */
    AfterResponse peek() {
        return settle(Duration.ofMillis(1));
    }

    boolean isOpen() {
        return !socket.isClosed() && socket.isConnected();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
