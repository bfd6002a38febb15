package dev.crawler.fetch;

/** Kinds of fetch failure; each maps to a short code in the index and the summary. */
public enum FetchError {
    /** The host name could not be resolved. */
    DNS,
    /** The resolved address is refused by the address policy (private, loopback, ...). */
    ADDRESS_REFUSED,
    /** The connection was refused or could not be opened. */
    CONNECT,
    CONNECT_TIMEOUT,
    FIRST_BYTE_TIMEOUT,
    RESPONSE_TIMEOUT,
    /** The response arrived slower than the minimum transfer rate (a trickle). */
    TOO_SLOW,
    /**
     * The TLS handshake failed: an invalid, expired, self-signed or untrusted certificate, a name
     * mismatch, or a server that does not speak TLS. (A handshake that times out is
     * {@link #CONNECT_TIMEOUT}.)
     */
    TLS,
    /** The connection broke (reset, closed early). */
    IO,
    /** The server spoke something that is not valid HTTP/1.x, or headers were too large. */
    PROTOCOL,
    /**
     * The server was out of step with its requests on a reused keep-alive connection: bytes beyond
     * a complete response arrived on it (right after it, or within the settle window
     * {@link FetchSettings#reuseSettle()}), so the response read may have answered another request.
     * It is discarded, the connection closed, and the origin is no longer trusted with reuse; a
     * retry opens a fresh connection.
     */
    DESYNC,
    /**
     * A reused keep-alive connection was closed or reset after the request was written and before
     * any byte of the response. The server may have closed it while idle, or it may have read the
     * request and then dropped it; from the client the two cannot be told apart, so the request is
     * not sent again at once (that would put two requests to the host one round trip apart). The
     * crawler retries it through the politeness scheduler, once, beyond the usual retry budget.
     * A connection seen dead before the request went out is simply replaced, with no failure.
     */
    STALE_CONNECTION,
    /**
     * The proxy could not be reached, refused the request (a login it did not accept, a target it
     * does not allow) or could not reach the target itself.
     */
    PROXY,
    /** The scheme is not http or https. */
    UNSUPPORTED_SCHEME,
    /** The fetcher was closed before the request finished. */
    CANCELLED;

    /** The code written to index.jsonl, such as {@code connect_timeout}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
