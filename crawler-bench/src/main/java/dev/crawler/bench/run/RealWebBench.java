package dev.crawler.bench.run;

import dev.crawler.Crawler;
import dev.crawler.cli.Main;
import dev.crawler.cli.run.CrawlRunner;
import dev.crawler.cli.run.LogSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code realweb} preset of {@code crawler bench}: real pages at a real tool's cost. It serves
 * a documentation tree from disk ({@link dev.crawler.sim.StaticMain} in a process of its own),
 * crawls it with each mode asked for, each a fresh {@code crawler crawl} process, then, if wget2 is
 * installed, with {@code wget2 --recursive} at the same concurrency against the same server, one
 * run after the other. Every run is measured from outside by {@link MeasuredProcess} the same
 * way (wall time including start-up, user and system CPU, peak RSS), and the server says when the
 * run's first request arrived. Pages are the crawler's index lines and the files wget2 wrote.
 * There is no ground truth: a run is right when it exits normally (wget2 also with 8, some
 * answers were errors).
 */
final class RealWebBench {

    static final int DEFAULT_CONNECTIONS = 8;
    /** Rounds by default: every run twice, the second round in the reverse order. */
    static final int DEFAULT_ROUNDS = 2;
    /** The longest the unmeasured crawl that warms the server may take, by default. */
    static final Duration DEFAULT_SERVER_WARMUP = Duration.ofSeconds(30);
    /** A run still going after this long is killed. */
    static final Duration RUN_LIMIT = Duration.ofMinutes(10);
    static final String LABEL = "realweb";
    private static final Pattern PEAK_HEAP = Pattern.compile(
            Pattern.quote(CrawlRunner.MEMORY_LOG_FORMAT.substring(0, CrawlRunner.MEMORY_LOG_FORMAT.indexOf("{}"))) + "([0-9]+)");

    /**
     * How to run it.
     *
     * @param corpus the tree served
     * @param modes the crawler's modes, in order
     * @param concurrencies connections to the one host (crawler concurrency and wget2 threads
     *     alike); several values sweep
     * @param perHost the crawler's connections to the host; null: the concurrency
     * @param heapBytes {@code -Xmx} of the crawler; 0 leaves the JVM's default, as the launcher does
     * @param wget2 whether to run wget2 when it is installed
     * @param aotCompare whether each mode runs twice, with the launcher's start-up cache and without
     * @param rounds how many times every run is repeated, the order reversed every other round
     * @param serverWarmup longest unmeasured crawl that warms the server's JVM first; zero: none
     * @param dir the directory of this bench
     */
    record Settings(RealWebCorpus corpus, List<BenchMode> modes, List<Integer> concurrencies, Integer perHost, long heapBytes, boolean wget2,
            boolean aotCompare, int rounds, Duration serverWarmup, Path dir, int serverThreads, PrintWriter out, PageTrash trash,
            boolean keepPages) {
    }

    /**
     * The tree served: how it is named, its HTML pages, files and bytes.
     *
     * @param name {@link RealWebCorpus#label()}
     */
    record Corpus(String name, long pages, long files, long bytes) {

        static Corpus of(RealWebCorpus corpus) {
            Path dir = corpus.dir();
            if (!Files.isDirectory(dir)) {
                throw new BenchException("the realweb corpus " + dir + " is missing: run ./src/scripts/realweb-deps"
                        + " (as root; it installs python3.11-doc, openjdk-17-doc and wget2) for --corpus python"
                        + " or jdk, or give an existing DIR");
            }
            long[] counts = new long[3];
            // the real path: Debian's openjdk-17-doc/api is a symbolic link, which Files.walk would not enter
            try (Stream<Path> files = Files.walk(dir.toRealPath())) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    counts[0] += name.endsWith(".html") || name.endsWith(".htm") ? 1 : 0;
                    counts[1]++;
                    counts[2] += size(f);
                });
            } catch (IOException | UncheckedIOException e) {
                throw new BenchException("cannot read the corpus " + dir + ": " + e.getMessage(), e);
            }
            return new Corpus(corpus.label(), counts[0], counts[1], counts[2]);
        }

        private static long size(Path f) {
            try {
                return Files.size(f);
            } catch (IOException e) {
                return 0;
            }
        }

        /** {@code python /usr/share/doc/python3.11/html (530 pages)}: named on every line of the report. */
        String label() {
            return name + " (" + pages + " pages)";
        }
    }

    /**
     * One run.
     *
     * @param crawler {@code async/epoll}, {@code wget2}, ...
     * @param result {@code ok}, {@code FAILED (exit N)} or {@code TIMEOUT}
     * @param pages index lines (crawler) or files written (wget2)
     * @param requests requests the server answered during the run
     * @param peakHeapBytes the crawler's peak Java heap as its log says, -1 if unknown (wget2)
     * @param firstRequestMillis from the process's start to the server's first request, -1 if none
     * @param serverCpuSeconds CPU time the server spent meanwhile
     */
    record Row(int round, String crawler, int concurrency, String result, long pages, long requests, double wallSeconds,
            double userSeconds, double sysSeconds, double serverCpuSeconds, long peakRssBytes, long peakHeapBytes,
            long firstRequestMillis, String measuredBy, String corpus, String command) {

        double cpuMillisPerPage() {
            return pages == 0 ? 0 : (userSeconds + sysSeconds) * 1000 / pages;
        }
    }

    private final Settings settings;

    RealWebBench(Settings settings) {
        this.settings = settings;
    }

    /**
     * One run of a round: a crawler mode (with or without the start-up cache) or wget2 ({@code mode}
     * null), at {@code connections}.
     */
    private record Planned(String name, String fileName, BenchMode mode, boolean aot, int connections) {

        boolean wget2() {
            return mode == null;
        }
    }

    /** Runs every run and writes the report; true if every run was right. */
    boolean run() throws IOException {
        Corpus corpus = Corpus.of(settings.corpus());
        Bench.prepare(settings.dir(), settings.trash());
        MachineInfo machine = MachineInfo.current();
        PrintWriter out = settings.out();
        List<Row> rows = new ArrayList<>();
        try (SimProcess server = SimProcess.startStatic(settings.corpus().dir(), settings.serverThreads(), settings.dir())) {
            String seed = "http://127.0.1.1:" + server.port() + "/";
            out.printf("corpus: %s, %d files, %.1f MB; served in process %d (%s) at %s%n", corpus.label(),
                    corpus.files(), corpus.bytes() / 1e6, server.pid(), server.transport(), seed);
            Optional<Path> wget2 = settings.wget2() ? Wget2.find() : Optional.empty();
            if (settings.wget2() && wget2.isEmpty()) {
                out.println("wget2: " + Wget2.NOT_INSTALLED);
            }
            out.flush();
            List<Planned> plan = plan(wget2.isPresent());
            if (settings.serverWarmup().isPositive()) {
                warmServer(server, seed);
            }
            for (int round = 1; round <= settings.rounds(); round++) {
                List<Planned> order = round % 2 == 1 ? plan : plan.reversed();
                for (Planned p : order) {
                    Path runDir = runDir(p.fileName(), p.connections(), round);
                    List<String> command;
                    Map<String, String> env;
                    if (p.wget2()) {
                        command = Wget2.siteCommand(wget2.orElseThrow(), p.connections(), seed, runDir.resolve("pages"));
                        env = Map.of();
                    } else {
                        CrawlerStart start = crawlerStart(p.mode(), p.connections(), seed, runDir.resolve("crawl"), p.aot(), List.of());
                        command = start.command();
                        env = start.env();
                    }
                    rows.add(measure(server, corpus, round, p.name(), p.connections(), command, env, runDir));
                }
            }
        }
        report(machine, corpus, rows);
        return rows.stream().allMatch(r -> r.result().equals("ok"));
    }

    /** One round's runs: at each concurrency, each mode (twice with --aot-compare), then wget2 if installed. */
    private List<Planned> plan(boolean wget2) {
        List<Planned> plan = new ArrayList<>();
        for (int connections : settings.concurrencies()) {
            for (BenchMode mode : settings.modes()) {
                for (boolean aot : settings.aotCompare() ? List.of(true, false) : List.of(true)) {
                    String suffix = settings.aotCompare() ? aot ? "aot" : "no-aot" : "";
                    plan.add(new Planned(suffix.isEmpty() ? mode.label() : mode.label() + " " + suffix,
                            suffix.isEmpty() ? mode.fileName() : mode.fileName() + "-" + suffix, mode, aot, connections));
                }
            }
            if (wget2) {
                plan.add(new Planned("wget2", "wget2", null, false, connections));
            }
        }
        return plan;
    }

    /**
     * An unmeasured crawl of the tree by the first mode at the highest concurrency, stopped after
     * {@link Settings#serverWarmup()} ({@code --max-time}), so that the first measured run does not
     * pay for the server's JIT warm-up while the runs after it find the server compiled. By hand,
     * the JDK tree's crawl against a fresh server took 11.3 s, and 8.0 to 10.9 s against one that
     * had served a crawl before. Its page files are removed with the others'.
     */
    private void warmServer(SimProcess server, String seed) throws IOException {
        PrintWriter out = settings.out();
        BenchMode mode = settings.modes().getFirst();
        int connections = settings.concurrencies().stream().mapToInt(Integer::intValue).max().orElseThrow();
        long seconds = Math.max(1, settings.serverWarmup().toSeconds());
        out.printf("warming the server: %s at %d connections for up to %d s, unmeasured ... ", mode.label(), connections, seconds);
        out.flush();
        Path runDir = settings.dir().resolve("runs").resolve(Bench.SIM_WARMUP_DIR);
        Files.createDirectories(runDir);
        Path crawl = runDir.resolve("crawl");
        CrawlerStart start = crawlerStart(mode, connections, seed, crawl, true, List.of("--max-time", seconds + "s"));
        ExternalRun run = ExternalRun.of(server, start.command(), start.env(), runDir.resolve("console.out"), RUN_LIMIT);
        out.printf(Locale.ROOT, "%d requests in %.1f s%n", run.served(), run.usage().wallSeconds());
        out.flush();
        if (!settings.keepPages() && Files.isDirectory(crawl)) {
            RunFiles.pageTrees(crawl).forEach(settings.trash()::add);
        }
    }

    private Path runDir(String name, int connections, int round) {
        return settings.dir().resolve("runs").resolve(name + (settings.concurrencies().size() > 1 ? "-c" + connections : "")
                + (settings.rounds() > 1 ? "-r" + round : ""));
    }

    private Row measure(SimProcess server, Corpus corpus, int round, String name, int connections, List<String> command,
            Map<String, String> env, Path runDir) throws IOException {
        PrintWriter out = settings.out();
        out.printf("%s%s at %d connections on %s ... ", settings.rounds() > 1 ? "round " + round + ": " : "", name,
                connections, corpus.label());
        out.flush();
        Files.createDirectories(runDir);
        ExternalRun run = ExternalRun.of(server, command, env, runDir.resolve("console.out"), RUN_LIMIT);
        MeasuredProcess.Usage usage = run.usage();
        boolean wget = name.equals("wget2");
        Path pagesDir = runDir.resolve(wget ? "pages" : "crawl");
        long pages = wget ? RunFiles.countFiles(pagesDir) : indexLines(pagesDir.resolve(Crawler.INDEX_FILE));
        long peakHeap = wget ? -1 : peakHeapBytes(pagesDir.resolve(LogSetup.LOG_FILE));
        if (!settings.keepPages()) {
            if (wget) {
                settings.trash().add(pagesDir);
            } else if (Files.isDirectory(pagesDir)) {
                RunFiles.pageTrees(pagesDir).forEach(settings.trash()::add);
            }
        }
        String result = usage.timedOut() ? "TIMEOUT"
                : usage.exitCode() == 0 || (wget && Wget2.succeeded(usage.exitCode())) ? "ok"
                : "FAILED (exit " + usage.exitCode() + ")";
        Row row = new Row(round, name, connections, result, pages, run.served(), usage.wallSeconds(), usage.userSeconds(),
                usage.sysSeconds(), run.serverCpuSeconds(), usage.peakRssBytes(), peakHeap, run.firstRequestMillis(),
                usage.how(), corpus.label(), String.join(" ", command));
        out.printf(Locale.ROOT, "%s: %d pages in %.2f s, %.2f CPU s (%.2f ms/page), peak RSS %s MB%s%n", result, pages,
                row.wallSeconds(), usage.cpuSeconds(), row.cpuMillisPerPage(), ResultTable.mb(row.peakRssBytes()),
                peakHeap < 0 ? "" : ", peak heap " + ResultTable.mb(peakHeap) + " MB");
        out.flush();
        return row;
    }

    /** A crawler process: its command line and what it adds to the environment. */
    record CrawlerStart(List<String> command, Map<String, String> env) {
    }

    /**
     * The crawler as users run it, through the launcher (its default JVM options, and its start-up
     * cache unless {@code aot} is false), when the bench was started by one; else {@code java} as
     * {@link #crawlerCommand} says.
     */
    CrawlerStart crawlerStart(BenchMode mode, int connections, String seed, Path outDir, boolean aot, List<String> extra) {
        Optional<Path> launcher = Launcher.path();
        if (launcher.isEmpty()) {
            return new CrawlerStart(crawlerCommand(mode, connections, seed, outDir, extra), Map.of());
        }
        List<String> cmd = new ArrayList<>(List.of(launcher.get().toString()));
        cmd.addAll(crawlerArgs(mode, connections, seed, outDir, extra));
        return new CrawlerStart(cmd, Launcher.env(System.getenv("JAVA_OPTS"), settings.heapBytes(),
                CrawlerJvm.extraJvmOptions(), aot));
    }

    /**
     * {@code crawler crawl} in a fresh JVM: the one host at {@code connections} (as wget2's threads),
     * no delay, robots.txt ignored (as wget2's --no-robots), everything else at its default.
     */
    List<String> crawlerCommand(BenchMode mode, int connections, String seed, Path outDir, List<String> extra) {
        return JavaCommand.of(settings.heapBytes(), List.of(), Main.class.getName(),
                crawlerArgs(mode, connections, seed, outDir, extra), CrawlerJvm.extraJvmOptions());
    }

    /** {@code extra}: more options, before the seed. */
    private List<String> crawlerArgs(BenchMode mode, int connections, String seed, Path outDir, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("crawl", "--out", outDir.toString(), "--allow-net", "127.0.0.0/8",
                "--mode", mode.fetchMode().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        if (mode.async()) {
            args.addAll(List.of("--transport", mode.transport().label()));
        }
        // connections to the host as wget2's threads; --concurrency (requests in flight overall, pages
        // being processed included) stays at its default, as a user crawling one site would leave it
        args.addAll(List.of("--threads", String.valueOf(connections),
                "--per-host-connections", String.valueOf(settings.perHost() == null ? connections : settings.perHost()), "--delay", "0ms", "--no-robots",
                "--progress", "none"));
        args.addAll(extra);
        args.add(seed);
        return args;
    }

    /** The peak heap the crawl's summary logged ({@link CrawlRunner#MEMORY_LOG_FORMAT}), -1 if it logged none. */
    static long peakHeapBytes(Path log) throws IOException {
        if (!Files.exists(log)) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(PEAK_HEAP::matcher).filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1)))
                    .reduce((a, b) -> b).orElse(-1);
        }
    }

    static long indexLines(Path index) throws IOException {
        if (!Files.exists(index)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(index, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    private void report(MachineInfo machine, Corpus corpus, List<Row> rows) throws IOException {
        List<String> headers = List.of("round", "crawler", "conn", "result", "pages", "requests", "wall s", "user s", "sys s",
                "CPU ms/page", "server CPU s", "peak RSS MB", "peak heap MB", "first request ms", "corpus");
        List<Boolean> left = List.of(false, true, false, true, false, false, false, false, false, false, false, false, false,
                false, true);
        List<List<String>> cells = new ArrayList<>();
        cells.add(headers);
        rows.forEach(r -> cells.add(cells(r)));
        PrintWriter out = settings.out();
        out.println();
        ResultTable.align(cells, left).forEach(out::println);
        out.println("(" + machine.cores() + " cores, " + machine.date() + "; CPU and RSS by "
                + (rows.isEmpty() ? "-" : rows.getFirst().measuredBy()) + "; wall time and first request from the"
                + " process's start, JVM start-up included)");
        List<String> against = againstWget2(rows);
        against.forEach(out::println);
        List<String> md = new ArrayList<>();
        md.add("# crawler bench " + LABEL);
        md.add("");
        md.add("Corpus: " + corpus.label() + ", " + corpus.files() + " files, " + corpus.bytes() + " bytes. Machine: "
                + machine.cores() + " cores, " + machine.cpu() + ", " + machine.os() + ", Java " + machine.java()
                + ", " + machine.date() + ".");
        md.add("");
        md.addAll(ResultTable.markdown(headers, left, rows.stream().map(r -> cells(r)).toList()));
        md.add("");
        against.forEach(l -> md.add("- " + l));
        md.add("");
        md.add("Commands:");
        md.add("");
        rows.stream().map(r -> "- `" + r.command() + "`").distinct().forEach(md::add);
        BenchJson.writeReport(settings.dir(), LABEL, md, machine, "corpus", corpus, rows, out);
    }

    /**
     * Each crawler against wget2 at the same connections: the median wall times over the rounds
     * (runs that were not ok left out), their ratio, and the ratio within each round, where both
     * ran; empty without wget2's runs.
     */
    static List<String> againstWget2(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        Map<String, List<Row>> byRun = new LinkedHashMap<>();
        rows.stream().filter(r -> r.result().equals("ok"))
                .forEach(r -> byRun.computeIfAbsent(r.crawler() + "@" + r.concurrency(), k -> new ArrayList<>()).add(r));
        for (List<Row> runs : byRun.values()) {
            Row first = runs.getFirst();
            List<Row> wget2 = byRun.get("wget2@" + first.concurrency());
            if (first.crawler().equals("wget2") || wget2 == null) {
                continue;
            }
            double mine = ModeSummary.median(runs.stream().mapToDouble(Row::wallSeconds).toArray());
            double theirs = ModeSummary.median(wget2.stream().mapToDouble(Row::wallSeconds).toArray());
            List<String> perRound = new ArrayList<>();
            for (Row r : runs) {
                wget2.stream().filter(w -> w.round() == r.round()).findFirst().ifPresent(w -> perRound.add(
                        String.format(Locale.ROOT, "%.2f×", r.wallSeconds() / w.wallSeconds())));
            }
            lines.add(String.format(Locale.ROOT, "%s against wget2 at %d connections: wall %.2f s against %.2f s"
                    + " (median of %d and %d runs), %.2f×; by round %s", first.crawler(), first.concurrency(), mine, theirs,
                    runs.size(), wget2.size(), mine / theirs, String.join(", ", perRound)));
        }
        return lines;
    }

    private static List<String> cells(Row r) {
        return List.of(String.valueOf(r.round()), r.crawler(), String.valueOf(r.concurrency()), r.result(),
                String.valueOf(r.pages()), String.valueOf(r.requests()), ResultTable.num(r.wallSeconds()),
                ResultTable.num(r.userSeconds()), ResultTable.num(r.sysSeconds()), ResultTable.num(r.cpuMillisPerPage()),
                ResultTable.num(r.serverCpuSeconds()), ResultTable.mb(r.peakRssBytes()),
                ResultTable.mb(r.peakHeapBytes()), r.firstRequestMillis() < 0 ? "-" : String.valueOf(r.firstRequestMillis()), r.corpus());
    }
}
