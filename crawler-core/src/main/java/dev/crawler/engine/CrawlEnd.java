package dev.crawler.engine;

import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.CrawlSummary;
import dev.crawler.frontier.PageBudget;
import java.util.concurrent.CompletableFuture;

/**
 * When the crawl is over, and why. It is over when nothing is under way and either nothing is
 * left to fetch, or the page budget is spent, or a stop was asked for; or at once when it fails
 * (state or output not writable) or is abandoned after a stop's grace period. Runs on the
 * coordinator's thread, but {@link #loopDied} and reading the future, which any thread may do.
 */
final class CrawlEnd {

    /** Why a crawl whose thread died ends; the thread is gone, so the watchdog ends it. */
    static final String LOOP_DIED = "the crawl's event loop stopped unexpectedly, on an error such as"
            + " OutOfMemoryError (crawler.log has it); what was crawled is saved: give the JVM more heap"
            + " or lower the concurrency, and run the same crawl again to resume";

    private final CompletableFuture<StopReason> done = new CompletableFuture<>();
    private final PageBudget budget;
    private final Runnable onEnd;
    private boolean stopping;
    /** Why the crawl ends once what is under way is done, when it is stopping. */
    private StopReason stopReason = StopReason.STOPPED;

    /**
     * @param budget the pages the crawl may start
     * @param onEnd run on the coordinator's thread when the crawl ends there (cancels its wake-up)
     */
    CrawlEnd(PageBudget budget, Runnable onEnd) {
        this.budget = budget;
        this.onEnd = onEnd;
    }

    /** With a budget of {@code maxPages} counted here (-1: none). */
    CrawlEnd(long maxPages, Runnable onEnd) {
        this(PageBudget.counting(maxPages), onEnd);
    }

    /** Completes with the reason the crawl ended, or with the error that ended it. */
    CompletableFuture<StopReason> future() {
        return done;
    }

    boolean over() {
        return done.isDone();
    }

    /** Whether a stop was asked for (or a failure ended the crawl): nothing new starts. */
    boolean stopping() {
        return stopping;
    }

    void stopAsked() {
        stopping = true;
    }

    /** A limit of the run was reached: nothing new starts, and the crawl ends for {@code reason}. */
    void limitReached(StopReason reason) {
        if (!stopping) {
            stopping = true;
            stopReason = reason;
        }
    }

    /** A page's first attempt starts; retries do not spend the page budget. */
    void pageStarted() {
        budget.started();
    }

    boolean budgetSpent() {
        return budget.spent();
    }

    /**
     * Ends the crawl if it is over: nothing under way ({@code underWay} permits held) and a stop
     * asked for, the budget spent, or no work left ({@code workLeft} false).
     */
    void check(int underWay, boolean workLeft) {
        if (underWay > 0 || done.isDone()) {
            return;
        }
        if (stopping) {
            finish(stopReason);
        } else if (budgetSpent()) {
            finish(StopReason.MAX_PAGES);
        } else if (!workLeft) {
            finish(StopReason.COMPLETED);
        }
    }

    /** Ends the crawl now for {@code reason}, whatever is under way (it stays queued for the next run). */
    void finish(StopReason reason) {
        onEnd.run();
        done.complete(reason);
    }

    /** Ends the crawl with {@code error}; what is under way stays queued for the next run. */
    void fail(Throwable error) {
        if (!done.isDone()) {
            stopping = true;
            onEnd.run();
            done.completeExceptionally(error);
        }
    }

    /**
     * The coordinator's thread is gone before the crawl was over (an error such as
     * OutOfMemoryError ended it): ends the crawl from the calling thread, since nothing will run
     * on the loop again. What was committed stays; what was under way is still queued.
     */
    void loopDied() {
        done.completeExceptionally(new IllegalStateException(LOOP_DIED));
    }
}
