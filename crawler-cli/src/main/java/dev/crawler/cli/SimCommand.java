package dev.crawler.cli;

import dev.crawler.cli.config.DurationParser;
import dev.crawler.cli.config.SizeParser;
import dev.crawler.cli.run.ShutdownGuard;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.HostNaming;
import dev.crawler.sim.LongTail;
import dev.crawler.sim.PageProfile;
import dev.crawler.sim.RateLimit;
import dev.crawler.sim.RequestFileSink;
import dev.crawler.sim.RequestSink;
import dev.crawler.sim.SimAccess;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimLogin;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import dev.crawler.sim.StaticServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crawler sim}: serves the simulated web by hand, prints how to crawl it, and runs until
 * Ctrl-C (or {@code --exit-after}).
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {
            "Serves the simulated web on loopback (site-N.sim on 127.0.1.N, one port), prints its seed"
                    + " URLs and the crawl options that reach it, and runs until Ctrl-C. With --static DIR it serves"
                    + " the files under DIR instead, as static.sim on 127.0.1.1.",
            ""
        },
        footer = ExitCodes.FOOTER)
final class SimCommand implements Callable<Integer> {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Mixin
    SimOptions sim;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "TCP port every host listens on; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--static", paramLabel = "DIR",
            description = "Serve the files under DIR (a documentation tree, say) as http://static.sim:PORT/ on"
                    + " 127.0.1.1: GET and HEAD, keep-alive, /dir/ serves dir/index.html (a directory without one"
                    + " is 404, never listed), /dir redirects to /dir/, nothing outside DIR is served (.. and symbolic"
                    + " links out of it are refused). The web's shape options do not apply. Default: the simulated web")
    Path staticDir;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Write every request (arrival and end time, connection, host, path, status, bytes)"
                    + " to FILE, tab-separated. Default: not written")
    Path log;

    @Option(names = "--write-seeds", paramLabel = "FILE",
            description = "Write the seed URLs to FILE, for crawl --seeds FILE. Default: not written")
    Path writeSeeds;

    @Option(names = "--ground-truth", paramLabel = "FILE",
            description = "Write the ground truth to FILE: 'fetch <status> <url>' for every URL a correct crawl"
                    + " fetches, 'never - <url>' for those it must not. Default: not written")
    Path groundTruth;

    @Option(names = "--sessions",
            description = "Every host sets a session cookie of its own (sim-session, host-only) on a request that"
                    + " carries none, and counts the requests with it, without it and with another host's; the counts"
                    + " are printed when the web stops. Default: off")
    boolean sessions;

    @Option(names = "--login", paramLabel = "HOST=USER:PASS",
            description = "Repeatable. HOST answers 401 (WWW-Authenticate: Basic realm=\"sim\") to every request"
                    + " without this Basic login, and exactly its pages with it; the other hosts count every login they"
                    + " get. The crawl command printed passes it with --auth. Default: none")
    List<String> logins = new ArrayList<>();

    @Option(names = "--rate-limit", paramLabel = "HOST:AFTER:COUNT",
            description = "HOST answers its requests AFTER+1 to AFTER+COUNT (robots.txt not counted) with 429 Too Many"
                    + " Requests and no Retry-After, as a server that is briefly overwhelmed; the others as usual."
                    + " Default: none")
    String rateLimit;

    @Option(names = "--exit-after", paramLabel = "DURATION",
            description = "Stop after this long instead of waiting for Ctrl-C. Default: run until Ctrl-C")
    String exitAfter;

    @Override
    public Integer call() throws Exception {
        Duration lifetime = exitAfter == null ? null : parseDuration(exitAfter);
        if ((sessions || !logins.isEmpty() || rateLimit != null) && (staticDir != null || HostileSims.names(sim.preset))) {
            throw new ParameterException(spec.commandLine(), "--sessions, --login and --rate-limit apply to the generated"
                    + " web only, not to --static or --preset " + sim.preset);
        }
        if (staticDir != null) {
            return serveStatic(lifetime);
        }
        if (HostileSims.names(sim.preset)) {
            return serveHostile(lifetime);
        }
        SimConfig config = withAccess(simConfig(sim, port, spec));
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        try (ShutdownGuard guard = ShutdownGuard.install(spec.commandLine().getErr(), STOP_GRACE, "stopping the simulated web");
                RequestFileSink fileSink = log == null ? null : RequestFileSink.open(log)) {
            guard.onStop(stop::countDown);
            RequestSink sink = fileSink == null ? RequestSink.discard() : fileSink;
            try (SimServer server = SimServer.start(config, sink, rateLimit())) {
                SimWeb web = server.web();
                out.println(describe(config, server));
                writeFiles(web, out);
                printHowToCrawl(web, out);
                out.println(lifetime == null ? "serving until Ctrl-C" : "serving for " + DurationParser.format(lifetime));
                out.flush();
                boolean signalled = lifetime == null ? awaitForever(stop) : stop.await(lifetime.toMillis(), TimeUnit.MILLISECONDS);
                if (!config.access().isOpen()) {
                    out.println(server.sessions().summary());
                    out.flush();
                }
                return signalled ? ExitCodes.INTERRUPTED : ExitCodes.OK;
            }
        }
    }

    /** {@code --rate-limit HOST:AFTER:COUNT}, or none; a usage error saying the form when it is malformed. */
    private RateLimit rateLimit() {
        if (rateLimit == null) {
            return RateLimit.none();
        }
        String[] parts = rateLimit.split(":");
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException("expected HOST:AFTER:COUNT, such as site-1.sim:20:4");
            }
            return RateLimit.of(parts[0], Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[2].strip()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--rate-limit': '" + rateLimit
                    + "': " + (e instanceof NumberFormatException ? "AFTER and COUNT are whole numbers" : e.getMessage()));
        }
    }

    /** The config with {@code --sessions} and the {@code --login}s, or a usage error naming the bad one. */
    private SimConfig withAccess(SimConfig config) {
        SimAccess access = sessions ? SimAccess.open().withSessions() : SimAccess.open();
        try {
            for (String login : logins) {
                access = access.withLogin(SimLogin.parse(login));
            }
            SimConfig c = config.withAccess(access);
            new SimWeb(c, 1); // a login for a host the web lacks is refused here, before anything is bound
            return c;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--login': " + e.getMessage());
        }
    }

    /** {@code --preset hostile} or {@code chaos}: a web that misbehaves, with the outcome each URL should get. */
    private int serveHostile(Duration lifetime) throws Exception {
        if (log != null) {
            throw new ParameterException(spec.commandLine(), "--log is not available with --preset " + sim.preset
                    + "; the crawl's own index.jsonl records every URL's outcome");
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        HostileSims.Served web;
        try {
            web = HostileSims.start(sim, port);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid simulated web: " + e.getMessage());
        }
        try (ShutdownGuard guard = ShutdownGuard.install(spec.commandLine().getErr(), STOP_GRACE, "stopping the simulated web");
                web) {
            guard.onStop(stop::countDown);
            out.println(web.description());
            String options = HostileSims.crawlOptions(web.resolve());
            if (writeSeeds != null) {
                List<String> lines = new ArrayList<>();
                lines.add("# seeds of the " + sim.preset + " web (crawler sim); crawl with:");
                lines.add("#   crawler crawl " + options + " --seeds " + writeSeeds);
                lines.addAll(web.seeds());
                Files.write(writeSeeds, lines, StandardCharsets.UTF_8);
                out.println("seed URLs written to " + writeSeeds);
            }
            if (groundTruth != null) {
                List<String> lines = new ArrayList<>();
                lines.add("# kind, behaviour, the outcome a correct crawl records (a regular expression over"
                        + " 'status N' or the error code), URL");
                lines.addAll(HostileSims.expectations(web.cases()));
                Files.write(groundTruth, lines, StandardCharsets.UTF_8);
                out.println("expected outcomes of " + web.cases().size() + " URLs written to " + groundTruth);
            }
            out.println("crawl it from another terminal with:");
            out.println("  crawler crawl " + options + " "
                    + (writeSeeds != null ? "--seeds " + writeSeeds : String.join(" ", web.seeds())));
            out.println(lifetime == null ? "serving until Ctrl-C" : "serving for " + DurationParser.format(lifetime));
            out.flush();
            boolean signalled = lifetime == null ? awaitForever(stop) : stop.await(lifetime.toMillis(), TimeUnit.MILLISECONDS);
            return signalled ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }

    /** {@code --static DIR}: the files of a directory as one site. */
    private int serveStatic(Duration lifetime) throws Exception {
        if (!"default".equals(sim.preset) || sim.hosts != null || sim.pages != null || sim.links != null
                || sim.latencyMs != null || sim.jitterMs != null || sim.pageBytes != null || sim.seed != null
                || sim.pageOptions.any() || groundTruth != null) {
            throw new ParameterException(spec.commandLine(), "--preset, --hosts, --pages, --links, --latency-ms,"
                    + " --jitter-ms, --page-bytes, --seed, the page options (--page-profile ...) and --ground-truth"
                    + " do not apply to --static: the files are the web");
        }
        if (!Files.isDirectory(staticDir)) {
            throw new ParameterException(spec.commandLine(), "--static " + staticDir + ": no such directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        try (ShutdownGuard guard = ShutdownGuard.install(spec.commandLine().getErr(), STOP_GRACE, "stopping the static site");
                RequestFileSink fileSink = log == null ? null : RequestFileSink.open(log)) {
            guard.onStop(stop::countDown);
            RequestSink sink = fileSink == null ? RequestSink.discard() : fileSink;
            try (StaticServer server = StaticServer.start(staticDir, sink, StaticServer.ADDRESS, port,
                    SimServer.DEFAULT_IO_THREADS)) {
                out.println("static site: " + server.root() + " as " + StaticServer.HOST + " on " + server.address()
                        + " port " + server.port() + " (" + server.transport() + ")");
                String options = staticCrawlOptions(server.resolveMap());
                if (writeSeeds != null) {
                    Files.write(writeSeeds, List.of("# seed of the static site (crawler sim --static); crawl with:",
                            "#   crawler crawl " + options + " --seeds " + writeSeeds, server.seedUrl()),
                            StandardCharsets.UTF_8);
                    out.println("seed URL written to " + writeSeeds);
                }
                out.println("seed URL:");
                out.println("  " + server.seedUrl());
                out.println("crawl it from another terminal with:");
                out.println("  crawler crawl " + options + " "
                        + (writeSeeds != null ? "--seeds " + writeSeeds : server.seedUrl()));
                out.println(lifetime == null ? "serving until Ctrl-C" : "serving for " + DurationParser.format(lifetime));
                out.flush();
                boolean signalled = lifetime == null ? awaitForever(stop) : stop.await(lifetime.toMillis(), TimeUnit.MILLISECONDS);
                return signalled ? ExitCodes.INTERRUPTED : ExitCodes.OK;
            }
        }
    }

    /** The options a crawl of the static site needs: loopback allowed, its name resolved, a short delay. */
    static String staticCrawlOptions(Map<String, String> resolve) {
        StringBuilder sb = new StringBuilder("--allow-net 127.0.0.0/8 --delay 10ms");
        resolve.forEach((host, ip) -> sb.append(" --resolve ").append(host).append('=').append(ip));
        return sb.toString();
    }

    private Duration parseDuration(String text) {
        try {
            return DurationParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--exit-after': " + e.getMessage());
        }
    }

    /** The simulator's configuration, or a usage error naming the bad value. */
    static SimConfig simConfig(SimOptions sim, int port, CommandSpec spec) {
        try {
            return sim.toConfig(port);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid simulated web: " + e.getMessage());
        }
    }

    /** One line that says what is being served where. */
    static String describe(SimConfig c, SimServer server) {
        Map<String, String> addresses = server.web().resolveMap();
        List<String> ips = new ArrayList<>(addresses.values());
        return "simulated web: " + c.hosts() + " hosts x " + c.pagesPerHost() + " pages, " + pagesText(c)
                + ", latency " + c.latency().toMillis() + " ms"
                + (c.jitter().isZero() ? "" : " + up to " + c.jitter().toMillis() + " ms")
                + ", on " + ips.getFirst() + (ips.size() > 1 ? ".." + ips.getLast() : "") + " port " + server.port()
                + " (" + server.transport() + ")" + accessText(c.access());
    }

    /** {@code , sessions, a login on site-2.sim}, or nothing for an open web. */
    static String accessText(SimAccess access) {
        StringBuilder sb = new StringBuilder(access.sessions() ? ", sessions" : "");
        if (!access.logins().isEmpty()) {
            sb.append(access.logins().size() == 1 ? ", a login on " : ", logins on ")
                    .append(String.join(", ", access.logins().stream().map(SimLogin::host).toList()));
        }
        return sb.toString();
    }

    /** The pages in a few words: {@code 8 links per page} for plain pages, the profile's medians and ranges otherwise. */
    static String pagesText(SimConfig c) {
        PageProfile p = c.pageProfile();
        if (p.plain()) {
            return c.linksPerPage() + " links per page";
        }
        return p.label() + " pages: " + spread(SizeParser.format(c.pageBytes()), p.bytes(), true) + " bytes, "
                + spread(String.valueOf(c.linksPerPage()), p.links(), false) + " own links, " + p.navLinks()
                + " navigation links" + (p.scripts() ? ", scripts" : "") + (p.entities() ? ", entities" : "");
    }

    private static String spread(String median, LongTail tail, boolean sizes) {
        if (tail.fixed()) {
            return median;
        }
        String min = sizes ? SizeParser.format(tail.min()) : String.valueOf(tail.min());
        String max = sizes ? SizeParser.format(tail.max()) : String.valueOf(tail.max());
        return median + " median (" + min + "-" + max + ")";
    }

    private void writeFiles(SimWeb web, PrintWriter out) throws IOException {
        if (writeSeeds != null) {
            List<String> lines = new ArrayList<>();
            lines.add("# seeds of the simulated web (crawler sim); crawl with:");
            lines.add("#   crawler crawl " + crawlOptions(web) + " --seeds " + writeSeeds);
            lines.addAll(web.seedUrls());
            Files.write(writeSeeds, lines, StandardCharsets.UTF_8);
            out.println("seed URLs written to " + writeSeeds);
        }
        if (groundTruth != null) {
            GroundTruth truth = web.groundTruth(web.seedUrls());
            try (Writer w = Files.newBufferedWriter(groundTruth, StandardCharsets.UTF_8)) {
                truth.writeTo(w);
            }
            out.println("ground truth written to " + groundTruth + ": " + truth.mustFetch().size()
                    + " URLs to fetch, " + truth.mustNotFetch().size() + " never to fetch");
        }
    }

    private void printHowToCrawl(SimWeb web, PrintWriter out) {
        out.println("seed URLs:");
        web.seedUrls().forEach(u -> out.println("  " + u));
        out.println("crawl it from another terminal with:");
        String seedsPart = writeSeeds != null ? "--seeds " + writeSeeds : String.join(" ", web.seedUrls());
        out.println("  crawler crawl " + crawlOptions(web) + " " + seedsPart);
    }

    /**
     * The options a crawl of {@code web} needs: loopback allowed, names resolved (unless the hosts are
     * named by their addresses), scope any, a short delay.
     */
    static String crawlOptions(SimWeb web) {
        StringBuilder sb = new StringBuilder("--allow-net 127.0.0.0/8 --scope any --delay 10ms");
        if (web.config().hostNaming() == HostNaming.NAMES) {
            web.resolveMap().forEach((host, ip) -> sb.append(" --resolve ").append(host).append('=').append(ip));
        }
        web.config().access().logins().forEach(login -> sb.append(" --auth ").append(login.text()));
        return sb.toString();
    }

    private static boolean awaitForever(CountDownLatch stop) throws InterruptedException {
        stop.await();
        return true;
    }
}
