package dev.crawler.cli;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlSummary;
import dev.crawler.cli.config.ConfigAssembler;
import dev.crawler.cli.config.HostAddress;
import dev.crawler.cli.config.SettingKeys;
import dev.crawler.cli.config.Settings;
import dev.crawler.cli.demo.DemoOutput;
import dev.crawler.cli.demo.GroundTruthCheck;
import dev.crawler.cli.progress.Units;
import dev.crawler.cli.run.CrawlRunner;
import dev.crawler.cli.run.LogSetup;
import dev.crawler.cli.run.ShutdownGuard;
import dev.crawler.filter.Scope;
import dev.crawler.net.Cidr;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crawler demo}: the whole job in one command, on nothing but loopback. Starts the simulated
 * web in this process, crawls it from its seed list (allowing 127.0.0.0/8 and resolving the
 * simulated host names), prints the summary, then checks the result against the ground truth.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {
            "Starts the simulated web on loopback, crawls it in async mode with a live progress line,"
                    + " writes the pages under --out, prints a summary, and checks that exactly the"
                    + " ground truth was fetched: every allowed page once, nothing robots.txt or"
                    + " nofollow forbids.",
            ""
        },
        footer = ExitCodes.FOOTER)
final class DemoCommand implements Callable<Integer> {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "Output directory. An earlier demo's output there is replaced. Default: ${DEFAULT-VALUE}")
    String out;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "async",
            description = "I/O model: async, sync, threads, virtual, busy-poll. Default: ${DEFAULT-VALUE}")
    String mode;

    @Option(names = "--transport", paramLabel = "NAME",
            description = "Netty transport for async: epoll, io_uring, nio, nio-poll. Default: epoll on Linux, nio elsewhere")
    String transport;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "64",
            description = "Platform threads for --mode threads. Default: ${DEFAULT-VALUE}")
    String threads;

    @Option(names = "--per-host-connections", paramLabel = "N", defaultValue = "2",
            description = "Most requests in flight to one host. Default: ${DEFAULT-VALUE}")
    String perHostConnections;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "10ms",
            description = "Least time between two request starts to one host. Default: ${DEFAULT-VALUE}")
    String delay;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "256",
            description = "Most requests in flight over all hosts. Default: ${DEFAULT-VALUE}")
    String concurrency;

    @Mixin
    SimOptions sim;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Settings given = CommandLineSettings.all(spec);
        Path outDir = given.get(SettingKeys.OUT).orElseThrow();
        if (DemoOutput.prepare(outDir)) {
            stdout.println("replaced the output of an earlier demo in " + outDir);
        }
        Path logFile = LogSetup.logTo(outDir, progress.logFormat());
        SimConfig simConfig = SimCommand.simConfig(sim, 0, spec);
        LongAdder served = new LongAdder();
        try (SimServer server = SimServer.start(simConfig, r -> served.increment());
                ShutdownGuard guard = ShutdownGuard.install(spec.commandLine().getErr(), STOP_GRACE)) {
            SimWeb web = server.web();
            stdout.println(SimCommand.describe(simConfig, server));
            // the simulated web is on loopback: proxy variables in the environment are not for it
            CrawlConfig crawl = ConfigAssembler.toConfig(forSim(given, web), web.seedUrls(), java.util.Map.of());
            CrawlRunner.Result result = new CrawlRunner(stdout, progress.mode, guard, progress.reports()).run(crawl, logFile);
            stdout.println("  served         " + Units.count(served.sum()) + " requests by the simulated web"
                    + " (robots.txt included)");
            return verify(result, web, stdout);
        }
    }

    /** The demo's settings plus what the simulated web needs: its names resolved, loopback allowed, any scope. */
    static Settings forSim(Settings given, SimWeb web) {
        List<HostAddress> pins = web.resolveMap().entrySet().stream()
                .map(e -> HostAddress.parse(e.getKey() + "=" + e.getValue()))
                .toList();
        return given
                .with(SettingKeys.SCOPE, Scope.ANY)
                .withList(SettingKeys.RESOLVE, pins)
                .withList(SettingKeys.ALLOW_NET, List.of(Cidr.parse("127.0.0.0/8")));
    }

    private static int verify(CrawlRunner.Result result, SimWeb web, PrintWriter stdout) {
        if (result.summary().reason() == CrawlSummary.StopReason.STOPPED) {
            stdout.println("verification skipped: the crawl was stopped before the end");
            stdout.flush();
            return ExitCodes.INTERRUPTED;
        }
        GroundTruthCheck check = GroundTruthCheck.of(web.groundTruth(web.seedUrls()), result.index());
        stdout.println();
        stdout.println(check.headline());
        check.examples(5).forEach(line -> stdout.println("  " + line));
        stdout.flush();
        return check.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
