package dev.crawler.fetch;

/**
 * What a fetcher tells its caller while one request is under way, on the fetcher's own thread
 * (an event loop, a poller or a blocking worker): each call must return at once and never block.
 * A lambda gives {@link #sent}; {@link #held} is optional.
 */
@FunctionalInterface
public interface FetchProgress {

    /** Tells nothing. */
    FetchProgress NONE = at -> { };

    /**
     * The request has been written whole to a connection, at {@link System#nanoTime()} {@code at};
     * called again if it is sent again on another connection. The crawler spaces request starts to
     * a host by this, as the host sees them. A fetcher that cannot tell never calls it, and the
     * crawler then counts the end of the fetch as the time of sending.
     */
    void sent(long at);

    /**
     * The whole of {@code response} has arrived, but the fetcher holds it back a while before it
     * completes the request's future: a response on a reused keep-alive connection waits out the
     * {@linkplain FetchSettings#reuseSettle() settle window}, in case the server turns out to be
     * out of step with its requests. The caller may meanwhile start work on it that has no effect
     * outside itself (parse it, hash it). If the response stands, the future completes with this
     * very object ({@code ==}); otherwise with another result, such as a {@link FetchError#DESYNC}
     * failure, and the work done on this one must be thrown away. Called at most once per request.
     */
    default void held(FetchResult.Response response) {
    }

    /**
     * The server is done with the request at {@link System#nanoTime()} {@code at}: its response
     * ({@code response}, the one {@linkplain #held held}) is whole, and its connection only waits
     * out the settle window before it goes back to the pool. A request to the same origin that this
     * fetcher is given meanwhile waits for that connection rather than opening another, so the
     * caller may count the request's connection slot at its host as free: the host never sees more
     * connections than slots. Called at most once per request, after {@link #held}, and only by a
     * fetcher that keeps that promise; the request's future still completes later, as
     * {@link #held} says.
     */
    default void settling(FetchResult.Response response, long at) {
    }
}
