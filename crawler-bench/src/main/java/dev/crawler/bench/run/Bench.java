package dev.crawler.bench.run;

import dev.crawler.Crawler;
import dev.crawler.cli.output.IndexFile;
import dev.crawler.cli.output.IndexLine;
import dev.crawler.sim.SimWeb;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs one {@link BenchPlan}: starts the simulated web in its own process, works out the ground
 * truth, then crawls the web once per mode and concurrency level in each round (the order
 * reversed every other round, {@link BenchPlan#schedule()}), each run in a fresh crawler JVM, one
 * after the other; judges every run against the ground truth; measures wrk against the
 * same server and crawls the same web with wget2 if asked; stops the server; and returns the report. The directory of the bench holds
 * a folder per run (spec, result, index, log; the page files are removed after the check unless
 * kept) and the server's log.
 */
public final class Bench {

    /** Extra time a crawler JVM gets past its budget to start, drain and write its index. */
    private static final Duration GRACE = Duration.ofMinutes(3);
    /**
     * Page files are kept to the end of the bench (see {@link PageTrash}) unless the disk has less
     * than this left before a run (a `throughput` run writes about 2 GB, warm-up included).
     */
    private static final long MIN_FREE_BYTES = 8L << 30;
    static final String MARKER = ".crawler-bench";
    /** The directory of the crawl that warms the simulated web, under {@code runs/}. */
    static final String SIM_WARMUP_DIR = "sim-warmup";

    /**
     * How to run a plan.
     *
     * @param dir the directory of this bench (one per preset)
     * @param keepPages whether the page files of each run are kept
     * @param wrkDuration how long wrk runs
     * @param sampleEvery how often a crawler samples its gauges
     * @param warmup longest unmeasured warm-up crawl in each crawler JVM (zero: none, cold JVMs)
     * @param serverThreads event-loop threads of the simulated web
     * @param out where progress lines go
     */
    public record Options(Path dir, boolean keepPages, Duration wrkDuration, Duration sampleEvery,
            Duration warmup, int serverThreads, PrintWriter out, PageTrash trash) {
    }

    private final BenchPlan plan;
    private final Options options;

    public Bench(BenchPlan plan, Options options) {
        this.plan = plan;
        this.options = options;
    }

    public BenchReport run() throws IOException {
        prepare(options.dir(), options.trash());
        MachineInfo machine = MachineInfo.current();
        PrintWriter out = options.out();
        try (SimProcess sim = SimProcess.start(plan.web(), options.serverThreads(), options.dir())) {
            SimWeb web = new SimWeb(plan.web().withPort(sim.port()), sim.port());
            long t0 = System.nanoTime();
            BenchWeb bench = BenchWeb.of(web, plan.crawl());
            out.printf("simulated web: %d hosts x %d pages, %d ms latency, in process %d (%s, port %d);"
                    + " ground truth: %d URLs (%.1f s to compute)%n", plan.web().hosts(), plan.web().pagesPerHost(),
                    plan.web().latency().toMillis(), sim.pid(), sim.transport(), sim.port(),
                    bench.truth().mustFetch().size(), (System.nanoTime() - t0) / 1e9);
            out.flush();
            Optional<SimWarmup> warm = plan.simWarmup().isPositive() ? Optional.of(warmSim(sim, bench)) : Optional.empty();
            List<RunResult> runs = runAll(sim, bench);
            Optional<WrkResult> wrk = plan.wrk() ? Optional.of(wrk(sim, bench)) : Optional.empty();
            List<Wget2Result> wget2 = plan.wget2() ? wget2(sim, bench) : List.of();
            return new BenchReport(plan, machine, sim.transport(), bench.truth().mustFetch().size(), runs, wrk, wget2,
                    Targets.check(plan, runs, wrk.orElse(null), wget2), warm);
        }
    }

    /** Every run of the plan's {@linkplain BenchPlan#schedule() schedule}, one after the other. */
    private List<RunResult> runAll(SimProcess sim, BenchWeb web) {
        List<PlannedRun> schedule = plan.schedule();
        if (plan.rounds() > 1) {
            options.out().printf("%d rounds, the order reversed every other round (%s); each mode is compared by"
                    + " its median%n", plan.rounds(), roundOrders(schedule));
        }
        List<RunResult> runs = new ArrayList<>();
        for (PlannedRun planned : schedule) {
            options.out().printf("[%d/%d%s] %s%s ... ", runs.size() + 1, schedule.size(),
                    plan.rounds() > 1 ? " round " + planned.round() : "", planned.mode().label(),
                    plan.sweep() ? " at concurrency " + planned.concurrency() : "");
            options.out().flush();
            RunResult r = runOne(sim, web, planned);
            runs.add(r);
            options.out().println(progressLine(r));
            options.out().flush();
        }
        return runs;
    }

    /** The first two rounds' orders, such as {@code async/epoll, virtual | virtual, async/epoll}, for a progress line. */
    private String roundOrders(List<PlannedRun> schedule) {
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= Math.min(2, plan.rounds()); round++) {
            int n = round;
            rounds.add(String.join(", ", schedule.stream().filter(p -> p.round() == n)
                    .map(p -> p.mode().label() + (plan.sweep() ? " @" + p.concurrency() : "")).toList()));
        }
        return String.join(" | ", rounds) + (plan.rounds() > 2 ? " | ..." : "");
    }

    /**
     * Warms the simulated web's JVM before the first measured run: a crawl of the same web for at
     * most {@link BenchPlan#simWarmup()}, in a crawler JVM of its own ({@link BenchPlan#simWarmupRun()}),
     * neither checked nor reported; its page files join the others'. Without it, the first run
     * of a bench was the slowest (the server spent half as much CPU again per page as in later
     * runs, its JIT still compiling) whichever mode it was. A failure here is said and the bench
     * goes on.
     */
    private SimWarmup warmSim(SimProcess sim, BenchWeb web) {
        PlannedRun warm = plan.simWarmupRun();
        Path runDir = options.dir().resolve("runs").resolve(SIM_WARMUP_DIR);
        options.out().printf("warming the simulated web: %s at concurrency %d for up to %d s, unmeasured ... ",
                warm.mode().label(), warm.concurrency(), plan.simWarmup().toSeconds());
        options.out().flush();
        RunSpec spec = RunSpec.of(warm.mode(), warm.concurrency(), plan.crawl(), web.seeds(), web.resolve(), runDir,
                plan.simWarmup(), options.sampleEvery(), Duration.ZERO);
        double cpu0 = sim.cpuSeconds();
        try (CrawlerJvm jvm = CrawlerJvm.start(spec, runDir, plan.heapBytes())) {
            jvm.awaitWarm(GRACE);
            jvm.go();
            RunMeasurement m = jvm.await(plan.simWarmup().plus(GRACE));
            double simCpu = sim.cpuSeconds() - cpu0;
            options.out().println(String.format(Locale.ROOT, "%d pages in %.1f s, server CPU %.1f s", m.pages(),
                    m.wallSeconds(), simCpu));
            return new SimWarmup(warm.mode(), warm.concurrency(), plan.simWarmup().toSeconds(), m.pages(),
                    m.wallSeconds(), simCpu, null);
        } catch (BenchException e) {
            options.out().println("failed, going on without: " + e.getMessage());
            return new SimWarmup(warm.mode(), warm.concurrency(), plan.simWarmup().toSeconds(), 0, 0,
                    sim.cpuSeconds() - cpu0, e.getMessage());
        } finally {
            options.out().flush();
            if (!options.keepPages() && Files.isDirectory(runDir)) {
                try {
                    RunFiles.pageTrees(runDir).forEach(options.trash()::add);
                } catch (IOException e) {
                    options.out().println("warning: cannot list " + runDir + ": " + e.getMessage());
                }
            }
        }
    }

    /** The directory of a run: {@code runs/<mode>}, with {@code -c<concurrency>} in a sweep and {@code -r<round>} in rounds. */
    static String runDirName(BenchPlan plan, PlannedRun run) {
        return run.mode().fileName() + (plan.sweep() ? "-c" + run.concurrency() : "")
                + (plan.rounds() > 1 ? "-r" + run.round() : "");
    }

    private RunResult runOne(SimProcess sim, BenchWeb web, PlannedRun planned) {
        BenchMode mode = planned.mode();
        int concurrency = planned.concurrency();
        int round = planned.round();
        options.trash().removeNowIfSpaceBelow(options.dir(), MIN_FREE_BYTES);
        Path runDir = options.dir().resolve("runs").resolve(runDirName(plan, planned));
        RunSpec spec = RunSpec.of(mode, concurrency, plan.crawl(), web.seeds(), web.resolve(), runDir, plan.budget(),
                options.sampleEvery(), options.warmup());
        RunMeasurement m;
        SimStats before;
        double cpu0;
        try (CrawlerJvm jvm = CrawlerJvm.start(spec, runDir, plan.heapBytes())) {
            jvm.awaitWarm(options.warmup().plus(GRACE));
            before = sim.stats(); // also restarts the server's peak of open connections
            cpu0 = sim.cpuSeconds();
            jvm.go();
            m = jvm.await(plan.budget().plus(GRACE));
        } catch (BenchException e) {
            return RunResult.crashed(mode, concurrency, round, e.getMessage());
        }
        SimStats after = sim.stats();
        double simCpu = sim.cpuSeconds() - cpu0;
        long served0 = before.served();
        try {
            Path index = runDir.resolve(Crawler.INDEX_FILE);
            List<IndexLine> lines = IndexFile.read(index);
            RunVerdict verdict = RunVerdict.of(web.truth(), lines, "STOPPED".equals(m.stopReason()));
            Latencies latency = Latencies.of(index);
            if (!options.keepPages()) {
                RunFiles.pageTrees(runDir).forEach(options.trash()::add);
            }
            return new RunResult(mode, concurrency, verdict, m, latency, simCpu, after.served() - served0,
                    after.peakOpen(), round);
        } catch (IOException e) {
            return RunResult.crashed(mode, concurrency, round, "cannot read the run's index: " + e.getMessage());
        }
    }

    private static String progressLine(RunResult r) {
        if (!r.counts()) {
            return r.verdict().status().label() + ": " + r.verdict().detail();
        }
        return String.format(Locale.ROOT, "%s: %d pages in %.2f s, %s pages/s, %.2f CPU s",
                r.verdict().status().label(), r.m().pages(), r.m().wallSeconds(), ResultTable.num(r.pagesPerSecond()),
                r.m().cpuSeconds());
    }

    private WrkResult wrk(SimProcess sim, BenchWeb web) {
        Optional<Path> wrk = WrkProbe.find();
        if (wrk.isEmpty()) {
            String why = "wrk is not installed (Debian package wrk), so the comparison was skipped";
            options.out().println("wrk: " + why);
            return WrkResult.skipped(why);
        }
        int connections = Math.min(plan.web().hosts() * plan.crawl().perHostConnections(), plan.concurrencies().get(0));
        int threads = Runtime.getRuntime().availableProcessors();
        options.out().printf("wrk: %d connections, %d threads, %d s against the same web ... ", connections, threads,
                options.wrkDuration().toSeconds());
        options.out().flush();
        WrkResult r = WrkProbe.run(wrk.get(), sim, web.web(), List.copyOf(web.truth().mustFetch()), connections,
                threads, options.wrkDuration(), options.dir().resolve("wrk"));
        options.out().println(r.ran() ? ResultTable.num(r.requestsPerSecond()) + " requests/s" : r.note());
        return r;
    }

    /** wget2 over the same web, once per concurrency level, its pages removed like the crawler's. */
    private List<Wget2Result> wget2(SimProcess sim, BenchWeb web) throws IOException {
        Optional<Path> wget2 = Wget2.find();
        if (wget2.isEmpty()) {
            options.out().println("wget2: " + Wget2.NOT_INSTALLED);
            return List.of(Wget2Result.skipped(Wget2.NOT_INSTALLED));
        }
        List<Wget2Result> results = new ArrayList<>();
        for (int threads : plan.concurrencies()) {
            options.trash().removeNowIfSpaceBelow(options.dir(), MIN_FREE_BYTES);
            Path runDir = options.dir().resolve("runs").resolve("wget2" + (plan.sweep() ? "-c" + threads : ""));
            options.out().printf("wget2 at %d threads over the same web ... ", threads);
            options.out().flush();
            Wget2Result r = Wget2Run.run(wget2.get(), sim, web, plan.crawl(), threads, plan.budget(), runDir);
            if (!options.keepPages()) {
                options.trash().add(runDir.resolve(Wget2Run.PAGES));
            }
            options.out().println(String.format(Locale.ROOT, "%s: %d requests served (%d files) in %.2f s, %s pages/s,"
                    + " %.2f CPU s", r.status(), r.requests(), r.files(), r.wallSeconds(), ResultTable.num(r.pagesPerSecond()),
                    r.cpuSeconds()));
            options.out().flush();
            results.add(r);
        }
        return results;
    }

    /**
     * Makes the bench directory ready: an earlier bench's directory is moved aside (and removed at
     * the end, with any an interrupted bench left), anything else is refused.
     */
    static void prepare(Path dir, PageTrash trash) throws IOException {
        if (Files.isDirectory(dir)) {
            boolean ours = Files.exists(dir.resolve(MARKER));
            try (var entries = Files.list(dir)) {
                if (!ours && entries.findAny().isPresent()) {
                    throw new BenchException(dir + " is not empty and was not written by crawler bench;"
                            + " choose another --out");
                }
            }
            if (ours) {
                trash.moveAside(dir);
            }
        } else if (Files.isDirectory(dir.toAbsolutePath().getParent())) {
            trash.moveAside(dir); // nothing to move: only what an interrupted bench left beside it
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "written by 'crawler bench'; a new bench run replaces this directory\n");
    }
}
