package dev.crawler.sim;

/** How the server frames a response body on the wire. */
public enum Delivery {
    /** Identity body with {@code Content-Length}. */
    CONTENT_LENGTH,
    /** Gzip-compressed body with {@code Content-Encoding: gzip} and {@code Content-Length}; only when the client accepts gzip. */
    GZIP,
    /** Identity body in several chunks with {@code Transfer-Encoding: chunked} (HTTP/1.1 clients only). */
    CHUNKED
}
