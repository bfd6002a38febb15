package dev.crawler.fetch.connect;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import java.net.InetSocketAddress;

/**
 * How long opening a connection may take, for the engines that time it themselves: the connect
 * timeout, or the time left until the whole-response deadline if that is less. Running out of it
 * is a {@link FetchError#CONNECT_TIMEOUT} in the first case and a
 * {@link FetchError#RESPONSE_TIMEOUT} in the second.
 *
 * @param nanos the wait allowed from the moment it was taken; zero or less if the deadline passed
 * @param connectBound whether the connect timeout, not the deadline, sets it
 */
public record ConnectWait(long nanos, boolean connectBound) {

    /** The wait for a connect started at {@code nowNanos} by a request due by {@code deadlineNanos}. */
    public static ConnectWait of(FetchSettings settings, long nowNanos, long deadlineNanos) {
        long remaining = deadlineNanos - nowNanos;
        long connect = settings.connectTimeout().toNanos();
        boolean connectBound = connect <= remaining;
        return new ConnectWait(connectBound ? connect : remaining, connectBound);
    }

    /** The failure of a connect to {@code to} that did not complete within this wait. */
    public FetchException timedOut(FetchSettings settings, InetSocketAddress to) {
        return connectBound
                ? new FetchException(FetchError.CONNECT_TIMEOUT, Messages.connectTimeout(settings, to))
                : new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
    }
}
