package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlOutcome;
import dev.crawler.Outcome;
import dev.crawler.filter.TrapPolicy;
import dev.crawler.filter.UrlFilter;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Link intake on its own: which URLs found reach the frontier, with what depth and referrer,
 * when the scheduler hears of their host, and which refusals get an outcome (a trap's, once).
 * The crawl's seed is {@code http://a.test/}, its scope the seed's host.
 */
class LinkIntakeTest {

    private static final String SITE = "http://a.test/";
    private static final String HOST = "http://a.test:80";

    @TempDir
    Path dir;

    private final RecordingFrontier frontier = new RecordingFrontier();
    @AutoClose
    private final StageRig rig = new StageRig(frontier);
    /** Outcomes committed: those of trap refusals. */
    private final List<CrawlOutcome> told = new ArrayList<>();

    /** The intake of a crawl of {@link #SITE} with {@code settings}, keeping an index. */
    private LinkIntake intake(UnaryOperator<CrawlConfig.Builder> settings) throws IOException {
        CrawlConfig config = settings.apply(CrawlConfig.builder().seeds(List.of(SITE))).build();
        return rig.intake(config, rig.committer(rig.index(dir), List.of(), told::add));
    }

    @Test
    void aLinkIsQueuedWithItsDepthAndReferrerAndItsHostHearsOfIt() throws IOException {
        LinkIntake intake = intake(c -> c);

        intake.consider("http://a.test/x", 2, SITE);

        assertThat(rig.scheduler.nextReady(rig.now())).contains(HOST);
        assertThat(frontier.poll(HOST)).contains(new CrawlRequest("http://a.test/x", HOST, 2, SITE, 0));
        assertThat(told).isEmpty();
    }

    @Test
    void onlyTheFirstUrlOfAHostIsNewWorkTheOthersQueueBehindIt() throws IOException {
        LinkIntake intake = intake(c -> c);

        assertThat(intake.enqueue(CrawlRequest.of("http://a.test/1", 1, SITE, 0)))
                .isEqualTo(Frontier.Offer.QUEUED_NEW_HOST);
        assertThat(intake.enqueue(CrawlRequest.of("http://a.test/2", 1, SITE, 0))).isEqualTo(Frontier.Offer.QUEUED);
        assertThat(intake.enqueue(CrawlRequest.of("http://a.test/1", 3, "http://a.test/2", 0)))
                .isEqualTo(Frontier.Offer.DUPLICATE);

        assertThat(rig.scheduler.nextReady(rig.now())).contains(HOST);
        assertThat(rig.scheduler.nextReady(rig.now())).as("one host, handed out once").isEmpty();
        assertThat(frontier.queued()).isEqualTo(2);
        assertThat(frontier.poll(HOST).orElseThrow().depth()).as("the first find stands").isEqualTo(1);
    }

    @Test
    void aUrlFoundAgainIsDroppedAndNotCountedAgainstTheTrapRules() throws IOException {
        LinkIntake intake = intake(c -> c.traps(new TrapPolicy(-1, -1, -1, 2, -1, -1)));

        intake.consider("http://a.test/s?q=1", 1, SITE);
        intake.consider("http://a.test/s?q=1", 1, "http://a.test/other");
        intake.consider("http://a.test/s?q=2", 1, SITE);

        assertThat(frontier.queued()).isEqualTo(2);
        assertThat(intake.refusal("http://a.test/s?q=3", HOST, 1, SITE)).get().asString()
                .startsWith("is refused (trap_query_variants: ");
    }

    @Test
    void aLinkBeyondTheDepthLimitIsRefusedYetQueuedWhenFoundNearerLater() throws IOException {
        LinkIntake intake = intake(c -> c.maxDepth(2));

        assertThat(intake.refusal("http://a.test/deep", HOST, 3, SITE)).contains("is deeper than --max-depth");
        intake.consider("http://a.test/deep", 3, SITE);
        assertThat(frontier.queued()).isZero();
        assertThat(rig.stats.snapshot().tooDeep()).isEqualTo(2);

        intake.consider("http://a.test/deep", 2, SITE);

        assertThat(frontier.poll(HOST).orElseThrow().depth()).isEqualTo(2);
        assertThat(told).isEmpty();
    }

    @Test
    void aLinkToAUrlSeenAlreadyIsDroppedBeforeItIsJudged() throws IOException {
        LinkIntake intake = intake(c -> c.maxDepth(2));

        intake.consider("http://a.test/p", 1, SITE);
        intake.consider("http://a.test/p", 3, "http://a.test/deep");

        assertThat(frontier.queued()).isEqualTo(1);
        assertThat(rig.stats.snapshot().tooDeep()).as("a duplicate, not a link too deep").isZero();
        assertThat(frontier.poll(HOST).orElseThrow().referrer()).isEqualTo(SITE);
    }

    @Test
    void aLinkOutOfScopeIsRefusedWithoutAnOutcomeAndItsHostIsNeverScheduled() throws IOException {
        LinkIntake intake = intake(c -> c);

        assertThat(intake.refusal("http://b.test/", "http://b.test:80", 1, SITE))
                .contains("is out of the crawl's scope");
        intake.consider("http://b.test/page", 1, SITE);
        rig.runTasks();

        assertThat(intake.inScope("http://b.test:80")).isFalse();
        assertThat(intake.inScope(HOST)).isTrue();
        assertThat(frontier.seen()).isZero();
        assertThat(rig.scheduler.hosts()).isEmpty();
        assertThat(rig.stats.snapshot().outOfScope()).isEqualTo(2);
        assertThat(told).isEmpty();
        assertThat(frontier.recorded).isEmpty();
    }

    @Test
    void aLinkTheIncludeAndExcludePatternsRefuseIsNotQueued() throws IOException {
        LinkIntake intake = intake(c -> c.filter(UrlFilter.of(List.of("/docs/"), List.of("\\.pdf$"))));

        intake.consider("http://a.test/docs/a.pdf", 1, SITE);
        intake.consider("http://a.test/blog/b", 1, SITE);
        intake.consider("http://a.test/docs/c", 1, SITE);

        assertThat(frontier.poll(HOST).orElseThrow().url()).isEqualTo("http://a.test/docs/c");
        assertThat(frontier.queued()).isZero();
        assertThat(rig.stats.snapshot().filtered()).isEqualTo(2);
        assertThat(intake.refusal("http://a.test/docs/a.pdf", HOST, 1, SITE))
                .contains("is excluded by --include/--exclude");
    }

    @Test
    void aTrapGivesItsLinkOneOutcomeAndOneIndexLineHoweverOftenItIsFound() throws IOException {
        LinkIntake intake = intake(c -> c.traps(new TrapPolicy(-1, 3, -1, -1, -1, -1)));
        String trap = "http://a.test/a/b/c/d";

        intake.consider(trap, 4, "http://a.test/a/b/c/");
        intake.consider(trap, 1, SITE);
        rig.runTasks();

        String why = "trap_path_too_deep: path of 4 segments (at most 3)";
        assertThat(told).containsExactly(new CrawlOutcome(trap, 4, "http://a.test/a/b/c/", Outcome.TRAP,
                Optional.of(why), Optional.empty(), List.of()));
        assertThat(frontier.recorded).singleElement().satisfies(kept -> {
            assertThat(kept.url()).isEqualTo(trap);
            assertThat(kept.line()).contains("\"error\":\"" + why + "\"").contains("\"depth\":4");
        });
        assertThat(frontier.queued()).isZero();
        assertThat(rig.stats.snapshot().traps()).containsEntry("trap_path_too_deep", 1L);
        assertThat(rig.permits.held()).isZero();
    }

    @Test
    void aUrlQueuedBeforeThatATrapRuleWouldNowRefuseGetsNoSecondOutcome() throws IOException {
        LinkIntake intake = intake(c -> c.traps(new TrapPolicy(-1, -1, -1, -1, 1, -1)));

        intake.consider("http://a.test/1", 1, SITE);
        intake.consider("http://a.test/1", 1, "http://a.test/other");
        intake.consider("http://a.test/2", 1, SITE);
        rig.runTasks();

        assertThat(frontier.queued()).isEqualTo(1);
        assertThat(told).extracting(CrawlOutcome::url).containsExactly("http://a.test/2");
        assertThat(frontier.recorded).extracting(RecordingFrontier.Kept::url).containsExactly("http://a.test/2");
        assertThat(rig.stats.snapshot().traps()).containsEntry("host_page_cap", 1L);
    }
}
