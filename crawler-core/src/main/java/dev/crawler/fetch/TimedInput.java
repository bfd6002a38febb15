package dev.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input with the fetch timeouts applied to every read: before the first response byte
 * the wait is the first-byte timeout (or the time left, if less); after it, the time left until
 * the whole-response deadline, which is also checked between reads so that a trickle cannot
 * stretch a response past it.
 */
final class TimedInput extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private FetchSettings settings;
    private long deadlineNanos = Long.MAX_VALUE;
    private boolean receivedAny;

    TimedInput(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** Starts timing a response that must be complete by {@code deadlineNanos}. */
    void expectResponse(FetchSettings s, long deadline) {
        this.settings = s;
        this.deadlineNanos = deadline;
        this.receivedAny = false;
    }

    /** Whether any byte of the current response arrived. */
    boolean receivedAny() {
        return receivedAny;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
        }
        boolean firstByteBound = !receivedAny && settings.firstByteTimeout().toNanos() < remaining;
        long wait = firstByteBound ? settings.firstByteTimeout().toNanos() : remaining;
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (wait + 999_999) / 1_000_000)));
        int n;
        try {
            n = in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw firstByteBound
                    ? new FetchException(FetchError.FIRST_BYTE_TIMEOUT, Messages.firstByteTimeout(settings))
                    : new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
        }
        if (n > 0) {
            receivedAny = true;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }
}
