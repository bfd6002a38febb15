package dev.crawler.cli;

import static dev.crawler.cli.config.SettingKeys.SEEDS;
import static dev.crawler.cli.config.SettingKeys.SEEDS_FILE;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlSummary;
import dev.crawler.cli.config.ConfigAssembler;
import dev.crawler.cli.config.ConfigFile;
import dev.crawler.cli.config.Settings;
import dev.crawler.cli.run.CrawlRunner;
import dev.crawler.cli.run.LogSetup;
import dev.crawler.cli.run.ShutdownGuard;
import dev.crawler.cli.seeds.SeedSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crawler crawl}: crawls from seed URLs with polite defaults. The options that are crawl
 * settings are kept as text here and parsed by {@link dev.crawler.cli.config.SettingKeys}, the same
 * parsers as the config file's; settings given here override the file's.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = false,
        versionProvider = VersionProvider.class,
        description = {
            "Crawls the web from seed URLs: robots.txt honored, an identifying User-Agent, at most"
                    + " 2 connections and 1 request start per second per host, pages written under --out"
                    + " as a mirror tree with an index.jsonl.",
            ""
        },
        footer = {
            "%nSettings come from the defaults, then --config FILE, then the options given here.",
            "Durations: 250ms, 2s, 1.5s, 1m, 1h, 1m30s (a plain number means seconds).",
            "Sizes: 512 (bytes), 64KB, 10MB, 1GB (KB = 1024 bytes).",
            "Every setting is documented in config/crawler.yaml.",
            ExitCodes.FOOTER
        })
final class CrawlCommand implements Callable<Integer> {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEED", arity = "0..*",
            description = "URLs to start from (http or https). Seeds given here or with --seeds replace the"
                    + " config file's.")
    List<String> seeds = List.of();

    @Option(names = "--seeds", paramLabel = "FILE",
            description = "File of seed URLs, one per line; blank lines and # comments are skipped,"
                    + " unusable lines are reported with their line number and skipped. - reads standard input."
                    + " Default: none")
    String seedsFile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file of settings (keys as in config/crawler.yaml). Options given here override it."
                    + " Default: none")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "crawl-out",
            description = "Output directory: pages, index.jsonl, crawler.log. Must not hold an earlier crawl."
                    + " Default: ${DEFAULT-VALUE}")
    String out;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "host",
            description = "Which links are followed: host (the seeds' hosts), domain (their registered domains),"
                    + " any. Default: ${DEFAULT-VALUE}")
    String scope;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "unlimited",
            description = "Most link hops from a seed (0 = the seeds only); -1 or unlimited for no limit."
                    + " Default: ${DEFAULT-VALUE}")
    String maxDepth;

    @Option(names = "--max-pages", paramLabel = "N", defaultValue = "unlimited",
            description = "Stop after this many pages; -1 or unlimited for no limit. Default: ${DEFAULT-VALUE}")
    String maxPages;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Follow only URLs matching this regular expression (repeatable: any may match)."
                    + " Default: all URLs")
    List<String> include;

    @Option(names = "--exclude", paramLabel = "REGEX",
            description = "Never follow URLs matching this regular expression (repeatable). Default: none")
    List<String> exclude;

    @Option(names = "--per-host-connections", paramLabel = "N", defaultValue = "2",
            description = "Most requests in flight to one host. Default: ${DEFAULT-VALUE}")
    String perHostConnections;

    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "1s",
            description = "Least time between two request starts to one host (raised to a robots.txt"
                    + " Crawl-delay). Default: ${DEFAULT-VALUE}")
    String delay;

    @Option(names = "--max-crawl-delay", paramLabel = "DURATION", defaultValue = "30s",
            description = "Largest robots.txt Crawl-delay obeyed; a longer one is cut to this. Default: ${DEFAULT-VALUE}")
    String maxCrawlDelay;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "256",
            description = "Most requests in flight over all hosts. Default: ${DEFAULT-VALUE}")
    String concurrency;

    @Option(names = "--resolve", paramLabel = "HOST=IP",
            description = "Resolve HOST to IP without DNS, like curl --resolve (repeatable). Default: none")
    List<String> resolve;

    @Option(names = "--allow-net", paramLabel = "CIDR",
            description = "Allow this address range although it is loopback or private, e.g. 127.0.0.0/8"
                    + " (repeatable). Default: public addresses only")
    List<String> allowNet;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "async",
            description = "I/O model: async (Netty event loop), sync (one blocking request at a time),"
                    + " threads (blocking, a pool of --threads), virtual (blocking, virtual threads)."
                    + " Default: ${DEFAULT-VALUE}")
    String mode;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "64",
            description = "Platform threads for --mode threads. Default: ${DEFAULT-VALUE}")
    String threads;

    @Option(names = "--transport", paramLabel = "NAME",
            description = "Netty transport for --mode async: epoll, io_uring, nio, nio-poll (falls back to nio"
                    + " where missing). Default: epoll on Linux, nio elsewhere")
    String transport;

    @Option(names = "--user-agent", paramLabel = "UA", defaultValue = CrawlConfig.DEFAULT_USER_AGENT,
            description = "User-Agent header; say who you are and how to reach you. Default: ${DEFAULT-VALUE}")
    String userAgent;

    @Option(names = "--robots-agent", paramLabel = "TOKEN", defaultValue = CrawlConfig.DEFAULT_ROBOTS_AGENT,
            description = "Product token matched against robots.txt User-agent lines. Default: ${DEFAULT-VALUE}")
    String robotsAgent;

    @Option(names = "--robots", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "--no-robots ignores robots.txt. Only for sites you own or may crawl so. Default: honored")
    boolean robots;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "Time allowed to open a connection. Default: ${DEFAULT-VALUE}")
    String connectTimeout;

    @Option(names = "--first-byte-timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Time allowed from sending a request to the first response byte. Default: ${DEFAULT-VALUE}")
    String firstByteTimeout;

    @Option(names = "--response-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "Time allowed for a whole exchange. Default: ${DEFAULT-VALUE}")
    String responseTimeout;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "10MB",
            description = "Largest body kept (decoded); a longer one is cut and marked truncated. Default: ${DEFAULT-VALUE}")
    String maxBody;

    @Option(names = "--max-header", paramLabel = "SIZE", defaultValue = "64KB",
            description = "Largest status line plus headers accepted. Default: ${DEFAULT-VALUE}")
    String maxHeader;

    @Option(names = "--keep-alive", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "--no-keep-alive opens a new connection for every request. Default: keep-alive on")
    boolean keepAlive;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() throws Exception {
        Settings settings = fileSettings().overriddenBy(CommandLineSettings.given(spec));
        List<String> seedUrls = seeds(settings);
        CrawlConfig crawl = ConfigAssembler.toConfig(settings, seedUrls);
        Path logFile = LogSetup.logTo(crawl.outDir());
        try (ShutdownGuard guard = ShutdownGuard.install(spec.commandLine().getErr(), STOP_GRACE)) {
            CrawlRunner runner = new CrawlRunner(spec.commandLine().getOut(), progress.mode, guard);
            CrawlSummary summary = runner.run(crawl, logFile).summary();
            return summary.reason() == CrawlSummary.StopReason.STOPPED ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }

    private Settings fileSettings() {
        return config == null ? Settings.empty() : ConfigFile.load(config);
    }

    private List<String> seeds(Settings settings) {
        SeedSources sources = new SeedSources(System.in, spec.commandLine().getErr());
        boolean onCommandLine = !seeds.isEmpty() || seedsFile != null;
        if (onCommandLine) {
            return sources.gather(seeds, "argument", Optional.ofNullable(seedsFile).map(Path::of));
        }
        String label = (config == null ? "config" : config.getFileName()) + " seeds";
        return sources.gather(settings.getList(SEEDS).orElse(List.of()), label, settings.get(SEEDS_FILE));
    }
}
