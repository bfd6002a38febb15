package dev.crawler.fetch;

import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.RequestHead;
import dev.crawler.fetch.http.RequestTarget;
import java.net.URI;
import java.util.Optional;

/**
 * The request head a fetcher sends for a URL, byte for byte as on the wire, for archives that
 * record the request beside the response (WARC request records). Every fetcher builds its head
 * the same way, so this is what was sent, given what its {@code Connection} header said
 * ({@link FetchResult.Response#keepAliveAsked()}: a request to an origin no longer trusted with
 * reuse asks for {@code close} even with keep-alive on), except what the settings'
 * {@linkplain RequestExtras#recordable() extras} keep out of archives: a login shows as
 * {@code Basic [withheld]}, and cookies are left out (the jar may have changed since).
 */
public final class SentRequests {

    private SentRequests() {
    }

    /**
     * The head of the GET for {@code uri} under {@code settings}, asking for keep-alive or not as
     * {@code keepAliveAsked} says; empty if the URI is not fetchable.
     */
    public static Optional<byte[]> head(URI uri, FetchSettings settings, boolean keepAliveAsked) {
        try {
            return Optional.of(RequestHead.get(uri, RequestTarget.of(uri), settings, keepAliveAsked,
                    settings.extras().recordable()).encode());
        } catch (FetchException e) {
            return Optional.empty();
        }
    }
}
