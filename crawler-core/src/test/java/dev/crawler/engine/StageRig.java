package dev.crawler.engine;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlListener;
import dev.crawler.CrawlOutcome;
import dev.crawler.Crawler;
import dev.crawler.PageSink;
import dev.crawler.export.IndexWriter;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.politeness.PolitenessScheduler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a stage of the engine is built from when it is tested on its own, with no coordinator: the
 * coordinator's thread is an embedded event loop whose tasks run only when the test says
 * ({@link #runTasks}), on a clock that stands still until the test moves it ({@link #advance});
 * the engine's clock is that same clock, so a task scheduled for later runs when the test's time
 * reaches it. Workers run at once, on the caller's thread. The rig stands in for the loop itself
 * ({@link EngineLoop}): it counts pumps, records failures, and says the crawl is over when told.
 */
final class StageRig implements EngineLoop, AutoCloseable {

    private final MockTicker ticker = Ticker.newMockTicker();
    private final EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker).build();
    final Frontier frontier;
    final PolitenessScheduler scheduler;
    final WorkPermits permits = new WorkPermits();
    final EngineStats stats = new EngineStats();
    final Executor workers = Runnable::run;
    final RequestSlots slots;
    /** What the stages ended the crawl with, in order. */
    final List<Throwable> failures = new ArrayList<>();
    private final List<IndexWriter> indexes = new ArrayList<>();
    private int pumps;
    private boolean over;

    /** A rig on {@code frontier}, 2 connections per host, no delay, Crawl-delay capped at 30 s. */
    StageRig(Frontier frontier) {
        this(frontier, new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(30)));
    }

    StageRig(Frontier frontier, PolitenessPolicy politeness) {
        this.frontier = frontier;
        this.scheduler = new PolitenessScheduler(politeness, frontier::queued, CrawlRequest::hostOfKey);
        this.slots = new RequestSlots(loop(), this::now, stats, this::pump);
    }

    /** The coordinator's thread. */
    EventExecutor loop() {
        return channel.eventLoop();
    }

    /** The engine's monotonic time now, in nanoseconds. */
    long now() {
        return ticker.nanoTime();
    }

    /** Moves time on by {@code d}; what was scheduled for then runs with the next {@link #runTasks}. */
    void advance(Duration d) {
        ticker.advance(d.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs what waits on the coordinator's thread, and what that queued, until nothing due is left. */
    void runTasks() {
        do {
            channel.runPendingTasks();
        } while (channel.hasPendingTasks());
        channel.checkException();
    }

    /** What the stages share, on this rig. */
    EngineParts parts() {
        return new EngineParts(scheduler, permits, slots, stats, loop(), workers, this::now, this);
    }

    /** The index of a crawl that keeps one, {@code index.jsonl} in {@code dir}; closed with the rig. */
    PendingIndex index(Path dir) throws IOException {
        IndexWriter writer = new IndexWriter(dir.resolve(Crawler.INDEX_FILE));
        indexes.add(writer);
        return new PendingIndex(writer);
    }

    /** The link intake of a crawl of {@code config} on this rig; {@code committer} records trap refusals. */
    LinkIntake intake(CrawlConfig config, OutcomeCommitter committer) {
        return new LinkIntake(new LinkAdmission(config, stats, false), frontier, scheduler, stats, this::now, committer);
    }

    /**
     * The commit stage on this rig, with no mirror: its outcomes go to {@code sinks}, and once
     * committed, to {@code committed} (the listener).
     */
    OutcomeCommitter committer(PendingIndex index, List<PageSink> sinks, Consumer<CrawlOutcome> committed) {
        PageProcessor processor = new PageProcessor(Optional.empty(), index, sinks, stats, -1);
        CrawlListener listener = new CrawlListener() {
            @Override
            public void committed(CrawlOutcome outcome) {
                committed.accept(outcome);
            }
        };
        return new OutcomeCommitter(frontier, index, processor, permits, loop(), workers, this, listener);
    }

    /** Times the stages asked the loop to hand out more work. */
    int pumps() {
        return pumps;
    }

    /** From now on the crawl is over: results that come later are dropped. */
    void end() {
        over = true;
    }

    /** Closes the indexes opened and the loop. */
    @Override
    public void close() throws IOException {
        for (IndexWriter writer : indexes) {
            writer.close();
        }
        channel.close();
    }

    @Override
    public void pump() {
        pumps++;
    }

    @Override
    public boolean over() {
        return over;
    }

    @Override
    public void fail(Throwable error) {
        failures.add(error);
    }
}
