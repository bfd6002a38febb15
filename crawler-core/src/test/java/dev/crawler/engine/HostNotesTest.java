package dev.crawler.engine;

import static dev.crawler.engine.ScriptedFetcher.html;
import static dev.crawler.engine.ScriptedFetcher.linking;
import static dev.crawler.engine.ScriptedFetcher.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.ResponseHeaders;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.filter.TrapPolicy;
import dev.crawler.frontier.HostNote;
import dev.crawler.robots.RobotsPolicy;
import dev.crawler.robots.RobotsRules;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the engine learns about a host is kept as notes through its frontier, and a crawl whose
 * frontier has notes from an earlier owner of the host goes on from them: no robots.txt fetched
 * again, a host given up stays given up, trap counts go on from where they were.
 */
class HostNotesTest extends OnEngineHarness {

    private static final String SITE = "http://a.test/";
    private static final String HOST = "http://a.test:80";

    /** A frontier that keeps the notes it is given and hands out the notes of an earlier owner, once. */
    static final class NotedFrontier extends QueuesInMemory {
        final List<HostNote> kept = new ArrayList<>();
        final Map<String, List<HostNote>> earlier = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        private final boolean trapsOnPoll;

        NotedFrontier(boolean trapsOnPoll) {
            this.trapsOnPoll = trapsOnPoll;
        }

        @Override
        public void note(HostNote note) {
            kept.add(note);
        }

        @Override
        public List<HostNote> notes(String hostKey) {
            asked.add(hostKey);
            List<HostNote> notes = earlier.remove(hostKey);
            return notes == null ? List.of() : notes;
        }

        @Override
        public boolean judgesTrapsOnPoll() {
            return trapsOnPoll;
        }

        List<HostNote> kept(String key) {
            return kept.stream().filter(n -> n.key().equals(key)).toList();
        }
    }

    @Test
    void theRulesOfARobotsTxtFetchedHereAreNotedAndThoseNotedElsewhereAreUsedWithoutFetchingIt() throws Exception {
        engine.fetcher.on(SITE + "robots.txt", text("User-agent: *\nDisallow: /private\nCrawl-delay: 0\n"))
                .on(SITE, linking("/a", "/private"))
                .on(SITE + "a", html("<p>a</p>"));
        NotedFrontier first = new NotedFrontier(false);
        assertThat(run(first)).isEqualTo(StopReason.COMPLETED);
        assertThat(engine.fetcher.requestsFor(SITE + "robots.txt")).hasSize(1);
        List<HostNote> robots = first.kept(HostNotes.ROBOTS);
        assertThat(robots).hasSize(1);
        assertThat(robots.get(0).hostKey()).isEqualTo(HOST);

        engine.close();
        engine = new EngineHarness(java.nio.file.Files.createDirectories(out.resolve("second")));
        engine.fetcher.on(SITE + "robots.txt", text("User-agent: *\nDisallow: /\n")) // not asked: the note stands
                .on(SITE, linking("/a", "/private"))
                .on(SITE + "a", html("<p>a</p>"));
        NotedFrontier second = new NotedFrontier(false);
        second.earlier.put(HOST, robots);
        assertThat(run(second)).isEqualTo(StopReason.COMPLETED);
        assertThat(engine.fetcher.requestsFor(SITE + "robots.txt")).as("robots.txt fetched again").isEmpty();
        assertThat(engine.outcome(engine.index(), SITE + "private")).isEqualTo("robots_denied");
        assertThat(engine.outcome(engine.index(), SITE + "a")).isEqualTo("200");
    }

    /** The node that read them may not have fetched them yet: the sitemaps the rules list are fetched. */
    @Test
    void theSitemapsOfRulesNotedElsewhereAreFetched() throws Exception {
        engine.fetcher.on(SITE + "sitemap.xml", new ScriptedFetcher.Reply(200, List.of(Map.entry("Content-Type",
                        "application/xml")), "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>http://a.test/listed</loc></url></urlset>"))
                .on(SITE, html("<p>root</p>"))
                .on(SITE + "listed", html("<p>listed</p>"));
        NotedFrontier frontier = new NotedFrontier(false);
        RobotsRules rules = new RobotsPolicy("dev-crawler").interpret(SITE + "robots.txt",
                robotsTxt("User-agent: *\nDisallow:\nSitemap: http://a.test/sitemap.xml\n"));
        frontier.earlier.put(HOST, List.of(HostNotes.robots(HOST, rules, System.currentTimeMillis()).orElseThrow()));
        assertThat(engine.start(engine.settings(SITE).respectRobots(true).sitemaps(true).build(), frontier)
                .get(10, TimeUnit.SECONDS)).isEqualTo(StopReason.COMPLETED);
        assertThat(engine.fetcher.requestsFor(SITE + "robots.txt")).isEmpty();
        assertThat(engine.fetcher.requestsFor(SITE + "sitemap.xml")).hasSize(1);
        assertThat(engine.outcome(engine.index(), SITE + "listed")).isEqualTo("200");
    }

    @Test
    void rulesNotedLongerAgoThanTheyAreTrustedAreFetchedAgain() throws Exception {
        engine.fetcher.on(SITE + "robots.txt", text("User-agent: *\nDisallow: /private\n"))
                .on(SITE, linking("/a"))
                .on(SITE + "a", html("<p>a</p>"));
        NotedFrontier frontier = new NotedFrontier(false);
        RobotsRules old = new RobotsPolicy("dev-crawler").interpret(SITE + "robots.txt", robotsTxt("User-agent: *\nDisallow: /\n"));
        long dayAndMore = System.currentTimeMillis() - Duration.ofHours(25).toMillis();
        frontier.earlier.put(HOST, List.of(HostNotes.robots(HOST, old, dayAndMore).orElseThrow()));
        assertThat(run(frontier)).isEqualTo(StopReason.COMPLETED);
        assertThat(engine.fetcher.requestsFor(SITE + "robots.txt")).hasSize(1);
        assertThat(engine.outcome(engine.index(), SITE + "a")).isEqualTo("200");
    }

    @Test
    void aHostGivenUpIsNotedAndAHostNotedAsGivenUpIsNotTriedAgain() throws Exception {
        engine.fetcher.on(SITE, new ScriptedFetcher.Fail(FetchError.CONNECT));
        NotedFrontier first = new NotedFrontier(false);
        engine.start(engine.settings(SITE).retry(new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1)).build(), first)
                .get(10, TimeUnit.SECONDS);
        List<HostNote> givenUp = first.kept(HostNotes.GIVEN_UP);
        assertThat(givenUp).hasSize(1);
        assertThat(new String(givenUp.get(0).value(), StandardCharsets.UTF_8)).contains("failed attempts in a row");

        engine.close();
        engine = new EngineHarness(java.nio.file.Files.createDirectories(out.resolve("second")));
        engine.fetcher.on(SITE, html("<p>up again</p>"));
        NotedFrontier second = new NotedFrontier(false);
        second.earlier.put(HOST, givenUp);
        assertThat(run(second)).isEqualTo(StopReason.COMPLETED);
        assertThat(engine.fetcher.requestsFor(SITE)).as("a host given up is not tried again").isEmpty();
        assertThat(engine.outcome(engine.index(), SITE)).isEqualTo("host_unavailable");
    }

    /** Judged on poll, the cap counts on from what an earlier owner counted, and each admission is noted. */
    @Test
    void trapCountsAreNotedAsURLsAreHandedOutAndGoOnFromThoseNotedElsewhere() throws Exception {
        engine.fetcher.on(SITE, linking("/a", "/b", "/c"))
                .on(SITE + "a", html("<p>a</p>"))
                .on(SITE + "b", html("<p>b</p>"))
                .on(SITE + "c", html("<p>c</p>"));
        NotedFrontier frontier = new NotedFrontier(true);
        frontier.earlier.put(HOST, List.of(HostNotes.trapUrls(HOST, 2)));
        assertThat(engine.start(engine.settings(SITE).traps(new TrapPolicy(2048, 32, 3, 1000, 4, 10_000)).build(),
                frontier).get(10, TimeUnit.SECONDS)).isEqualTo(StopReason.COMPLETED);
        assertThat(engine.fetcher.requests()).as("2 counted elsewhere, so 2 more here").hasSize(2);
        assertThat(engine.index().values().stream().filter(n -> n.path("error").asText().startsWith("host_page_cap")))
                .hasSize(2);
        assertThat(frontier.kept(HostNotes.TRAP_URLS)).extracting(n -> java.nio.ByteBuffer.wrap(n.value()).getLong())
                .containsExactly(3L, 4L);
    }

    @Test
    void aNoteThatCannotBeReadIsLeftOut() {
        List<HostNote> notes = List.of(new HostNote(HOST, HostNotes.ROBOTS, new byte[] {9, 9}),
                new HostNote(HOST, HostNotes.TRAP_URLS, new byte[] {1}), new HostNote(HOST, "what", new byte[0]),
                HostNotes.givenUp(HOST, "because"));
        HostNotes.Recalled r = HostNotes.read(notes).orElseThrow();
        assertThat(r.robots()).isEmpty();
        assertThat(r.trapUrls()).isZero();
        assertThat(r.givenUp()).contains("because");
        assertThat(HostNotes.read(List.of())).isEmpty();
    }

    private StopReason run(NotedFrontier frontier) throws Exception {
        return engine.start(engine.settings(SITE).respectRobots(true).build(), frontier).get(10, TimeUnit.SECONDS);
    }

    private static FetchResult robotsTxt(String body) {
        return new FetchResult.Response(URI.create(SITE + "robots.txt"), 200, ResponseHeaders.empty(),
                body.getBytes(StandardCharsets.UTF_8), false, Instant.now(), Duration.ZERO, true);
    }
}
