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
    /** The connection broke (reset, closed early). */
    IO,
    /** The server spoke something that is not valid HTTP/1.x, or headers were too large. */
    PROTOCOL,
    /** The scheme is not http or https. */
    UNSUPPORTED_SCHEME,
    /** The fetcher was closed before the request finished. */
    CANCELLED;

    /** The code written to index.jsonl, such as {@code connect_timeout}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
