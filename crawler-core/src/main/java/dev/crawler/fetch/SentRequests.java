package dev.crawler.fetch;

import java.net.URI;
import java.util.Optional;

/**
 * The request head a fetcher sends for a URL, byte for byte as on the wire, for archives that
 * record the request beside the response (WARC request records). Every fetcher builds its head
 * the same way, so this is what was sent.
 */
public final class SentRequests {

    private SentRequests() {
    }

    /** The head of the GET for {@code uri} under {@code settings}; empty if the URI is not fetchable. */
    public static Optional<byte[]> head(URI uri, FetchSettings settings) {
        try {
            return Optional.of(RequestHead.get(RequestTarget.of(uri), settings).encode());
        } catch (FetchException e) {
            return Optional.empty();
        }
    }
}
