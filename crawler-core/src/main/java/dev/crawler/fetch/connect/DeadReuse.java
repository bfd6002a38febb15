package dev.crawler.fetch.connect;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;

/**
 * What becomes of a request whose connection broke (closed or reset, not timed out) before any
 * byte of its response: the one rule every engine applies.
 *
 * <p>Only a reused keep-alive connection qualifies: a server may close it while it idles, just as
 * the request goes out. If the request provably never reached the server (writing it failed, or
 * the connection was seen closed before or at the write), it is sent again at once on a fresh
 * connection: the server saw nothing, so no politeness spacing is at stake. Once it was written,
 * the server may have read it and then dropped the connection, so sending it again at once could
 * put two requests to the host one round trip apart: the fetch fails with
 * {@link FetchError#STALE_CONNECTION}, and the crawler retries it through its scheduler. On a
 * fresh connection the failure stands as it is.
 */
public enum DeadReuse {
    /** The request never left: send it again at once on a fresh connection. */
    RESEND,
    /** The request was written on a reused connection: fail with {@link FetchError#STALE_CONNECTION}. */
    STALE,
    /** Not this case: the failure stands. */
    NONE;

    /**
     * Judges a failure {@code error} of a request.
     *
     * @param reused whether the connection had carried an earlier request
     * @param written whether the whole request was handed to the connection
     * @param receivedAny whether any byte of the response arrived
     */
    public static DeadReuse judge(FetchError error, boolean reused, boolean written, boolean receivedAny) {
        if (error != FetchError.IO || !reused || receivedAny) {
            return NONE;
        }
        return written ? STALE : RESEND;
    }

    /** The failure of a request judged {@link #STALE}. */
    public static FetchException staleFailure(Throwable cause) {
        return new FetchException(FetchError.STALE_CONNECTION, Messages.staleConnection(), cause);
    }
}
