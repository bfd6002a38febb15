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
     * @param dir the directory of this bench
     */
    record Settings(RealWebCorpus corpus, List<BenchMode> modes, List<Integer> concurrencies, Integer perHost, long heapBytes, boolean wget2,
            boolean aotCompare, Path dir, int serverThreads, PrintWriter out, PageTrash trash, boolean keepPages) {
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
     */
    record Row(String crawler, int concurrency, String result, long pages, long requests, double wallSeconds,
            double userSeconds, double sysSeconds, long peakRssBytes, long peakHeapBytes, long firstRequestMillis, String measuredBy,
            String corpus, String command) {

        double cpuMillisPerPage() {
            return pages == 0 ? 0 : (userSeconds + sysSeconds) * 1000 / pages;
        }
    }

    private final Settings settings;

    RealWebBench(Settings settings) {
        this.settings = settings;
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
            for (int connections : settings.concurrencies()) {
                for (BenchMode mode : settings.modes()) {
                    for (boolean aot : settings.aotCompare() ? List.of(true, false) : List.of(true)) {
                        String name = mode.fileName() + (settings.aotCompare() ? aot ? "-aot" : "-no-aot" : "");
                        Path runDir = runDir(name, connections);
                        CrawlerStart start = crawlerStart(mode, connections, seed, runDir.resolve("crawl"), aot);
                        rows.add(measure(server, corpus, mode.label() + (settings.aotCompare() ? aot ? " aot" : " no-aot" : ""),
                                connections, start.command(), start.env(), runDir));
                    }
                }
                if (wget2.isPresent()) {
                    Path runDir = runDir("wget2", connections);
                    rows.add(measure(server, corpus, "wget2", connections,
                            Wget2.siteCommand(wget2.get(), connections, seed, runDir.resolve("pages")), Map.of(), runDir));
                }
            }
        }
        report(machine, corpus, rows);
        return rows.stream().allMatch(r -> r.result().equals("ok"));
    }

    private Path runDir(String name, int connections) {
        return settings.dir().resolve("runs").resolve(name + (settings.concurrencies().size() > 1 ? "-c" + connections : ""));
    }

    private Row measure(SimProcess server, Corpus corpus, String name, int connections, List<String> command,
            Map<String, String> env, Path runDir) throws IOException {
        PrintWriter out = settings.out();
        out.printf("%s at %d connections on %s ... ", name, connections, corpus.label());
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
        Row row = new Row(name, connections, result, pages, run.served(), usage.wallSeconds(), usage.userSeconds(),
                usage.sysSeconds(), usage.peakRssBytes(), peakHeap, run.firstRequestMillis(), usage.how(), corpus.label(),
                String.join(" ", command));
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
    CrawlerStart crawlerStart(BenchMode mode, int connections, String seed, Path outDir, boolean aot) {
        Optional<Path> launcher = Launcher.path();
        if (launcher.isEmpty()) {
            return new CrawlerStart(crawlerCommand(mode, connections, seed, outDir), Map.of());
        }
        List<String> cmd = new ArrayList<>(List.of(launcher.get().toString()));
        cmd.addAll(crawlerArgs(mode, connections, seed, outDir));
        return new CrawlerStart(cmd, Launcher.env(System.getenv("JAVA_OPTS"), settings.heapBytes(),
                CrawlerJvm.extraJvmOptions(), aot));
    }

    /** {@code crawler crawl} in a fresh JVM: the one host, no delay, robots.txt ignored (as wget2's --no-robots). */
    List<String> crawlerCommand(BenchMode mode, int connections, String seed, Path outDir) {
        return JavaCommand.of(settings.heapBytes(), List.of(), Main.class.getName(),
                crawlerArgs(mode, connections, seed, outDir), CrawlerJvm.extraJvmOptions());
    }

    private List<String> crawlerArgs(BenchMode mode, int connections, String seed, Path outDir) {
        List<String> args = new ArrayList<>(List.of("crawl", "--out", outDir.toString(), "--allow-net", "127.0.0.0/8",
                "--mode", mode.fetchMode().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        if (mode.async()) {
            args.addAll(List.of("--transport", mode.transport().label()));
        }
        args.addAll(List.of("--threads", String.valueOf(connections), "--concurrency", String.valueOf(connections),
                "--per-host-connections", String.valueOf(settings.perHost() == null ? connections : settings.perHost()), "--delay", "0ms", "--no-robots",
                "--progress", "none", seed));
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
        List<String> headers = List.of("crawler", "conn", "result", "pages", "requests", "wall s", "user s", "sys s",
                "CPU ms/page", "peak RSS MB", "peak heap MB", "first request ms", "corpus");
        List<Boolean> left = List.of(true, false, true, false, false, false, false, false, false, false, false, false, true);
        List<List<String>> cells = new ArrayList<>();
        cells.add(headers);
        rows.forEach(r -> cells.add(cells(r)));
        PrintWriter out = settings.out();
        out.println();
        ResultTable.align(cells, left).forEach(out::println);
        out.println("(" + machine.cores() + " cores, " + machine.date() + "; CPU and RSS by "
                + (rows.isEmpty() ? "-" : rows.getFirst().measuredBy()) + "; wall time and first request from the"
                + " process's start, JVM start-up included)");
        List<String> md = new ArrayList<>();
        md.add("# crawler bench " + LABEL);
        md.add("");
        md.add("Corpus: " + corpus.label() + ", " + corpus.files() + " files, " + corpus.bytes() + " bytes. Machine: "
                + machine.cores() + " cores, " + machine.cpu() + ", " + machine.os() + ", Java " + machine.java()
                + ", " + machine.date() + ".");
        md.add("");
        md.addAll(ResultTable.markdown(headers, left, rows.stream().map(r -> cells(r)).toList()));
        md.add("");
        md.add("Commands:");
        md.add("");
        rows.forEach(r -> md.add("- `" + r.command() + "`"));
        BenchJson.writeReport(settings.dir(), LABEL, md, machine, "corpus", corpus, rows, out);
    }

    private static List<String> cells(Row r) {
        return List.of(r.crawler(), String.valueOf(r.concurrency()), r.result(), String.valueOf(r.pages()),
                String.valueOf(r.requests()), ResultTable.num(r.wallSeconds()), ResultTable.num(r.userSeconds()),
                ResultTable.num(r.sysSeconds()), ResultTable.num(r.cpuMillisPerPage()), ResultTable.mb(r.peakRssBytes()),
                ResultTable.mb(r.peakHeapBytes()), r.firstRequestMillis() < 0 ? "-" : String.valueOf(r.firstRequestMillis()), r.corpus());
    }
}
