package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.FetchMode;
import dev.crawler.net.Transport;
import dev.crawler.sim.LongTail;
import dev.crawler.sim.PageProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Presets, modes and the options that adjust them. */
class BenchOptionsTest {

    private static List<BenchPlan> plans(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.plans();
    }

    @Test
    void thePresetsAreTheIssues() {
        BenchPlan seed = Preset.SEED.plan();
        assertThat(seed.web().hosts()).isEqualTo(1);
        assertThat(seed.web().pagesPerHost()).isEqualTo(20);
        assertThat(seed.web().latency()).isEqualTo(Duration.ofMillis(940));
        assertThat(seed.crawl().keepAlive()).isFalse();
        assertThat(seed.crawl().delay()).isZero();
        assertThat(seed.crawl().seedsOnly()).isTrue();
        assertThat(seed.modes()).containsExactly(BenchMode.values());

        BenchPlan scale = Preset.SCALE.plan();
        assertThat(List.of(scale.web().hosts(), scale.web().pagesPerHost(), scale.crawl().perHostConnections()))
                .containsExactly(200, 100, 2);
        assertThat(scale.web().latency()).isEqualTo(Duration.ofMillis(100));

        BenchPlan throughput = Preset.THROUGHPUT.plan();
        assertThat(List.of(throughput.web().hosts(), throughput.web().pagesPerHost())).containsExactly(50, 400);
        assertThat(throughput.web().pageProfile()).isEqualTo(PageProfile.REALISTIC);
        assertThat(throughput.web().pageBytes()).isEqualTo(PageProfile.REALISTIC_MEDIAN_BYTES);
        assertThat(throughput.web().hosts() * throughput.crawl().perHostConnections())
                .as("every host's connections together can fill the concurrency")
                .isGreaterThanOrEqualTo(throughput.concurrencies().getFirst());
        assertThat(throughput.web().latency()).isZero();
        assertThat(throughput.wrk()).isTrue();

        BenchPlan c10k = Preset.C10K.plan();
        assertThat(c10k.concurrencies()).containsExactly(10, 100, 1000, 10_000);
        assertThat(c10k.web().latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(c10k.web().hosts() * c10k.crawl().perHostConnections()).isGreaterThanOrEqualTo(10_000);
        assertThat(c10k.heapBytes()).isEqualTo(512L << 20);
    }

    @Test
    void modesParseByLabelFileNameOrTransport() {
        assertThat(BenchMode.parseList("sync, busy-poll,async/epoll,nio-poll,async-io_uring"))
                .containsExactly(BenchMode.SYNC, BenchMode.BUSY_POLL, BenchMode.ASYNC_EPOLL, BenchMode.ASYNC_NIO_POLL,
                        BenchMode.ASYNC_IO_URING);
        assertThat(BenchMode.parseList("all")).hasSize(8);
        assertThat(BenchMode.BUSY_POLL.fetchMode()).isEqualTo(FetchMode.BUSY_POLL);
        assertThat(BenchMode.ASYNC_NIO_POLL.transport()).isEqualTo(Transport.NIO_POLL);
        assertThatThrownBy(() -> BenchMode.parse("poll")).hasMessageContaining("unknown mode 'poll'")
                .hasMessageContaining("async/io_uring");
    }

    @Test
    void optionsAdjustThePresets() {
        List<BenchPlan> plans = plans("--preset", "scale,c10k", "--hosts", "3", "--pages", "4", "--latency-ms", "7",
                "--modes", "sync,epoll", "--budget", "5s", "--heap", "256MB", "--per-host-connections", "3");
        assertThat(plans).hasSize(2);
        BenchPlan scale = plans.get(0);
        assertThat(scale.web().hosts()).isEqualTo(3);
        assertThat(scale.web().pagesPerHost()).isEqualTo(4);
        assertThat(scale.web().latency()).isEqualTo(Duration.ofMillis(7));
        assertThat(scale.modes()).containsExactly(BenchMode.SYNC, BenchMode.ASYNC_EPOLL);
        assertThat(scale.budget()).isEqualTo(Duration.ofSeconds(5));
        assertThat(scale.heapBytes()).isEqualTo(256L << 20);
        assertThat(scale.crawl().perHostConnections()).isEqualTo(3);
        assertThat(plans.get(1).concurrencies()).containsExactly(10, 100, 1000, 10_000);
        assertThat(plans("--preset", "all")).extracting(BenchPlan::preset).containsExactly(Preset.values());
        assertThat(plans("--preset", "throughput", "--no-wrk", "--concurrency", "5,50").get(0))
                .satisfies(p -> assertThat(p.wrk()).isFalse())
                .satisfies(p -> assertThat(p.concurrencies()).containsExactly(5, 50));
    }

    @Test
    void roundsAreTwoWhereModesAreComparedAndCanBeSet() {
        assertThat(plans("--preset", "all")).extracting(BenchPlan::rounds).containsExactly(1, 1, 2, 2);
        assertThat(plans("--preset", "seed,throughput", "--rounds", "3")).extracting(BenchPlan::rounds)
                .containsExactly(3, 3);
        assertThat(plans("--preset", "c10k", "--rounds", "1").get(0).schedule()).hasSize(5 * 4);
        assertThat(plans("--preset", "c10k").get(0).schedule()).hasSize(2 * 5 * 4);
        assertThatThrownBy(() -> plans("--preset", "c10k", "--rounds", "0"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("rounds must be at least 1");
    }

    @Test
    void theSimulatedWebIsWarmedFirstWhereModesAreCompared() {
        assertThat(plans("--preset", "all")).extracting(BenchPlan::simWarmup)
                .containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(plans("--preset", "throughput", "--sim-warmup", "0").get(0).simWarmup()).isZero();
        assertThat(plans("--preset", "seed", "--sim-warmup", "5s").get(0).simWarmup()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> plans("--sim-warmup", "soon")).isInstanceOf(CommandLine.ParameterException.class);
        // the crawl that warms it: the default async mode, at the plan's highest concurrency
        assertThat(Preset.C10K.plan().simWarmupRun()).isEqualTo(new PlannedRun(1, Targets.defaultAsync(), 10_000));
        assertThat(Preset.THROUGHPUT.plan().withModes(List.of(BenchMode.VIRTUAL)).simWarmupRun())
                .isEqualTo(new PlannedRun(1, Targets.defaultAsync(), 100));
    }

    @Test
    void pageOptionsChangeThePresetsPages() {
        BenchPlan plain = plans("--preset", "throughput", "--page-profile", "plain", "--page-bytes", "10240").get(0);
        assertThat(plain.web().pageProfile()).isEqualTo(PageProfile.PLAIN);
        assertThat(plain.web().pageBytes()).isEqualTo(10240);
        BenchPlan narrower = plans("--preset", "throughput", "--page-bytes-range", "8KB-64KB", "--nav-links", "10",
                "--no-scripts").get(0);
        assertThat(narrower.web().pageProfile().bytes()).isEqualTo(new LongTail(8192, 65536, 1.0));
        assertThat(narrower.web().pageProfile().navLinks()).isEqualTo(10);
        assertThat(narrower.web().pageProfile().scripts()).isFalse();
        assertThat(narrower.web().pageProfile().entities()).isTrue();
        assertThat(plans("--preset", "scale", "--page-profile", "realistic").get(0).web().pageProfile())
                .isEqualTo(PageProfile.REALISTIC);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThatThrownBy(() -> plans("--preset", "huge")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("unknown preset 'huge'");
        assertThatThrownBy(() -> plans("--modes", "fast")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> plans("--budget", "soon")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> plans("--concurrency", "0")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> plans("--preset", "throughput", "--page-bytes", "1024"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("pageBytes (the median page size)");
        assertThatThrownBy(() -> plans("--preset", "throughput", "--page-profile", "fancy"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("plain or realistic");
    }
}
