package dev.crawler.fetch;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What a crawl adds to each request beyond the fixed head every fetcher sends, and learns from
 * each response: header fields the user gave, a login for a host, cookies. Fetchers call it on
 * their own threads, event loops among them, so an implementation is thread-safe and returns at
 * once: no I/O, no waiting on a lock held across anything slow.
 */
public interface RequestExtras {

    /** Adds nothing and learns nothing. */
    RequestExtras NONE = new RequestExtras() {
        @Override
        public List<Map.Entry<String, String>> headersFor(URI uri) {
            return List.of();
        }

        @Override
        public RequestExtras recordable() {
            return this;
        }
    };

    /**
     * The header fields for the GET of {@code uri}, in order. One with the name of a field the
     * crawler sends anyway ({@code User-Agent}, {@code Accept}) replaces it; others follow it.
     */
    List<Map.Entry<String, String>> headersFor(URI uri);

    /** The response to the GET of {@code uri} arrived with {@code headers} (cookies are set from them). */
    default void answered(URI uri, ResponseHeaders headers) {
    }

    /**
     * These extras as an archive may record them (WARC request records): credentials withheld,
     * and nothing that depends on the moment (cookies), so that recording never changes state.
     */
    RequestExtras recordable();
}
