package dev.crawler.fetch.connect;

import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.Fetcher;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * A fetcher of this crawler's engines: every form of {@code fetch} comes down to one request under
 * one set of limits, the fetcher's own settings with a smaller body limit where a caller asks for
 * one, so each engine stops reading at that limit rather than cutting the body after a whole read.
 * Not API: public for the engine packages. The fetchers of a library user implement {@link Fetcher}
 * directly.
 */
public abstract class SettingsFetcher implements Fetcher {

    private static final LongConsumer UNTOLD = at -> { };

    /** The limits of a request that asks for nothing smaller. */
    protected final FetchSettings settings;

    protected SettingsFetcher(FetchSettings settings) {
        this.settings = settings;
    }

    @Override
    public final CompletableFuture<FetchResult> fetch(URI uri) {
        return fetch(uri, settings, UNTOLD);
    }

    @Override
    public final CompletableFuture<FetchResult> fetch(URI uri, long maxBodyBytes) {
        return fetch(uri, settings.withBodyLimitAtMost(maxBodyBytes), UNTOLD);
    }

    @Override
    public final CompletableFuture<FetchResult> fetch(URI uri, long maxBodyBytes, LongConsumer sent) {
        return fetch(uri, settings.withBodyLimitAtMost(maxBodyBytes), sent);
    }

    /**
     * Starts one request of {@code uri} under {@code limits}, calling {@code sent} each time it is
     * written to a connection. Never blocks the caller.
     */
    protected abstract CompletableFuture<FetchResult> fetch(URI uri, FetchSettings limits, LongConsumer sent);
}
