package dev.crawler.engine;

import dev.crawler.CrawlListener;
import dev.crawler.CrawlOutcome;
import dev.crawler.Outcome;
import dev.crawler.export.IndexEntry;
import dev.crawler.export.IndexWriter;
import dev.crawler.export.OutputException;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.frontier.OutcomeSuperseded;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit protocol. A URL's work ends when the frontier has made its outcome durable together
 * with the links it led to ({@link Frontier#finish}); only then is its index line appended, on a
 * worker, and only then is its permit released. So a line is in {@code index.jsonl} only once
 * every URL its page led to is safely queued, and a crash between the two is repaired on resume
 * from the frontier's journal. URLs recorded without a fetch (refused by robots.txt, a given-up
 * host, a trap) take the same path. Runs on the coordinator's thread.
 */
final class OutcomeCommitter {

    private static final Logger log = LoggerFactory.getLogger(OutcomeCommitter.class);

    private final Frontier frontier;
    private final PendingIndex index;
    private final PageProcessor processor;
    private final WorkPermits permits;
    private final EventExecutor loop;
    private final Executor workers;
    private final EngineLoop engine;
    private final CrawlListener listener;

    /** @param listener told of each outcome once committed, on a worker */
    OutcomeCommitter(Frontier frontier, PendingIndex index, PageProcessor processor, WorkPermits permits,
            EventExecutor loop, Executor workers, EngineLoop engine, CrawlListener listener) {
        this.frontier = frontier;
        this.index = index;
        this.processor = processor;
        this.permits = permits;
        this.loop = loop;
        this.workers = workers;
        this.engine = engine;
        this.listener = listener;
    }

    /**
     * Makes {@code outcome} of {@code request} durable with the URLs it led to, then publishes its
     * index line and tells the listener; the request holds {@code permit} until then.
     */
    void complete(CrawlRequest request, CrawlOutcome outcome, WorkPermits.Permit permit) {
        byte[] line = index.take(request.url()).orElse(null);
        frontier.finish(request, line)
                .thenRunAsync(() -> {
                    publish(line);
                    tell(outcome);
                }, workers)
                .whenComplete((v, e) -> loop.execute(() -> committed(request.url(), permit, e)));
    }

    /**
     * Records {@code request}, polled but not fetched ({@code outcome}: robots.txt refuses it, or
     * its host was given up, for {@code why}), then completes it. Output gone while recording it (a
     * sink's {@link OutputException}) ends the crawl, as it does for a fetched page.
     */
    void unfetched(CrawlRequest request, Outcome outcome, String why) {
        WorkPermits.Permit permit = permits.take(WorkPermits.Kind.REFUSAL);
        CompletableFuture.supplyAsync(() -> processor.unfetched(request, outcome, why), workers)
                .whenComplete((recorded, e) -> loop.execute(() -> {
                    if (engine.over()) {
                        return;
                    }
                    if (e != null) {
                        permit.release();
                        Throwable cause = Failures.cause(e);
                        if (cause instanceof OutputException) {
                            engine.fail(cause); // output gone: stop, resumable, the URL still unfinished
                            return;
                        }
                        log.error("recording {} failed", request.url(), e);
                        engine.pump();
                        return;
                    }
                    complete(request, recorded, permit);
                }));
    }

    /**
     * Appends the index line of a URL refused before it was queued (a trap), and logs it, on a
     * worker; journaled with the URL's seen mark first, so a crash can neither lose nor repeat it.
     */
    void refusedLink(IndexEntry entry) {
        byte[] line = index.enabled() ? serialize(entry) : null;
        WorkPermits.Permit permit = permits.take(WorkPermits.Kind.REFUSAL);
        CompletableFuture<Void> durable = line != null ? frontier.record(entry.url(), line)
                : CompletableFuture.completedFuture(null);
        durable.thenRunAsync(() -> {
            log.info("{} not queued: {}", entry.url(), entry.error());
            publish(line);
            tell(processor.trapped(entry.url(), entry.depth(), entry.referrer(), entry.error()));
        }, workers).whenComplete((v, e) -> loop.execute(() -> committed(entry.url(), permit, e)));
    }

    private static byte[] serialize(IndexEntry entry) {
        try {
            return IndexWriter.line(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void publish(byte[] line) {
        if (line != null) {
            try {
                index.publish(line);
            } catch (IOException e) {
                throw new OutputException(e.getMessage(), e);
            }
        }
    }

    /** Tells the listener of a committed outcome; a listener that throws is logged, the crawl goes on. */
    private void tell(CrawlOutcome outcome) {
        try {
            listener.committed(outcome);
        } catch (RuntimeException e) {
            log.warn("crawl listener failed on {}: {}", outcome.url(), e.toString());
        }
    }

    /**
     * The work of {@code url} has ended: its outcome is durable and published (or writing it
     * failed, which ends the crawl). Gives its permit back, on the coordinator's thread.
     */
    private void committed(String url, WorkPermits.Permit permit, Throwable error) {
        if (engine.over()) {
            return;
        }
        permit.release();
        if (error != null) {
            Throwable cause = Failures.cause(error);
            if (!(cause instanceof OutcomeSuperseded)) {
                engine.fail(cause);
                return;
            }
            log.info("not recorded here: {}", cause.getMessage());
            engine.pump();
            return;
        }
        frontier.published(url);
        engine.pump();
    }
}
