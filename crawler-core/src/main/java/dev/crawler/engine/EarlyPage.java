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
 * its place. Preparing writes nothing; {@link PageProcessor#process} uses the preparation only if
 * the fetch ended with the very response it was made from, and otherwise (the server turned out
 * to be out of step, and the response is not this URL's) simply does not use it.
 *
 * <p>Told of the response on the fetcher's thread and asked for the work on the coordinator's,
 * after the fetch's future completed (which orders the two).
 */
final class EarlyPage implements FetchProgress {

    private final FetchProgress sent;
    private final Function<FetchResult.Response, CompletableFuture<PageProcessor.Prepared>> prepare;
    private volatile CompletableFuture<PageProcessor.Prepared> prepared;

    /**
     * @param sent told when the request was written, and when its connection only settles
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
    public void settling(FetchResult.Response response, long at) {
        sent.settling(response, at);
    }

    @Override
    public void held(FetchResult.Response response) {
        if (!PageProcessor.preparable(response)) {
            return;
        }
        try {
            // a preparation that failed gives null: processing does the work again and meets the failure itself
            prepared = prepare.apply(response).exceptionally(e -> null);
        } catch (RejectedExecutionException e) {
            // the workers are shutting down with the crawl: nothing is prepared early, and the
            // fetcher is not disturbed (processing, if any, does the work itself)
        }
    }

    /** The page prepared from the held response, once ready (null if that failed); null if none was held. */
    CompletableFuture<PageProcessor.Prepared> prepared() {
        return prepared;
    }
}
