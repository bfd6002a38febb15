package dev.crawler.fetch.connect;

import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.Fetcher;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * A fetcher of this crawler's engines: every form of {@code fetch} comes down to one request under
 * one set of limits, the fetcher's own settings with a smaller body limit where a caller asks for
 * one, so each engine stops reading at that limit rather than cutting the body after a whole read.
 * Not API: public for the engine packages. The fetchers of a library user implement {@link Fetcher}
 * directly.
 */
public abstract class SettingsFetcher implements Fetcher {

    /** The limits of a request that asks for nothing smaller. */
    protected final FetchSettings settings;

    protected SettingsFetcher(FetchSettings settings) {
        this.settings = settings;
    }

    @Override
    public final CompletableFuture<FetchResult> fetch(URI uri) {
        return fetch(uri, settings, FetchProgress.NONE);
    }

    @Override
    public final CompletableFuture<FetchResult> fetch(URI uri, long maxBodyBytes) {
        return fetch(uri, settings.withBodyLimitAtMost(maxBodyBytes), FetchProgress.NONE);
    }

    @Override
    public final CompletableFuture<FetchResult> fetch(URI uri, long maxBodyBytes, FetchProgress progress) {
        return fetch(uri, settings.withBodyLimitAtMost(maxBodyBytes), progress);
    }

    /**
     * Starts one request of {@code uri} under {@code limits}, telling {@code progress} each time it
     * is written to a connection and when its response is held for the settle window. Never
     * blocks the caller.
     */
    protected abstract CompletableFuture<FetchResult> fetch(URI uri, FetchSettings limits, FetchProgress progress);
}
