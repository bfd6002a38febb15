package dev.crawler.cli;

import static dev.crawler.cli.config.SettingKeys.MAX_ERROR_RATE;
import static dev.crawler.cli.config.SettingKeys.OUT;
import static dev.crawler.cli.config.SettingKeys.SEEDS;
import static dev.crawler.cli.config.SettingKeys.SEEDS_FILE;
import static dev.crawler.cli.config.SettingKeys.STATE_DIR;
import static dev.crawler.cli.config.SettingKeys.STOP_GRACE;

import dev.crawler.CrawlConfig;
import dev.crawler.Crawler;
import dev.crawler.cli.config.ConfigAssembler;
import dev.crawler.cli.config.ConfigFile;
import dev.crawler.cli.config.Settings;
import dev.crawler.cli.run.ClusterMode;
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
                    + " as a mirror tree with an index.jsonl. The frontier is kept on disk: run the same"
                    + " command again (or with --resume) to continue a crawl stopped by Ctrl-C or a crash.",
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
            description = "Output directory: pages, index.jsonl, crawler.log, warc/ and the crawl's state. If it"
                    + " holds a crawl, that crawl is continued. Default: ${DEFAULT-VALUE}")
    String out;

    @Option(names = "--resume", negatable = true,
            description = "--resume: continue the crawl in --out, refusing a directory without one; the seeds of"
                    + " the earlier runs are kept, so none need be given. --no-resume: refuse a directory that"
                    + " holds a crawl. Default: continue a crawl if there is one, else start one")
    Boolean resume;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the crawl keeps its resumable state (frontier, seen URLs). Default: --out/.crawl-state")
    String stateDir;

    @Option(names = "--stop-grace", paramLabel = "DURATION", defaultValue = "30s",
            description = "After Ctrl-C or SIGTERM, how long requests in flight may take to finish; the rest stay"
                    + " queued for the next run. A second Ctrl-C stops at once. Default: ${DEFAULT-VALUE}")
    String stopGrace;

    @Option(names = "--warc", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Also write WARC files into --out/warc: request, response and metadata (outlinks)"
                    + " records, gzip per record. Default: off")
    boolean warc;

    @Option(names = "--warc-prefix", paramLabel = "NAME", defaultValue = "crawl",
            description = "First part of WARC file names (NAME-timestamp-serial-host.warc.gz). Default: ${DEFAULT-VALUE}")
    String warcPrefix;

    @Option(names = "--warc-max-size", paramLabel = "SIZE", defaultValue = "1GB",
            description = "A WARC file is closed and the next one started at this size. Default: ${DEFAULT-VALUE}")
    String warcMaxSize;

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

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "unlimited",
            description = "Stop after crawling this long (such as 30m or 2h): what is under way finishes, the rest"
                    + " stays queued for the next run. Default: ${DEFAULT-VALUE}")
    String maxTime;

    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "unlimited",
            description = "Stop after fetching this many bytes of bodies (such as 500M or 2G), the rest queued for"
                    + " the next run. Default: ${DEFAULT-VALUE}")
    String maxBytes;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "unlimited",
            description = "Stop after N fetches in a row, over all hosts, ended without a usable response (refused,"
                    + " reset, timed out, no such host, TLS or protocol failure): the network is likely down."
                    + " Default: ${DEFAULT-VALUE}")
    String maxErrors;

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
            description = "Largest robots.txt Crawl-delay obeyed; a longer one is cut to this. Also the longest"
                    + " delay --adaptive-delay or rate limiting (429/503 without Retry-After) widens a host's delay to."
                    + " Default: ${DEFAULT-VALUE}")
    String maxCrawlDelay;

    @Option(names = "--per-ip-connections", paramLabel = "N", defaultValue = "0",
            description = "Most requests in flight to one IP address, over all the hosts that resolve to it"
                    + " (0: no limit beyond --per-host-connections). Default: ${DEFAULT-VALUE}")
    String perIpConnections;

    @Option(names = "--per-ip-delay", paramLabel = "DURATION", defaultValue = "0s",
            description = "Least time between two request starts to one IP address, over all the hosts that resolve"
                    + " to it (0s: none beyond --delay). Default: ${DEFAULT-VALUE}")
    String perIpDelay;

    @Option(names = "--adaptive-delay", paramLabel = "FACTOR", defaultValue = "0",
            description = "Keep the delay to a host at least FACTOR times its recent response time, between --delay"
                    + " and --max-crawl-delay (0: off). Default: ${DEFAULT-VALUE}")
    String adaptiveDelay;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "256",
            description = "Most requests in flight over all hosts. Default: ${DEFAULT-VALUE}")
    String concurrency;

    @Option(names = "--resolve", paramLabel = "HOST=IP",
            description = "Resolve HOST to IP without DNS, like curl --resolve (repeatable). Default: none")
    List<String> resolve;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "Send every request through this proxy: http://[user:pass@]host[:port] (plain http"
                    + " forwarded, https tunnelled with CONNECT) or socks5://[user:pass@]host[:port]. The crawler still"
                    + " resolves each target and applies --allow-net to it; the proxy's own address needs no --allow-net."
                    + " Politeness stays per target host. Default: http_proxy, https_proxy or all_proxy from the"
                    + " environment (lower or upper case), else none")
    String proxy;

    @Option(names = "--no-proxy", paramLabel = "HOSTS",
            description = "Hosts reached directly, not through the proxy: comma-separated names (each with its"
                    + " subdomains), addresses or CIDR ranges; * for all. Default: no_proxy from the environment")
    String noProxy;

    @Option(names = "--max-error-rate", paramLabel = "SHARE",
            description = "Exit with code 6 when the crawl ran to its end but more than this share of the URLs it"
                    + " fetched failed (no response, or a 5xx after retries), e.g. 5%% or 0.05. Default: no limit")
    String maxErrorRate;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'",
            description = "Add this header field to every request (repeatable); one named like a field the crawler"
                    + " sends (User-Agent, Accept) replaces it. Host, Connection, Accept-Encoding and the like are the"
                    + " crawler's own; logins go with --auth. Default: none")
    List<String> header;

    @Option(names = "--auth", paramLabel = "HOST=USER:PASS",
            description = "Send this login (Basic) to HOST only, never to another host, a redirect's included"
                    + " (repeatable). The password never appears in logs, the index or WARC records. Default: none")
    List<String> auth;

    @Option(names = "--cookies", paramLabel = "FILE",
            description = "Start the cookie jar with the cookies of this Netscape cookies.txt (as curl, wget and browser"
                    + " add-ons write it). Default: an empty jar")
    String cookies;

    @Option(names = "--no-cookies",
            description = "Keep and send no cookies. Default: cookies on (RFC 6265: domain and path scoping, Secure,"
                    + " expiry, none for public suffixes), the jar saved with the crawl's state so a resumed crawl keeps them")
    boolean noCookies;

    @Option(names = "--allow-net", paramLabel = "CIDR",
            description = "Allow this address range although it is loopback or private, e.g. 127.0.0.0/8"
                    + " (repeatable). Default: public addresses only")
    List<String> allowNet;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "async",
            description = "I/O model: async (Netty event loop), sync (one blocking request at a time),"
                    + " threads (blocking, a pool of --threads), virtual (blocking, virtual threads),"
                    + " busy-poll (non-blocking sockets polled in a loop without a selector: burns a core; for the bench)."
                    + " Default: ${DEFAULT-VALUE}")
    String mode;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "64",
            description = "Platform threads for --mode threads. Default: ${DEFAULT-VALUE}")
    String threads;

    @Option(names = "--transport", paramLabel = "NAME",
            description = "Netty transport for --mode async: epoll, io_uring, nio, nio-poll (falls back to nio"
                    + " where missing). Default: epoll on Linux, nio elsewhere")
    String transport;

    @Option(names = "--event-loops", paramLabel = "N",
            description = "I/O event loops for --mode async; hosts are spread across them, and with more than one"
                    + " the crawl's bookkeeping runs on a thread of its own. Default: one per two cores (the page work"
                    + " needs the others)")
    String eventLoops;

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

    @Option(names = "--reuse-settle", paramLabel = "DURATION", defaultValue = "25ms",
            description = "The longest a response on a reused keep-alive connection is held after its last byte"
                    + " (it is held until twice the slowest of the server's last 8 replies on that connection has passed since the"
                    + " request, at least 2 ms): a byte arriving meanwhile shows the server out of step with its requests, so the response"
                    + " is discarded (desync), the URL retried once on a fresh connection, and that server's"
                    + " connections never reused again; 0 turns the wait off. Default: ${DEFAULT-VALUE}")
    String reuseSettle;

    @Option(names = "--min-transfer-rate", paramLabel = "SIZE", defaultValue = "1KB",
            description = "Least bytes per second a response must arrive at, over each --transfer-rate-window"
                    + " from its first byte (a trickling server fails with too_slow); 0 turns it off."
                    + " Default: ${DEFAULT-VALUE}")
    String minTransferRate;

    @Option(names = "--transfer-rate-window", paramLabel = "DURATION", defaultValue = "10s",
            description = "The window --min-transfer-rate is measured over. Default: ${DEFAULT-VALUE}")
    String transferRateWindow;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "Trust the X.509 certificate(s) in FILE (PEM or DER) for https, besides the JDK's,"
                    + " e.g. a self-signed test server's (repeatable). Default: the JDK's trusted authorities only")
    List<String> trustCert;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "2",
            description = "Retries of a URL after a 5xx, 429, 408, reset or timeout, with exponential back-off and"
                    + " jitter (or Retry-After); 0 for none. Default: ${DEFAULT-VALUE}")
    String maxRetries;

    @Option(names = "--retry-delay", paramLabel = "DURATION", defaultValue = "2s",
            description = "Back-off before the first retry; it doubles for each further one. Default: ${DEFAULT-VALUE}")
    String retryDelay;

    @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "10m",
            description = "Longest wait before a retry, Retry-After included. Default: ${DEFAULT-VALUE}")
    String maxBackoff;

    @Option(names = "--max-host-failures", paramLabel = "N", defaultValue = "10",
            description = "Failed attempts in a row after which a host is given up (its other URLs are recorded as"
                    + " host_unavailable, not fetched); 0 for never. Default: ${DEFAULT-VALUE}")
    String maxHostFailures;

    @Option(names = "--max-url-length", paramLabel = "N", defaultValue = "2048",
            description = "Longest URL followed, in characters; -1 for no limit. Default: ${DEFAULT-VALUE}")
    String maxUrlLength;

    @Option(names = "--max-path-depth", paramLabel = "N", defaultValue = "32",
            description = "Most path segments in a URL followed; -1 for no limit. Default: ${DEFAULT-VALUE}")
    String maxPathDepth;

    @Option(names = "--max-repeated-segments", paramLabel = "N", defaultValue = "3",
            description = "Most times one path segment may occur in a URL followed (/a/a/a/a is a trap);"
                    + " -1 for no limit. Default: ${DEFAULT-VALUE}")
    String maxRepeatedSegments;

    @Option(names = "--max-query-variants", paramLabel = "N", defaultValue = "1000",
            description = "Most distinct queries followed for one path (endless calendars, session ids);"
                    + " -1 for no limit. Default: ${DEFAULT-VALUE}")
    String maxQueryVariants;

    @Option(names = "--max-pages-per-host", paramLabel = "N", defaultValue = "unlimited",
            description = "Most URLs of one host queued; -1 or unlimited for no limit. Default: ${DEFAULT-VALUE}")
    String maxPagesPerHost;

    @Option(names = "--max-links-per-page", paramLabel = "N", defaultValue = "10000",
            description = "Most links followed from one page; -1 for no limit. Default: ${DEFAULT-VALUE}")
    String maxLinksPerPage;

    @Option(names = "--sitemaps", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Seed the crawl from the sitemaps robots.txt lists (those in scope). Default: off")
    boolean sitemaps;

    @Mixin
    ProgressOptions progress;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() throws Exception {
        Settings settings = fileSettings().overriddenBy(CommandLineSettings.given(spec));
        List<String> seedUrls = seeds(settings);
        CrawlConfig crawl = ConfigAssembler.toConfig(settings, seedUrls);
        Path logFile = LogSetup.logTo(crawl.outDir(), progress.logFormat());
        Duration grace = settings.get(STOP_GRACE).orElse(CrawlRunner.DEFAULT_STOP_GRACE);
        try (ShutdownGuard guard = ShutdownGuard.install(spec.commandLine().getErr(), grace)) {
            CrawlRunner runner = new CrawlRunner(spec.commandLine().getOut(), progress.mode, guard, grace, false,
                    progress.reports().withMaxErrorRate(settings.get(MAX_ERROR_RATE).orElse(-1.0)));
            return (cluster.enabled() ? runAsNode(runner, crawl, logFile) : runner.run(crawl, logFile)).exitCode();
        }
    }

    /** Runs the crawl as one node of a crawl on Kafka; it ends when the whole crawl has. */
    private CrawlRunner.Result runAsNode(CrawlRunner runner, CrawlConfig crawl, Path logFile) throws java.io.IOException {
        ClusterMode.Join join = cluster.join(crawl);
        ClusterMode mode = ClusterMode.find().orElseThrow(() -> new dev.crawler.cli.config.ConfigException(
                "--cluster: this copy of the crawler has no cluster mode (it lives in crawler-cluster.jar, with"
                        + " Kafka); run it through src/dist/crawler, which picks that jar for --cluster"));
        ClusterMode.Node node;
        try {
            node = mode.join(join);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
        try (node) {
            return runner.run(crawl, node.frontier(), logFile);
        }
    }

    /** The seeds of the crawl the output directory holds, if it holds one. */
    private static List<String> savedSeeds(Settings settings) {
        Path out = settings.get(OUT).orElse(Path.of("crawl-out"));
        Path state = settings.get(STATE_DIR).orElse(out.resolve(CrawlConfig.STATE_DIR_NAME));
        return Crawler.savedSeeds(state);
    }

    private Settings fileSettings() {
        return config == null ? Settings.empty() : ConfigFile.load(config);
    }

    private List<String> seeds(Settings settings) {
        SeedSources sources = new SeedSources(System.in, spec.commandLine().getErr());
        boolean onCommandLine = !seeds.isEmpty() || seedsFile != null;
        boolean inConfig = settings.has(SEEDS) || settings.has(SEEDS_FILE);
        if (!onCommandLine && !inConfig) {
            List<String> saved = savedSeeds(settings);
            if (!saved.isEmpty()) {
                return saved; // resuming: the crawl's own seeds
            }
            if (Boolean.TRUE.equals(resume)) {
                throw new dev.crawler.cli.config.ConfigException("out: " + settings.get(OUT).orElse(Path.of("crawl-out"))
                        + " holds no crawl to resume, and no seeds were given");
            }
        }
        if (onCommandLine) {
            return sources.gather(seeds, "argument", Optional.ofNullable(seedsFile).map(Path::of));
        }
        String label = (config == null ? "config" : config.getFileName()) + " seeds";
        return sources.gather(settings.getList(SEEDS).orElse(List.of()), label, settings.get(SEEDS_FILE));
    }
}
