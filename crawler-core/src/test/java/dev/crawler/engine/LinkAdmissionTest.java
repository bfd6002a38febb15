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
            .build(), stats);

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

    @Test
    void sitemapsOfOtherHostsAreOutOfScope() {
        assertThat(admission.inScope(CrawlRequest.hostKeyOf("http://a.sim/sitemap.xml"))).isTrue();
        assertThat(admission.inScope(CrawlRequest.hostKeyOf("http://b.sim/sitemap.xml"))).isFalse();
    }

    private Optional<LinkAdmission.Refusal> check(String url, int depth) {
        return admission.check(url, CrawlRequest.hostKeyOf(url), depth);
    }
}
