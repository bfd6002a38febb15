package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlOutcome;
import dev.crawler.Crawler;
import dev.crawler.Outcome;
import dev.crawler.PageSink;
import dev.crawler.export.IndexEntry;
import dev.crawler.export.IndexRecovery;
import dev.crawler.export.IndexWriter;
import dev.crawler.export.OutputException;
import dev.crawler.frontier.CrawlRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol on its own: an outcome is made durable in the frontier with its index line,
 * then the line is published and the listener told, then its permit is given back; every URL gets
 * exactly one outcome. Durability comes when the test says ({@link RecordingFrontier}), so each
 * step can be looked at before the next.
 */
class OutcomeCommitterTest {

    private static final String URL = "http://a.test/page";
    private static final String DENIED = "robots_denied: disallowed by robots.txt";

    @TempDir
    Path dir;

    private final RecordingFrontier frontier = new RecordingFrontier();
    @AutoClose
    private final StageRig rig = new StageRig(frontier);
    /** What the sinks took, in order. */
    private final List<CrawlOutcome> sunk = new ArrayList<>();
    /** What the listener was told, in order. */
    private final List<CrawlOutcome> told = new ArrayList<>();
    private final List<PageSink> sinks = new ArrayList<>(List.of(sunk::add));
    private Consumer<CrawlOutcome> listener = told::add;
    private PendingIndex pending;

    /** The committer of a crawl that keeps an index in {@link #dir}. */
    private OutcomeCommitter committer() throws IOException {
        return committer(rig.index(dir));
    }

    private OutcomeCommitter committer(PendingIndex index) {
        pending = index;
        return rig.committer(index, sinks, outcome -> listener.accept(outcome));
    }

    @Test
    void aPagesLineIsPublishedOnlyOnceItsOutcomeIsDurableAndOnlyThenIsTheListenerToldAndItsPermitFreed()
            throws IOException {
        OutcomeCommitter committer = committer();
        CrawlRequest request = CrawlRequest.of(URL, 1, "http://a.test/", 0);
        IndexEntry entry = IndexEntry.fetched(URL, URL, 200, "text/html", new byte[3], Instant.EPOCH, 1, 1,
                "http://a.test/", null);
        pending.write(entry); // as the page processor does: held until the outcome is durable
        String line = new String(IndexWriter.line(entry), StandardCharsets.UTF_8);
        CrawlOutcome page = new CrawlOutcome(URL, 1, "http://a.test/", Outcome.PAGE, Optional.empty(),
                Optional.empty(), List.of());
        frontier.holdDurability();

        committer.complete(request, page, rig.permits.take(WorkPermits.Kind.FETCH));
        rig.runTasks();

        assertThat(frontier.finished).containsExactly(new RecordingFrontier.Kept(URL, line));
        assertThat(indexLines()).isEmpty();
        assertThat(told).isEmpty();
        assertThat(frontier.published).isEmpty();
        assertThat(rig.permits.describe()).isEqualTo("1 fetches");

        frontier.durable.getFirst().complete(null);
        rig.runTasks();

        assertThat(indexLines()).containsExactly(line.strip());
        assertThat(told).containsExactly(page);
        assertThat(frontier.published).containsExactly(URL);
        assertThat(rig.permits.held()).isZero();
        assertThat(rig.pumps()).isEqualTo(1);
        assertThat(rig.failures).isEmpty();
    }

    @Test
    void aUrlRobotsTxtRefusesGetsOneOutcomeAndOneLineWithoutAFetch() throws IOException {
        OutcomeCommitter committer = committer();
        CrawlRequest request = CrawlRequest.of(URL, 2, "http://a.test/", 0);

        committer.unfetched(request, Outcome.ROBOTS_DENIED, DENIED);
        assertThat(rig.permits.describe()).isEqualTo("1 refusals being recorded");
        rig.runTasks();

        CrawlOutcome denied = new CrawlOutcome(URL, 2, "http://a.test/", Outcome.ROBOTS_DENIED, Optional.of(DENIED),
                Optional.empty(), List.of());
        assertThat(sunk).containsExactly(denied);
        assertThat(told).containsExactly(denied);
        assertThat(indexLines()).singleElement().asString().contains("\"url\":\"" + URL + "\"")
                .contains("\"status\":null").contains("\"depth\":2").contains("\"error\":\"" + DENIED + "\"");
        assertThat(frontier.finished).singleElement().extracting(RecordingFrontier.Kept::line).asString()
                .isEqualTo(indexLines().getFirst() + "\n");
        assertThat(frontier.published).containsExactly(URL);
        assertThat(rig.stats.snapshot().robotsDenied()).isEqualTo(1);
        assertThat(rig.permits.held()).isZero();
    }

    @Test
    void outcomesCommitAsTheyBecomeDurableEachUrlExactlyOnce() throws IOException {
        OutcomeCommitter committer = committer();
        frontier.holdDurability();
        committer.refusedLink(IndexEntries.refusedLink("http://a.test/0", 1, "http://a.test/",
                "trap_path_too_deep: 40 segments"));
        for (String url : List.of("http://a.test/1", "http://a.test/2", "http://a.test/3")) {
            committer.unfetched(CrawlRequest.of(url, 0, null, 0), Outcome.ROBOTS_DENIED, DENIED);
        }
        rig.runTasks();
        assertThat(frontier.durable).hasSize(4); // for /0, /1, /2, /3, in that order

        for (int i = 3; i >= 0; i--) {
            frontier.durable.get(i).complete(null);
            rig.runTasks();
        }

        List<String> lastFirst = List.of("http://a.test/3", "http://a.test/2", "http://a.test/1", "http://a.test/0");
        assertThat(told).extracting(CrawlOutcome::url).containsExactlyElementsOf(lastFirst);
        assertThat(indexLines()).map(line -> IndexRecovery.urlOf(line).orElseThrow())
                .containsExactlyElementsOf(lastFirst);
        assertThat(frontier.published).containsExactlyElementsOf(lastFirst);
        assertThat(rig.permits.held()).isZero();
    }

    @Test
    void anOutcomeThatCannotBeMadeDurableEndsTheCrawlAndIsNeitherPublishedNorTold() throws IOException {
        OutcomeCommitter committer = committer();
        frontier.holdDurability();
        committer.unfetched(CrawlRequest.of(URL, 0, null, 0), Outcome.ROBOTS_DENIED, DENIED);
        rig.runTasks();
        IOException full = new IOException("No space left on device");

        frontier.durable.getFirst().completeExceptionally(full);
        rig.runTasks();

        assertThat(rig.failures).containsExactly(full);
        assertThat(indexLines()).isEmpty();
        assertThat(told).isEmpty();
        assertThat(frontier.published).isEmpty();
        assertThat(rig.permits.held()).isZero();
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheCrawlGoesOn() throws IOException {
        OutcomeCommitter committer = committer();
        listener = outcome -> {
            throw new IllegalStateException("listener bug");
        };

        committer.unfetched(CrawlRequest.of(URL, 0, null, 0), Outcome.ROBOTS_DENIED, DENIED);
        rig.runTasks();

        assertThat(rig.failures).isEmpty();
        assertThat(indexLines()).hasSize(1);
        assertThat(frontier.published).containsExactly(URL);
        assertThat(rig.permits.held()).isZero();
        assertThat(rig.pumps()).isEqualTo(1);
    }

    @Test
    void aSinkThatFailsIsSkippedAndTheOtherSinksAndTheListenerStillGetTheOutcome() throws IOException {
        sinks.addFirst(outcome -> {
            throw new IOException("sink broken");
        });
        OutcomeCommitter committer = committer();

        committer.unfetched(CrawlRequest.of(URL, 0, null, 0), Outcome.ROBOTS_DENIED, DENIED);
        rig.runTasks();

        assertThat(sunk).extracting(CrawlOutcome::url).containsExactly(URL);
        assertThat(told).extracting(CrawlOutcome::url).containsExactly(URL);
        assertThat(rig.failures).isEmpty();
        assertThat(rig.permits.held()).isZero();
    }

    /**
     * A sink whose output is gone (an {@link OutputException}: the disk is full) stops the crawl,
     * resumable, as it does for a fetched page: the URL stays unfinished in the frontier for the
     * next run, rather than left without an outcome while the crawl goes on to "complete".
     */
    @Test
    void aSinkWhoseOutputIsGoneEndsTheCrawlForAnUnfetchedUrlToo() throws IOException {
        OutputException gone = new OutputException("cannot write", new IOException("No space left on device"));
        sinks.addFirst(outcome -> {
            throw gone;
        });
        OutcomeCommitter committer = committer();

        committer.unfetched(CrawlRequest.of(URL, 0, null, 0), Outcome.ROBOTS_DENIED, DENIED);
        rig.runTasks();

        assertThat(rig.failures).containsExactly(gone);
        assertThat(frontier.finished).isEmpty();
        assertThat(told).isEmpty();
        assertThat(rig.permits.held()).isZero();
    }

    @Test
    void aTrapRefusalIsJournaledWithItsLineBeforeTheLineIsPublished() throws IOException {
        OutcomeCommitter committer = committer();
        frontier.holdDurability();
        String why = "trap_path_too_deep: 40 segments";

        committer.refusedLink(IndexEntries.refusedLink(URL, 3, "http://a.test/", why));
        rig.runTasks();

        assertThat(frontier.recorded).singleElement().satisfies(kept -> {
            assertThat(kept.url()).isEqualTo(URL);
            assertThat(kept.line()).contains("\"depth\":3").contains("\"error\":\"" + why + "\"");
        });
        assertThat(indexLines()).isEmpty();
        assertThat(told).isEmpty();
        assertThat(rig.permits.describe()).isEqualTo("1 refusals being recorded");

        frontier.durable.getFirst().complete(null);
        rig.runTasks();

        assertThat(indexLines()).containsExactly(frontier.recorded.getFirst().line().strip());
        CrawlOutcome trapped = new CrawlOutcome(URL, 3, "http://a.test/", Outcome.TRAP, Optional.of(why),
                Optional.empty(), List.of());
        assertThat(sunk).containsExactly(trapped);
        assertThat(told).containsExactly(trapped);
        assertThat(frontier.published).containsExactly(URL);
        assertThat(rig.permits.held()).isZero();
    }

    @Test
    void withoutAnIndexNothingIsJournaledOrWrittenYetEveryOutcomeIsCommitted() {
        OutcomeCommitter committer = committer(new PendingIndex(null));

        committer.unfetched(CrawlRequest.of(URL, 0, null, 0), Outcome.ROBOTS_DENIED, DENIED);
        committer.refusedLink(IndexEntries.refusedLink("http://a.test/trap", 1, URL, "host_page_cap: too many"));
        rig.runTasks();

        assertThat(frontier.finished).containsExactly(new RecordingFrontier.Kept(URL, null));
        assertThat(frontier.recorded).isEmpty();
        assertThat(told).extracting(CrawlOutcome::outcome).containsExactlyInAnyOrder(Outcome.ROBOTS_DENIED,
                Outcome.TRAP);
        assertThat(frontier.published).containsExactlyInAnyOrder(URL, "http://a.test/trap");
        assertThat(dir.resolve(Crawler.INDEX_FILE)).doesNotExist();
        assertThat(rig.permits.held()).isZero();
    }

    @Test
    void anOutcomeRecordedAfterTheCrawlEndedIsDropped() throws IOException {
        OutcomeCommitter committer = committer();

        committer.unfetched(CrawlRequest.of(URL, 0, null, 0), Outcome.HOST_UNAVAILABLE, "host_unavailable: gave up");
        rig.end();
        rig.runTasks();

        assertThat(frontier.finished).as("it stays queued for the next run").isEmpty();
        assertThat(told).isEmpty();
        assertThat(indexLines()).isEmpty();
        assertThat(rig.stats.snapshot().robotsDenied()).as("a host given up is no robots refusal").isZero();
    }

    private List<String> indexLines() throws IOException {
        Path file = dir.resolve(Crawler.INDEX_FILE);
        return Files.exists(file) ? Files.readAllLines(file) : Collections.emptyList();
    }
}
