package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlConfig;
import dev.crawler.filter.Scope;
import dev.crawler.filter.TrapGuard;
import dev.crawler.filter.TrapPolicy;
import dev.crawler.filter.UrlFilter;
import dev.crawler.frontier.CrawlRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkAdmissionTest {

    private final EngineStats stats = new EngineStats();
    private final LinkAdmission admission = new LinkAdmission(CrawlConfig.builder()
            .seeds(List.of("http://a.sim/"))
            .outDir(Path.of("unused"))
            .scope(Scope.HOST)
            .maxDepth(2)
            .filter(UrlFilter.of(List.of(), List.of("/private/")))
            .traps(new TrapPolicy(100, 4, 2, -1, -1, -1))
            .build(), stats, false);

    @Test
    void aUrlThatPassesEveryRuleIsAdmitted() {
        assertThat(check("http://a.sim/x/y", 2)).isEmpty();
    }

    @Test
    void eachRuleRefusesWithItsReasonAndCount() {
        assertThat(check("http://a.sim/x", 3)).map(LinkAdmission.Refusal::reason).contains("is deeper than --max-depth");
        assertThat(check("http://b.sim/x", 1)).map(LinkAdmission.Refusal::reason).contains("is out of the crawl's scope");
        assertThat(check("http://a.sim/private/x", 1)).map(LinkAdmission.Refusal::reason)
                .contains("is excluded by --include/--exclude");
        assertThat(stats.tooDeep.sum()).isEqualTo(1);
        assertThat(stats.outOfScope.sum()).isEqualTo(1);
        assertThat(stats.filtered.sum()).isEqualTo(1);
        assertThat(check("http://a.sim/x", 3).orElseThrow().trap()).as("not a trap: no index line").isEmpty();
    }

    @Test
    void aTrapRefusalNamesItsRuleForTheIndexLine() {
        Optional<LinkAdmission.Refusal> deep = check("http://a.sim/1/2/3/4/5", 1);
        assertThat(deep).map(r -> r.trap().map(TrapGuard.Refusal::kind))
                .contains(Optional.of(TrapGuard.Kind.PATH_TOO_DEEP));
        assertThat(deep.orElseThrow().reason()).startsWith("is refused (");
        assertThat(check("http://a.sim/a/a/a", 1).orElseThrow().trap()).map(TrapGuard.Refusal::kind)
                .contains(TrapGuard.Kind.REPEATED_SEGMENTS);
    }

    /**
     * On a frontier that judges traps as it hands URLs out (several nodes), a URL is judged there
     * and not as it is found: depth, scope and filters still refuse as found; the per-host cap
     * counts the URLs handed out, and a trap's refusal names its rule.
     */
    @Test
    void onAFrontierThatJudgesTrapsOnPollTheyJudgeThereAndCountWhatIsHandedOut() {
        LinkAdmission atOwner = new LinkAdmission(CrawlConfig.builder()
                .seeds(List.of("http://a.sim/"))
                .outDir(Path.of("unused"))
                .scope(Scope.HOST)
                .maxDepth(2)
                .traps(new TrapPolicy(100, 4, 2, -1, 2, -1))
                .build(), stats, true);
        String deep = "http://a.sim/1/2/3/4/5";
        assertThat(atOwner.check(deep, CrawlRequest.hostKeyOf(deep), 1)).as("judged when handed out").isEmpty();
        assertThat(atOwner.check("http://a.sim/x", CrawlRequest.hostKeyOf("http://a.sim/x"), 3))
                .map(LinkAdmission.Refusal::reason).contains("is deeper than --max-depth");
        assertThat(atOwner.onPoll(deep, "http://a.sim:80")).map(TrapGuard.Refusal::kind).contains(TrapGuard.Kind.PATH_TOO_DEEP);
        atOwner.admitted("http://a.sim/1", "http://a.sim:80");
        atOwner.admitted("http://a.sim/2", "http://a.sim:80");
        assertThat(atOwner.onPoll("http://a.sim/1", "http://a.sim:80")).as("queued URLs are not counted").isEmpty();
        assertThat(atOwner.onPoll("http://a.sim/2", "http://a.sim:80")).isEmpty();
        assertThat(atOwner.onPoll("http://a.sim/3", "http://a.sim:80")).map(TrapGuard.Refusal::kind)
                .contains(TrapGuard.Kind.HOST_PAGE_CAP);
        assertThat(admission.onPoll("http://a.sim/1/2/3/4/5", "http://a.sim:80")).as("judged when found").isEmpty();
    }

    @Test
    void sitemapsOfOtherHostsAreOutOfScope() {
        assertThat(admission.inScope(CrawlRequest.hostKeyOf("http://a.sim/sitemap.xml"))).isTrue();
        assertThat(admission.inScope(CrawlRequest.hostKeyOf("http://b.sim/sitemap.xml"))).isFalse();
    }

    private Optional<LinkAdmission.Refusal> check(String url, int depth) {
        return admission.check(url, CrawlRequest.hostKeyOf(url), depth);
    }
}
