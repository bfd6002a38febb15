package dev.crawler.fetch.connect;

/**
 * What a connection showed right after a complete response, while the fetcher watched it (the
 * settle window on a reused connection, or a look at an idle one before reuse).
 */
public enum AfterResponse {
    /** Nothing: the connection may carry another request. */
    QUIET,
    /** Bytes nobody asked for: the server is out of step with its requests. */
    SURPLUS,
    /** The server closed (or broke) the connection. */
    CLOSED
}
