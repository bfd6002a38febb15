package dev.crawler.fetch.blocking;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.http.BulkInputStream;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.TransferRate;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * A socket's input with the fetch timeouts applied to every read: before the first response byte
 * the wait is the first-byte timeout (or the time left, if less); after it, the time left until
 * the whole-response deadline, which is also checked between reads so that a trickle cannot
 * stretch a response past it. From the first byte on, the minimum transfer rate is judged at the
 * end of every window ({@link TransferRate}), so a trickle fails long before that deadline.
 */
final class TimedInput extends BulkInputStream {

    private final Socket socket;
    private final InputStream in;
    private FetchSettings settings;
    private TransferRate rate;
    private long deadlineNanos = Long.MAX_VALUE;
    private boolean receivedAny;
    private long firstByteAt;

    TimedInput(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** Starts timing a response that must be complete by {@code deadlineNanos}. */
    void expectResponse(FetchSettings s, long deadline) {
        this.settings = s;
        this.deadlineNanos = deadline;
        this.receivedAny = false;
        this.rate = TransferRate.of(s);
    }

    /** When the first byte of the current response arrived (System.nanoTime); meaningless before. */
    long firstByteAt() {
        return firstByteAt;
    }

    /** Whether any byte of the current response arrived. */
    boolean receivedAny() {
        return receivedAny;
    }


    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            long now = System.nanoTime();
            long remaining = deadlineNanos - now;
            if (remaining <= 0) {
                throw new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
            }
            requireRate(now);
            boolean firstByteBound = !receivedAny && settings.firstByteTimeout().toNanos() < remaining;
            long wait = firstByteBound ? settings.firstByteTimeout().toNanos() : remaining;
            boolean rateBound = rate.enabled() && rate.started() && rate.windowEnd() - now < wait;
            if (rateBound) {
                wait = Math.max(1, rate.windowEnd() - now);
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (wait + 999_999) / 1_000_000)));
            int n;
            try {
                n = in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                if (rateBound) {
                    continue; // a window ended: judged at the top of the loop
                }
                throw firstByteBound
                        ? new FetchException(FetchError.FIRST_BYTE_TIMEOUT, Messages.firstByteTimeout(settings))
                        : new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
            }
            if (n > 0) {
                long at = System.nanoTime();
                if (!receivedAny) {
                    firstByteAt = at;
                }
                receivedAny = true;
                rate.received(n, at);
            }
            return n;
        }
    }

    private void requireRate(long now) throws FetchException {
        Optional<String> slow = rate.check(now);
        if (slow.isPresent()) {
            throw new FetchException(FetchError.TOO_SLOW, slow.get());
        }
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }
}
