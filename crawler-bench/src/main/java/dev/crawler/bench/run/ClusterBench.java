package dev.crawler.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.Crawler;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code cluster} preset of {@code crawler bench}: one crawl of the simulated web by 1, 2 and
 * 3 nodes of the cluster mode ({@code crawler crawl --cluster}, each node a process started by the
 * launcher) on one Kafka broker ({@code crawler broker}, a process too), then the largest count
 * again with one node killed (SIGKILL) a third of the way through and started again once the
 * others are done. The simulated web runs in this JVM and logs every request, which is what the
 * figures come from: pages per second over the whole run, URLs of the ground truth missing from
 * every node's index (lost: must be 0), URLs requested more than once (fetched twice), requests to
 * a host closer together than the delay or more at once than the per-host connections (politeness
 * violations: must be 0), and, for the failover run, the time from the kill to the first request to
 * a host the killed node had been fetching (its partitions taken over).
 *
 * <p>All nodes share one machine here, so more nodes add no CPU: the rates show the mode's cost,
 * not a scale-out, which needs machines of their own.
 */
final class ClusterBench {

    static final String LABEL = "cluster";
    /** A run still going after this long is killed and fails. */
    static final Duration RUN_LIMIT = Duration.ofMinutes(10);
    /** How much the server's own log can shorten a gap between two requests on a busy machine. */
    static final Duration LOG_SLACK = Duration.ofMillis(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How to run it.
     *
     * @param nodeCounts how many nodes each crawl runs on, in order; the largest also runs the failover
     * @param concurrency each node's {@code --concurrency}
     */
    record Settings(SimConfig web, List<Integer> nodeCounts, int partitions, int concurrency, int perHost, Duration delay,
            Path dir, Path launcher, PrintWriter out, PageTrash trash, boolean keepPages) {
    }

    /**
     * One run.
     *
     * @param failoverSeconds from the kill to the first request to a host of the killed node; -1 without a kill
     */
    record Row(int nodes, String run, String result, long pages, double wallSeconds, double pagesPerSecond,
            double failoverSeconds, int lost, int fetchedTwice, int politenessViolations, String command) {
    }

    private final Settings settings;

    ClusterBench(Settings settings) {
        this.settings = settings;
    }

    /** Runs every run and writes the report; true if every run was right. */
    boolean run() throws IOException, InterruptedException {
        Bench.prepare(settings.dir(), settings.trash());
        MachineInfo machine = MachineInfo.current();
        PrintWriter out = settings.out();
        List<Row> rows = new ArrayList<>();
        try (BrokerProcess broker = BrokerProcess.start(settings.launcher(), settings.dir().resolve("kafka"))) {
            out.println("broker: " + broker.bootstrap() + " (crawler broker, process " + broker.pid() + ")");
            out.flush();
            for (int n : settings.nodeCounts()) {
                rows.add(crawl(broker, n, false));
            }
            int most = settings.nodeCounts().stream().max(Integer::compare).orElse(1);
            if (most >= 2) {
                rows.add(crawl(broker, most, true));
            }
        }
        report(machine, rows);
        return rows.stream().allMatch(r -> r.result().equals("ok"));
    }

    /** One crawl of a fresh simulated web by {@code nodes} nodes; with {@code kill}, node n1 dies a third of the way. */
    private Row crawl(BrokerProcess broker, int nodes, boolean kill) throws IOException, InterruptedException {
        PrintWriter out = settings.out();
        String name = nodes + (nodes == 1 ? " node" : " nodes") + (kill ? ", one killed" : "");
        String crawlId = "bench-" + nodes + (kill ? "-failover" : "") + "-" + System.currentTimeMillis();
        Path runDir = settings.dir().resolve("runs").resolve(nodes + (kill ? "-failover" : ""));
        Files.createDirectories(runDir);
        out.print(name + " ... ");
        out.flush();
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(settings.web(), requests)) {
            SimWeb web = sim.web();
            GroundTruth truth = web.groundTruth(web.seedUrls());
            Map<String, Process> running = new LinkedHashMap<>();
            long started = System.nanoTime();
            for (int i = 1; i <= nodes; i++) {
                running.put("n" + i, startNode(broker, web, crawlId, "n" + i, runDir, ""));
            }
            long killedAt = -1;
            Set<String> victimHosts = Set.of();
            if (kill) {
                long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
                while (requests.records().size() < truth.mustFetch().size() / 3 && System.nanoTime() < deadline
                        && running.values().stream().anyMatch(Process::isAlive)) {
                    sleep(20);
                }
                running.get("n1").destroyForcibly();
                waitFor(running.get("n1"));
                killedAt = System.nanoTime();
                victimHosts = hostsIndexed(runDir.resolve("n1"));
            }
            boolean allEnded = true;
            for (var e : running.entrySet()) {
                if (!(kill && e.getKey().equals("n1"))) {
                    allEnded &= waitFor(e.getValue()) && e.getValue().exitValue() == 0;
                }
            }
            double wall = (System.nanoTime() - started) / 1e9;
            if (kill) {
                // started again on its own output, the killed node writes what it had sent and not indexed
                Process again = startNode(broker, web, crawlId, "n1", runDir, "-again");
                allEnded &= waitFor(again) && again.exitValue() == 0;
            }
            List<RequestRecord> records = requests.records();
            Set<String> indexed = new HashSet<>();
            long pages = 0;
            for (int i = 1; i <= nodes; i++) {
                for (JsonNode line : index(runDir.resolve("n" + i))) {
                    if (line.hasNonNull("status")) {
                        indexed.add(line.get("url").asText());
                        pages++;
                    }
                }
            }
            if (!settings.keepPages()) {
                for (int i = 1; i <= nodes; i++) {
                    RunFiles.pageTrees(runDir.resolve("n" + i)).forEach(settings.trash()::add);
                }
            }
            int lost = (int) truth.mustFetch().stream().filter(u -> !indexed.contains(u)).count();
            Map<String, Integer> times = new HashMap<>();
            for (RequestRecord r : records) {
                if (!r.path().equals("/robots.txt")) {
                    times.merge(web.url(r.host(), r.path()), 1, Integer::sum);
                }
            }
            int twice = (int) times.values().stream().filter(t -> t > 1).count();
            int violations = violations(records);
            double failover = kill ? failoverSeconds(records, victimHosts, killedAt) : -1;
            String result = !allEnded ? "FAILED (a node did not end by itself with exit 0; see " + runDir + ")"
                    : lost > 0 || violations > 0 ? "FAILED" : "ok";
            Row row = new Row(nodes, kill ? "failover" : "crawl", result, pages, wall, pages / wall, failover, lost, twice,
                    violations, "crawler crawl --cluster " + broker.bootstrap() + " --crawl-id " + crawlId + " ...");
            out.printf(Locale.ROOT, "%s: %d pages in %.1f s (%.0f pages/s)%s, lost %d, fetched twice %d, politeness violations %d%n",
                    result, pages, wall, pages / wall, kill ? String.format(Locale.ROOT, ", failover %.1f s", failover) : "",
                    lost, twice, violations);
            out.flush();
            return row;
        }
    }

    private Process startNode(BrokerProcess broker, SimWeb web, String crawlId, String node, Path runDir, String run)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(settings.launcher().toString(), "crawl", "--cluster", broker.bootstrap(),
                "--crawl-id", crawlId, "--node-id", node, "--partitions", String.valueOf(settings.partitions()),
                "--out", runDir.resolve(node).toString(), "--allow-net", "127.0.0.0/8", "--scope", "any",
                "--concurrency", String.valueOf(settings.concurrency()),
                "--per-host-connections", String.valueOf(settings.perHost()),
                "--delay", settings.delay().toMillis() + "ms", "--response-timeout", "5s", "--progress", "log"));
        web.resolveMap().forEach((host, ip) -> {
            cmd.add("--resolve");
            cmd.add(host + "=" + ip);
        });
        cmd.addAll(web.seedUrls());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(runDir.resolve(node + run + ".out").toFile())
                .start();
    }

    /** Requests to a host closer together than the delay (less the log's slack), or more at once than allowed. */
    int violations(List<RequestRecord> records) {
        Map<String, List<RequestRecord>> byHost = new HashMap<>();
        records.forEach(r -> byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r));
        long least = Math.max(0, settings.delay().minus(LOG_SLACK).toNanos());
        int violations = 0;
        for (List<RequestRecord> rs : byHost.values()) {
            List<RequestRecord> sorted = rs.stream().sorted(Comparator.comparingLong(RequestRecord::arrivalNanos)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).arrivalNanos() - sorted.get(i - 1).arrivalNanos() < least) {
                    violations++;
                }
            }
            for (RequestRecord r : sorted) {
                long atOnce = sorted.stream().filter(o -> o.arrivalNanos() <= r.arrivalNanos() && o.endNanos() > r.arrivalNanos())
                        .count();
                if (atOnce > settings.perHost()) {
                    violations++;
                }
            }
        }
        return violations;
    }

    /** From {@code killedAt} to the first request after it to one of {@code hosts}; -1 if none came. */
    static double failoverSeconds(List<RequestRecord> records, Set<String> hosts, long killedAt) {
        return records.stream().filter(r -> r.arrivalNanos() > killedAt && hosts.contains(r.host()))
                .mapToLong(RequestRecord::arrivalNanos).min().stream().mapToDouble(t -> (t - killedAt) / 1e9)
                .findFirst().orElse(-1);
    }

    private static Set<String> hostsIndexed(Path out) throws IOException {
        Set<String> hosts = new HashSet<>();
        for (JsonNode line : index(out)) {
            hosts.add(java.net.URI.create(line.get("url").asText()).getHost());
        }
        return hosts;
    }

    private static List<JsonNode> index(Path out) throws IOException {
        Path file = out.resolve(Crawler.INDEX_FILE);
        List<JsonNode> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    private static boolean waitFor(Process p) {
        try {
            if (p.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    private void report(MachineInfo machine, List<Row> rows) throws IOException {
        List<String> headers = List.of("nodes", "run", "result", "pages", "wall s", "pages/s", "failover s", "lost",
                "fetched twice", "politeness violations");
        List<Boolean> left = List.of(false, true, true, false, false, false, false, false, false, false);
        List<List<String>> cells = new ArrayList<>();
        cells.add(headers);
        rows.forEach(r -> cells.add(cells(r)));
        PrintWriter out = settings.out();
        out.println();
        ResultTable.align(cells, left).forEach(out::println);
        String web = settings.web().hosts() + " hosts x " + settings.web().pagesPerHost() + " pages, delay "
                + settings.delay().toMillis() + " ms, " + settings.perHost() + " connections a host, concurrency "
                + settings.concurrency() + " a node, " + settings.partitions() + " partitions";
        out.println("(" + machine.cores() + " cores, " + machine.date() + "; " + web + "; every node on this machine)");
        List<String> md = new ArrayList<>();
        md.add("# crawler bench " + LABEL);
        md.add("");
        md.add("Web: " + web + ". Machine: " + machine.cores() + " cores, " + machine.cpu() + ", " + machine.os() + ", Java "
                + machine.java() + ", " + machine.date() + ". Every node and the broker on this machine.");
        md.add("");
        md.addAll(ResultTable.markdown(headers, left, rows.stream().map(r -> cells(r)).toList()));
        BenchJson.writeReport(settings.dir(), LABEL, md, machine, "web", web, rows, out);
    }

    private static List<String> cells(Row r) {
        return List.of(String.valueOf(r.nodes()), r.run(), r.result(), String.valueOf(r.pages()), ResultTable.num(r.wallSeconds()),
                String.format(Locale.ROOT, "%.0f", r.pagesPerSecond()), r.failoverSeconds() < 0 ? "-" : ResultTable.num(r.failoverSeconds()),
                String.valueOf(r.lost()), String.valueOf(r.fetchedTwice()), String.valueOf(r.politenessViolations()));
    }

    /** {@code crawler broker} in a process of its own, on a free port, until closed. */
    static final class BrokerProcess implements AutoCloseable {

        private final Process process;
        private final String bootstrap;

        private BrokerProcess(Process process, String bootstrap) {
            this.process = process;
            this.bootstrap = bootstrap;
        }

        static BrokerProcess start(Path launcher, Path dir) throws IOException {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(launcher.toString(), "broker", "--dir", dir.resolve("data").toString(), "--port", "0")
                    .redirectError(dir.resolve("broker.err").toFile()).start();
            CompletableFuture<String> bootstrap = new CompletableFuture<>();
            // one thread reads the broker's output to its end (so the broker never blocks on a full
            // pipe), and hands over the address it prints once it serves
            Thread.ofPlatform().daemon().name("broker-output").start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (line.startsWith("bootstrap: ")) {
                            bootstrap.complete(line.substring("bootstrap: ".length()).trim());
                        }
                    }
                } catch (IOException e) {
                    // ended
                }
                bootstrap.complete(null);
            });
            try {
                String address = bootstrap.get(3, TimeUnit.MINUTES);
                if (address == null) {
                    throw new BenchException("crawler broker ended before it served; see " + dir.resolve("broker.err"));
                }
                return new BrokerProcess(p, address);
            } catch (Exception e) {
                p.destroyForcibly();
                throw e instanceof BenchException b ? b
                        : new BenchException("crawler broker did not start: " + e.getMessage() + "; see " + dir.resolve("broker.err"), e);
            }
        }

        String bootstrap() {
            return bootstrap;
        }

        long pid() {
            return process.pid();
        }

        /** Stops the broker as Ctrl-C would, then kills it if it is still there. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
