package dev.crawler.bench.run;

import dev.crawler.cli.ExitCodes;
import dev.crawler.cli.PageOptions;
import dev.crawler.cli.config.DurationParser;
import dev.crawler.cli.config.SizeParser;
import dev.crawler.sim.SimConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crawler bench}: the comparison of I/O models, rerunnable. For each preset it starts the
 * simulated web in a process of its own, crawls it once per mode (and concurrency level) in each
 * round ({@code --rounds}, the order reversed every other round), each run in a fresh crawler JVM, checks each run against the ground truth, and writes a table, CSV, JSON,
 * Markdown and a PNG chart under {@code --out}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = dev.crawler.cli.VersionProvider.class,
        description = {
            "Crawls the simulated web once per I/O model (sync, threads, virtual, busy-poll, async on"
                    + " nio-poll, nio, epoll and io_uring), each run in its own JVM against a server in"
                    + " another process, checks every run against the ground truth (a run that missed or"
                    + " repeated pages is FAILED, never timed), and reports pages/s, CPU, memory, threads"
                    + " and latency as a table, CSV, JSON, Markdown and a PNG chart. With --rounds (the default for"
                    + " throughput and c10k: 2) every mode runs again in reverse order, and the modes are compared by"
                    + " their medians, so that the order of --modes does not decide which is faster.",
            "",
            "Presets: seed (20 pages, 1 host, 940 ms, a connection per page), scale (200 hosts x 100"
                    + " pages, 100 ms), throughput (50 hosts x 400 realistic pages: 5 to 500 KB, 10 to 3,000"
                    + " links, navigation, scripts, entities; no latency; then wrk and wget2 on the same web, if installed), c10k (the 50,000 pages of 500 hosts at 200 ms as seeds, concurrency 10 to 10,000).",
            ""
        },
        footer = {
            "%nExamples:",
            "  crawler bench                          the seed experiment",
            "  crawler bench --preset all             every preset, one after the other",
            "  crawler bench --preset scale --modes sync,virtual,epoll --budget 30s",
            "  crawler bench --preset c10k --concurrency 1000,10000 --modes threads,epoll",
            "  crawler bench --preset throughput --modes epoll,virtual --rounds 3",
            "%nEnvironment:%n  CRAWLER_BENCH_JVM_OPTS   options for every crawler JVM, e.g.%n"
                    + "                           -XX:StartFlightRecording=filename=run-%%p.jfr",
            "%nExit codes:%n  0    every run was right (complete, or stopped by the budget)%n"
                    + "  1    a run FAILED its check or could not run%n  2    bad usage%n"
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME[,NAME...]", defaultValue = "seed",
            description = "seed, scale, throughput, c10k, all (those four), realweb (a documentation tree"
                    + " from disk, crawled and compared with wget2) or cluster (1, 2 and 3 nodes of a crawl on Kafka,"
                    + " then one killed: pages/s, failover time, URLs lost, fetched twice, politeness violations)."
                    + " Default: ${DEFAULT-VALUE}")
    String presets;

    @Option(names = "--corpus", paramLabel = "python|jdk|DIR", defaultValue = "python",
            description = "The tree the realweb preset serves and crawls: python (the Python 3.11 documentation,"
                    + " about 530 pages), jdk (the JDK 17 API documentation, about 10,000 pages), or a directory."
                    + " ./src/scripts/realweb-deps installs the named ones. Default: ${DEFAULT-VALUE}")
    String corpus;

    @Option(names = "--no-wget2", negatable = false,
            description = "Skip the wget2 comparison of the realweb and throughput presets")
    boolean noWget2;

    @Option(names = "--aot-compare", negatable = false,
            description = "realweb: run each mode twice, with the launcher's start-up cache and without it"
                    + " (CRAWLER_AOT=off), one after the other. Needs the bench to be started by src/dist/crawler")
    boolean aotCompare;

    @Option(names = "--modes", paramLabel = "MODE[,MODE...]",
            description = "Modes to run, in order: sync, threads, virtual, busy-poll, async/nio-poll (or nio-poll),"
                    + " async/nio, async/epoll, async/io_uring, or all. Default: all (c10k: threads, virtual,"
                    + " busy-poll, nio-poll, epoll; realweb: async/epoll)")
    String modes;

    @Option(names = "--concurrency", paramLabel = "N[,N...]",
            description = "Most requests in flight; several values sweep. Default: seed 20, scale 256,"
                    + " throughput 100, c10k 10,100,1000,10000, realweb 8 (also wget2's threads)")
    String concurrency;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Runs every mode N times, the order reversed every other round (round 1 as --modes gives,"
                    + " round 2 backwards, round 3 as round 1, ...), so that no mode always runs first, and compares"
                    + " the modes by the median of their runs (for an even N the mean of the two middle ones)."
                    + " Default: 2 for throughput, c10k and realweb, whose runs are compared with each other; 1 for"
                    + " seed and scale")
    Integer rounds;

    @Option(names = "--sim-warmup", paramLabel = "DURATION",
            description = "Before the first measured run, an unmeasured crawl of up to this long (the default async"
                    + " mode at the highest concurrency, in a JVM of its own) warms the simulated web's JVM, so that"
                    + " the first mode does not pay for the server's JIT warm-up; 0 skips it. Default: 30s for"
                    + " throughput, c10k and realweb (there, a crawl of the tree stopped by --max-time), 0 for seed"
                    + " and scale")
    String simWarmup;

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "60s",
            description = "Longest a run may crawl; then it is stopped and compared by pages/s. Default: ${DEFAULT-VALUE}")
    String budget;

    @Option(names = "--heap", paramLabel = "SIZE",
            description = "Heap limit (-Xmx) of each crawler JVM. Default: 1GB (c10k: 512MB)")
    String heap;

    @Option(names = "--hosts", paramLabel = "N", description = "Hosts of the simulated web, instead of the preset's")
    Integer hosts;

    @Option(names = "--pages", paramLabel = "N", description = "Pages per host, instead of the preset's")
    Integer pages;

    @Option(names = "--links", paramLabel = "N",
            description = "Random links per page (the median with a link count range), instead of the preset's")
    Integer links;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Server latency, instead of the preset's")
    Integer latencyMs;

    @Option(names = "--page-bytes", paramLabel = "N",
            description = "Page size (the median with a page size range), instead of the preset's")
    Integer pageBytes;

    @Mixin
    PageOptions pageOptions;

    @Option(names = "--per-host-connections", paramLabel = "N",
            description = "Most requests in flight to one host, instead of the preset's")
    Integer perHost;

    @Option(names = "--event-loops", paramLabel = "N",
            description = "I/O event loops of the async modes, instead of the crawler's default (one per two cores)")
    Integer eventLoops;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-out",
            description = "Where each preset's directory and files go. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--keep-pages", description = "Keep the page files of every run (removed when the bench is over otherwise)")
    boolean keepPages;

    @Option(names = "--no-wrk", negatable = false, description = "Skip the wrk comparison of the throughput preset")
    boolean noWrk;

    @Option(names = "--wrk-duration", paramLabel = "DURATION", defaultValue = "10s",
            description = "How long wrk runs. Default: ${DEFAULT-VALUE}")
    String wrkDuration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "10s",
            description = "Before its measured crawl, each crawler JVM crawls the same web unmeasured for up to"
                    + " this long (at most " + RunSpec.WARMUP_PAGES + " pages) with a crawler of its own, so that"
                    + " class loading and JIT warm-up are not timed; 0 measures cold JVMs. Default: ${DEFAULT-VALUE}")
    String warmup;

    @Option(names = "--sample-ms", paramLabel = "MS", defaultValue = "50",
            description = "How often each crawler samples its gauges. Default: ${DEFAULT-VALUE}")
    int sampleMs;

    @Option(names = "--nodes", paramLabel = "N[,N...]", defaultValue = "1,2,3",
            description = "cluster: how many nodes each crawl runs on; the largest count also runs with one node"
                    + " killed. Default: ${DEFAULT-VALUE}")
    String nodes;

    @Option(names = "--server-threads", paramLabel = "N", defaultValue = "2",
            description = "Event-loop threads of the simulated web. Default: ${DEFAULT-VALUE}")
    int serverThreads;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        List<BenchPlan> plans = plans();
        boolean allRight = true;
        try (PageTrash trash = new PageTrash(stdout)) {
            if (realWebAsked()) {
                allRight &= runRealWeb(stdout, trash);
            }
            if (presetNames().contains(ClusterBench.LABEL)) {
                allRight &= runCluster(stdout, trash);
            }
            for (BenchPlan plan : plans) {
                stdout.println("== crawler bench " + plan.preset().label() + " ==");
                Bench.Options options = new Bench.Options(out.resolve(plan.preset().label()), keepPages,
                        duration("--wrk-duration", wrkDuration), Duration.ofMillis(sampleMs),
                        duration("--warmup", warmup), serverThreads, stdout, trash);
                BenchReport report = new Bench(plan, options).run();
                new BenchOutput(report, options.dir()).writeAll(stdout);
                allRight &= report.allCounted();
            }
        }
        stdout.flush();
        return allRight ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private boolean realWebAsked() {
        return presetNames().contains(RealWebBench.LABEL);
    }

    private List<String> presetNames() {
        return Arrays.stream(presets.split(",")).map(s -> s.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }

    /** The realweb preset: a real tree from disk, the crawler against wget2. */
    private boolean runRealWeb(PrintWriter stdout, PageTrash trash) throws Exception {
        stdout.println("== crawler bench " + RealWebBench.LABEL + " ==");
        RealWebBench.Settings settings = realWebSettings(stdout, trash);
        try {
            return new RealWebBench(settings).run();
        } catch (BenchException e) {
            spec.commandLine().getErr().println("crawler bench: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return false;
        }
    }

    RealWebBench.Settings realWebSettings(PrintWriter stdout, PageTrash trash) {
        if (sampleMs < 1 || serverThreads < 1) {
            throw new ParameterException(spec.commandLine(), "--sample-ms and --server-threads must be at least 1");
        }
        List<BenchMode> runModes = modes == null ? List.of(BenchMode.ASYNC_EPOLL)
                : parse("--modes", () -> BenchMode.parseList(modes));
        List<Integer> levels = concurrency == null ? List.of(RealWebBench.DEFAULT_CONNECTIONS)
                : parse("--concurrency", () -> Arrays.stream(concurrency.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).map(Integer::parseInt).toList());
        if (levels.isEmpty() || levels.stream().anyMatch(c -> c < 1) || (perHost != null && perHost < 1)) {
            throw new ParameterException(spec.commandLine(), "--concurrency and --per-host-connections must be at least 1");
        }
        long heapBytes = heap == null ? 0 : parse("--heap", () -> SizeParser.parse(heap));
        if (aotCompare && Launcher.path().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--aot-compare needs the bench to be started by the"
                    + " launcher src/dist/crawler, whose start-up cache it compares");
        }
        int runRounds = rounds == null ? RealWebBench.DEFAULT_ROUNDS : rounds;
        if (runRounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1");
        }
        Duration warm = simWarmup == null ? RealWebBench.DEFAULT_SERVER_WARMUP
                : parse("--sim-warmup", () -> DurationParser.parse(simWarmup));
        return new RealWebBench.Settings(RealWebCorpus.parse(corpus), runModes, levels, perHost, heapBytes, !noWget2,
                aotCompare, runRounds, warm, out.resolve(RealWebBench.LABEL), serverThreads, stdout, trash, keepPages);
    }

    /** The cluster preset: 1, 2 and 3 nodes of a crawl on Kafka, then one of them killed. */
    private boolean runCluster(PrintWriter stdout, PageTrash trash) throws Exception {
        stdout.println("== crawler bench " + ClusterBench.LABEL + " ==");
        ClusterBench.Settings settings = clusterSettings(stdout, trash);
        try {
            return new ClusterBench(settings).run();
        } catch (BenchException e) {
            spec.commandLine().getErr().println("crawler bench: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return false;
        }
    }

    ClusterBench.Settings clusterSettings(PrintWriter stdout, PageTrash trash) {
        java.nio.file.Path launcher = Launcher.path().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "the cluster preset starts its broker and nodes with the launcher: run it as src/dist/crawler bench"
                        + " --preset cluster"));
        List<Integer> counts = parse("--nodes", () -> Arrays.stream(nodes.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Integer::parseInt).toList());
        if (counts.isEmpty() || counts.stream().anyMatch(c -> c < 1 || c > 8)) {
            throw new ParameterException(spec.commandLine(), "--nodes takes node counts of 1 to 8, was '" + nodes + "'");
        }
        int each = concurrency == null ? 16 : parse("--concurrency", () -> Integer.parseInt(concurrency.trim()));
        int connections = perHost == null ? 2 : perHost;
        if (each < 1 || connections < 1) {
            throw new ParameterException(spec.commandLine(), "--concurrency and --per-host-connections must be at least 1");
        }
        SimConfig web = SimConfig.defaults().withHosts(hosts == null ? 48 : hosts).withPages(pages == null ? 60 : pages)
                .withLatency(Duration.ofMillis(latencyMs == null ? 5 : latencyMs));
        return new ClusterBench.Settings(web, counts, 12, each, connections, Duration.ofMillis(20),
                out.resolve(ClusterBench.LABEL), launcher, stdout, trash, keepPages);
    }

    /** The plans the options ask for, each preset adjusted by them (realweb and cluster are not among them). */
    List<BenchPlan> plans() {
        List<String> names = presetNames();
        List<Preset> chosen = names.contains("all") ? List.of(Preset.values())
                : names.stream().filter(s -> !s.equals(RealWebBench.LABEL) && !s.equals(ClusterBench.LABEL))
                        .map(s -> parse("--preset", () -> Preset.parse(s))).distinct().toList();
        if (sampleMs < 1 || serverThreads < 1) {
            throw new ParameterException(spec.commandLine(), "--sample-ms and --server-threads must be at least 1");
        }
        List<BenchPlan> out = new ArrayList<>();
        for (Preset p : chosen) {
            out.add(parse("the bench options", () -> adjust(p.plan())));
        }
        return out;
    }

    private BenchPlan adjust(BenchPlan plan) {
        SimConfig web = plan.web();
        web = hosts == null ? web : web.withHosts(hosts);
        web = pages == null ? web : web.withPages(pages);
        web = latencyMs == null ? web : web.withLatency(Duration.ofMillis(latencyMs));
        web = pageOptions.apply(web, pageBytes, links);
        BenchPlan p = plan.withWeb(web).withBudget(duration("--budget", budget)).withWrk(plan.wrk() && !noWrk)
                .withWget2(plan.wget2() && !noWget2);
        if (eventLoops != null) {
            p = p.withCrawl(p.crawl().withEventLoops(eventLoops));
        }
        if (perHost != null) {
            p = p.withCrawl(p.crawl().withPerHostConnections(perHost));
        }
        if (modes != null) {
            p = p.withModes(BenchMode.parseList(modes));
        }
        if (concurrency != null) {
            p = p.withConcurrencies(Arrays.stream(concurrency.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Integer::parseInt).toList());
        }
        if (heap != null) {
            p = p.withHeapBytes(SizeParser.parse(heap));
        }
        if (rounds != null) {
            p = p.withRounds(rounds);
        }
        if (simWarmup != null) {
            p = p.withSimWarmup(DurationParser.parse(simWarmup));
        }
        return p;
    }

    private Duration duration(String option, String text) {
        return parse(option, () -> DurationParser.parse(text));
    }

    private <T> T parse(String what, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for " + what + ": " + e.getMessage());
        }
    }
}
