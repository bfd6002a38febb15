package dev.crawler.cluster;

import dev.crawler.CrawlConfig;
import dev.crawler.cli.run.ClusterMode;
import dev.crawler.frontier.FrontierOpener;
import dev.crawler.frontier.PageBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as one node of a crawl on Kafka. The crawl engine runs on the node's
 * {@link ClusterFrontier}, whose share of the frontier ({@link FrontierShare}) starts when the
 * engine opens it; a thread of the node's own asks {@link ClusterQuiescence} every
 * {@link #CHECK_EVERY} whether the whole crawl is over, and tells the frontier when it is, which
 * lets the engine end. Closing the node stops that thread and leaves the crawl (what was sent is
 * flushed; this node's partitions go to the others at once).
 */
final class ClusterNode implements ClusterMode.Node {

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    /** How often the node asks whether the whole crawl is over. */
    static final Duration CHECK_EVERY = Duration.ofMillis(500);

    /** Where, under the crawl's state directory, Kafka Streams keeps this node's stores. */
    static final String STREAMS_DIR = "kafka-streams";

    private final ClusterMode.Join join;
    private final CrawlTopics topics;
    /** Ends takeover graces; one daemon thread that only hands each end to the engine's thread. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("takeover-grace").factory());
    private volatile FrontierShare share;
    private volatile OutcomeJournal journal;
    /** The share's sends, off the engine's thread. */
    private final SendThread sends = new SendThread(() -> share);
    private volatile Thread watcher;
    private volatile ClusterPageBudget budget;
    private volatile PauseFence fence;
    private volatile boolean closed;

    ClusterNode(ClusterMode.Join join, CrawlTopics topics) {
        this.join = join;
        this.topics = topics;
    }

    @Override
    public FrontierOpener frontier() {
        return (store, owner) -> {
            if (share != null) {
                throw new IllegalStateException("a node's frontier is opened once");
            }
            OutcomeJournal journal = new OutcomeJournal(store);
            this.journal = journal;
            ClusterFrontier frontier = new ClusterFrontier(sends, owner, grace(join.config()), timer, journal);
            PauseFence pauses = PauseFence.start(frontier::resumed, () -> {
                FrontierShare joined = share;
                return joined == null ? CompletableFuture.completedFuture(null)
                        : joined.assignedHere().thenCompose(frontier::confirmOwnership);
            });
            fence = pauses;
            frontier.pauseFence(pauses);
            frontier.outcomeCheck(pending -> CompletableFuture.supplyAsync(
                    () -> SentOutcomes.on(join.bootstrap(), topics, join.partitions(), join.nodeId(), List.of(pending))
                            .contains(pending.url()),
                    task -> Thread.ofVirtual().name("outcome-check").start(task)));
            frontier.budgets((maxPages, othersMoved) -> {
                if (maxPages < 1) {
                    return PageBudget.counting(maxPages);
                }
                ClusterPageBudget shared = ClusterPageBudget.start(join.bootstrap(), topics, join.nodeId(), maxPages, othersMoved);
                budget = shared;
                return shared;
            });
            Path streamsDir = join.config().stateDir().resolve(STREAMS_DIR);
            share = FrontierShare.start(join.bootstrap(), topics, join.nodeId(), streamsDir,
                    new FrontierShare.Options(join.partitions(), join.replication(), join.exactlyOnce()), frontier);
            recover(journal);
            watcher = Thread.ofPlatform().daemon().name("crawl-end-check").start(() -> watch(frontier));
            return frontier;
        };
    }

    /**
     * Sorts the index lines an earlier run of this node left unwritten: those whose outcome reached
     * the topic are this run's to write (the engine republishes them); the others are dropped,
     * since their pages were never finished and are fetched again.
     */
    private void recover(OutcomeJournal journal) throws IOException {
        List<OutcomeJournal.Pending> left = journal.left();
        if (left.isEmpty()) {
            return;
        }
        Set<String> sent = SentOutcomes.on(join.bootstrap(), topics, join.partitions(), join.nodeId(), left);
        List<OutcomeJournal.Pending> mine = new ArrayList<>();
        for (OutcomeJournal.Pending p : left) {
            if (sent.contains(p.url())) {
                mine.add(p);
            } else {
                journal.drop(OutcomeJournal.fingerprint(p.url()));
            }
        }
        journal.flushed().join();
        journal.recovered(mine);
        log.info("{} index lines an earlier run of this node had not written: {} whose outcome went out are written now,"
                + " {} whose outcome did not are dropped (their pages are fetched again)", left.size(), mine.size(),
                left.size() - mine.size());
    }

    /**
     * The grace of a partition taken over: the politeness delay; with requests that its last
     * owner may still be fetching, at least the longest a fetch may take.
     */
    static ClusterFrontier.TakeoverGrace grace(CrawlConfig config) {
        Duration delay = config.politeness().delay();
        Duration fetch = config.fetch().responseTimeout();
        return new ClusterFrontier.TakeoverGrace(delay, fetch.compareTo(delay) > 0 ? fetch : delay);
    }

    /** Asks whether the whole crawl is over until it is (then tells {@code frontier}) or the node closes. */
    private void watch(ClusterFrontier frontier) {
        try (ClusterQuiescence quiescence = new ClusterQuiescence(join.bootstrap(), topics, join.partitions())) {
            while (!closed) {
                Thread.sleep(CHECK_EVERY);
                try {
                    if (quiescence.over()) {
                        log.info("crawl '{}' is over on every node", topics.crawlId());
                        frontier.crawlOver();
                        return;
                    }
                } catch (IOException e) {
                    if (!closed) {
                        log.warn("cannot tell yet whether crawl '{}' is over: {}", topics.crawlId(), e.getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (RuntimeException e) {
            if (!closed) {
                log.error("the end-of-crawl check stopped; this node's crawl will not end by itself", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread w = watcher;
        if (w != null) {
            w.interrupt();
            try {
                w.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        closeIfOpened(fence);
        closeIfOpened(budget);
        sends.close();
        closeIfOpened(journal);
        closeIfOpened(share);
    }

    /** Closes {@code part}, made when the engine opened the frontier; null if it never did. */
    private static void closeIfOpened(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot close " + part + ": " + e.getMessage(), e);
        }
    }
}
