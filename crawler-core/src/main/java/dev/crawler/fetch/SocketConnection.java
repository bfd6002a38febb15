package dev.crawler.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;

/** One blocking TCP (or TLS) connection: its socket, timed buffered input, output and pool key. */
final class SocketConnection implements AutoCloseable {

    private final ConnectionKey key;
    private final Socket socket;
    private final TimedInput timed;
    private final InputStream in;
    private final OutputStream out;

    SocketConnection(ConnectionKey key, Socket socket) throws IOException {
        this.key = Objects.requireNonNull(key, "key");
        this.socket = socket;
        this.timed = new TimedInput(socket, socket.getInputStream());
        this.in = new BufferedInputStream(timed, 16 << 10);
        this.out = socket.getOutputStream();
    }

    ConnectionKey key() {
        return key;
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
