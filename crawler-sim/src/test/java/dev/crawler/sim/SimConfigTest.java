package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SimConfig c = SimConfig.defaults();
        assertThat(c.hosts()).isEqualTo(10);
        assertThat(c.pagesPerHost()).isEqualTo(50);
        assertThat(c.linksPerPage()).isEqualTo(8);
        assertThat(c.latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(c.jitter()).isZero();
        assertThat(c.pageBytes()).isEqualTo(2048);
        assertThat(c.seed()).isEqualTo(42L);
        assertThat(c.firstAddress()).isEqualTo("127.0.1.1");
        assertThat(c.port()).isZero();
    }

    @Test
    void withersChangeOneField() {
        SimConfig c = SimConfig.defaults().withHosts(3).withPages(7).withLinks(2).withLatency(Duration.ZERO)
                .withJitter(Duration.ofMillis(5)).withPageBytes(100).withSeed(7).withFirstAddress("127.0.3.1").withPort(8080);
        assertThat(c).isEqualTo(new SimConfig(3, 7, 2, Duration.ZERO, Duration.ofMillis(5), 100, 7, "127.0.3.1", 8080));
    }

    @Test
    void invalidValuesAreRejectedWithTheFieldName() {
        SimConfig d = SimConfig.defaults();
        assertThatThrownBy(() -> d.withHosts(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hosts");
        assertThatThrownBy(() -> d.withPages(0)).hasMessageContaining("pagesPerHost");
        assertThatThrownBy(() -> d.withLinks(-1)).hasMessageContaining("linksPerPage");
        assertThatThrownBy(() -> d.withLatency(Duration.ofMillis(-1))).hasMessageContaining("latency");
        assertThatThrownBy(() -> d.withJitter(null)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> d.withPageBytes(-5)).hasMessageContaining("pageBytes");
        assertThatThrownBy(() -> d.withPort(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> d.withFirstAddress("10.0.0.1")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> d.withFirstAddress("127.0.1.0")).hasMessageContaining("1..254");
        assertThatThrownBy(() -> d.withFirstAddress("localhost")).hasMessageContaining("dotted IPv4");
        assertThatThrownBy(() -> d.withFirstAddress("127.255.255.200").withHosts(1000)).hasMessageContaining("do not fit");
    }

    @org.junit.jupiter.api.Test
    void theLargePresetIsAThousandHostsOfAThousandPages() {
        SimConfig large = SimConfig.preset("large");
        org.assertj.core.api.Assertions.assertThat(large.hosts()).isEqualTo(1000);
        org.assertj.core.api.Assertions.assertThat(large.pagesPerHost()).isEqualTo(1000);
        org.assertj.core.api.Assertions.assertThat(SimConfig.preset("default")).isEqualTo(SimConfig.defaults());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimConfig.preset("huge"))
                .hasMessageContaining("expected default or large");
    }

    @Test
    void pagesArePlainUnlessARealisticProfileIsAsked() {
        assertThat(SimConfig.defaults().pageProfile()).isEqualTo(PageProfile.PLAIN);
        assertThat(SimConfig.large().pageProfile().plain()).isTrue();
        SimConfig realistic = SimConfig.defaults().withRealisticPages();
        assertThat(realistic.pageProfile()).isEqualTo(PageProfile.named("realistic"));
        assertThat(realistic.pageBytes()).isEqualTo(24 * 1024);
        assertThat(realistic.linksPerPage()).isEqualTo(40);
        assertThat(realistic.pageProfile().bytes()).isEqualTo(new LongTail(5 * 1024, 500 * 1024, 1.0));
        assertThat(realistic.pageProfile().links()).isEqualTo(new LongTail(10, 3000, 1.2));
        assertThat(realistic.pageProfile().label()).isEqualTo("realistic");
        assertThat(PageProfile.REALISTIC.withScripts(false).label()).isEqualTo("custom");
        assertThat(realistic.withHosts(3).pageProfile()).isEqualTo(PageProfile.REALISTIC);
        assertThatThrownBy(() -> PageProfile.named("fancy")).hasMessageContaining("plain or realistic");
    }

    @Test
    void mediansMustLieWithinTheirRanges() {
        SimConfig realistic = SimConfig.defaults().withRealisticPages();
        assertThatThrownBy(() -> realistic.withPageBytes(2048)).hasMessageContaining("pageBytes (the median page size)")
                .hasMessageContaining("5120..512000");
        assertThatThrownBy(() -> realistic.withLinks(5)).hasMessageContaining("linksPerPage").hasMessageContaining("10..3000");
        assertThat(realistic.withPageProfile(realistic.pageProfile().withBytes(new LongTail(1000, 4000, 1)), 2048, 40)
                .pageBytes()).isEqualTo(2048);
        assertThatThrownBy(() -> realistic.withPageProfile(realistic.pageProfile().withBytes(
                new LongTail(1000, SimConfig.MAX_PAGE_BYTES + 1, 1)), 2048, 40)).hasMessageContaining("page size range");
        assertThatThrownBy(() -> realistic.withPageProfile(realistic.pageProfile().withLinks(
                new LongTail(1, SimConfig.MAX_LINKS_PER_PAGE + 1, 1)), 24 * 1024, 40)).hasMessageContaining("link count range");
        assertThatThrownBy(() -> PageProfile.PLAIN.withNavLinks(-1)).hasMessageContaining("navLinks");
    }
}
