package dev.crawler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrapGuardTest {

    private static final String HOST = "http://a.test:80";
    private final TrapGuard guard = new TrapGuard(new TrapPolicy(60, 4, 2, 2, 3, 100));

    private TrapGuard.Kind refused(String url) {
        return guard.check(url, HOST).map(TrapGuard.Refusal::kind).orElse(null);
    }

    @Test
    void statelessRules() {
        assertThat(refused("http://a.test/" + "x".repeat(60))).isEqualTo(TrapGuard.Kind.URL_TOO_LONG);
        assertThat(refused("http://a.test/1/2/3/4/5")).isEqualTo(TrapGuard.Kind.PATH_TOO_DEEP);
        assertThat(refused("http://a.test/1/2/3/4")).isNull();
        assertThat(refused("http://a.test/a/b/a/a")).isEqualTo(TrapGuard.Kind.REPEATED_SEGMENTS);
        assertThat(refused("http://a.test/a/b/a")).isNull();
        assertThat(guard.check("http://a.test/a/a/a", HOST).orElseThrow().indexError())
                .startsWith("trap_repeated_segments: path segment 'a'");
    }

    @Test
    void queryVariantsPerPathAreCapped() {
        assertThat(refused("http://a.test/cal?m=1")).isNull();
        guard.admitted("http://a.test/cal?m=1", HOST);
        guard.admitted("http://a.test/cal?m=2", HOST);
        assertThat(refused("http://a.test/cal?m=3")).isEqualTo(TrapGuard.Kind.QUERY_VARIANTS);
        assertThat(refused("http://a.test/other?m=3")).as("per path").isNull();
    }

    @Test
    void urlsPerHostAreCapped() {
        guard.admitted("http://a.test/1", HOST);
        guard.admitted("http://a.test/2", HOST);
        assertThat(refused("http://a.test/3")).isNull();
        guard.admitted("http://a.test/3", HOST);
        assertThat(refused("http://a.test/4")).isEqualTo(TrapGuard.Kind.HOST_PAGE_CAP);
        assertThat(guard.check("http://b.test/4", "http://b.test:80")).as("per host").isEmpty();
    }

    @Test
    void noLimitsRefuseNothing() {
        TrapGuard none = new TrapGuard(TrapPolicy.none());
        assertThat(none.check("http://a.test/a/a/a/a/a/a/a/a/" + "x".repeat(5000), HOST)).isEmpty();
    }
}
