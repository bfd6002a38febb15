package dev.crawler.engine;

import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The progress of one page fetch: its sending goes to the politeness slot, and a page the fetcher
 * holds for its settle window is {@linkplain PageProcessor#prepare prepared} on a worker in the
 * meantime (parsed for links, hashed), so that the window no longer adds to the time a URL holds
 * its place. Preparing writes nothing, so it is simply not used when the fetch ends with another
 * result (the server turned out to be out of step, and the response is not this URL's).
 *
 * <p>Told of the response on the fetcher's thread and asked for the work on the coordinator's,
 * after the fetch's future completed (which orders the two).
 */
final class EarlyPage implements FetchProgress {

    private final FetchProgress sent;
    private final Function<FetchResult.Response, CompletableFuture<PageProcessor.Prepared>> prepare;
    private volatile FetchResult.Response held;
    private volatile CompletableFuture<PageProcessor.Prepared> prepared;

    /**
     * @param sent told when the request was written
     * @param prepare starts preparing a held page on a worker; must not block
     */
    EarlyPage(FetchProgress sent, Function<FetchResult.Response, CompletableFuture<PageProcessor.Prepared>> prepare) {
        this.sent = sent;
        this.prepare = prepare;
    }

    @Override
    public void sent(long at) {
        sent.sent(at);
    }

    @Override
    public void held(FetchResult.Response response) {
        if (!PageProcessor.preparable(response)) {
            return;
        }
        try {
            prepared = prepare.apply(response);
            held = response;
        } catch (RejectedExecutionException e) {
            // the workers are shutting down with the crawl: nothing is prepared early, and the
            // fetcher is not disturbed (processing, if any, does the work itself)
        }
    }

    /**
     * The page prepared from {@code result}, once ready, if it is the response that was held;
     * null otherwise. A preparation that failed completes with null, so that processing does the
     * work again and meets the failure itself.
     */
    CompletableFuture<PageProcessor.Prepared> preparedFor(FetchResult result) {
        if (result != held || held == null) {
            return null;
        }
        return prepared.exceptionally(e -> null);
    }
}
