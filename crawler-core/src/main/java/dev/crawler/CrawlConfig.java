package dev.crawler;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.filter.Scope;
import dev.crawler.filter.TrapPolicy;
import dev.crawler.filter.UrlFilter;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.net.Transport;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.url.UrlNormalizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a crawl needs to know, validated once, immutable. Build one with {@link #builder()};
 * every setting has a default that protects the sites crawled (robots.txt on, 1 s between
 * requests to a host, 2 connections per host, private addresses refused).
 *
 * @param seeds normalized absolute URLs to start from
 * @param outDir where pages, {@code index.jsonl} and the log go
 * @param mode the fetcher's I/O model
 * @param transport the Netty transport for {@link FetchMode#ASYNC}
 * @param threads pool size for {@link FetchMode#THREADS}
 * @param eventLoops I/O event loops for {@link FetchMode#ASYNC}, hosts spread across them; with
 *     more than one, the crawl's bookkeeping runs on a thread of its own rather than on an I/O loop
 * @param scope which hosts links may lead to, relative to the seeds' hosts
 * @param maxDepth most link hops from a seed, or -1 for no limit
 * @param maxPages most pages fetched, or -1 for no limit
 * @param limits what else stops a run early: time, bytes, failures in a row
 * @param filter include/exclude regular expressions on URLs
 * @param politeness per-host connections, delay and Crawl-delay cap
 * @param concurrency most requests in flight over all hosts
 * @param fetch HTTP limits, User-Agent, address policy and DNS overrides
 * @param respectRobots whether robots.txt is honored
 * @param robotsAgent the product token matched against robots.txt groups
 * @param stateDir where the crawl keeps its resumable state (frontier, seen set); by default
 *     {@code .crawl-state} in {@code outDir}
 * @param resume what to do when {@code outDir} already holds a crawl
 * @param warc whether and how WARC files are written (into {@code outDir/warc})
 * @param retry which failures are retried, how often and after how long; when a host is given up
 * @param traps limits on URL length, path depth, repeated segments, query variants, URLs per host
 *     and links per page
 * @param sitemaps whether the sitemaps robots.txt lists seed the crawl
 * @param failOnStall whether the liveness watchdog ends the crawl with an error when it finds it
 *     stalled (tests), instead of logging what waits and pumping again (the default)
 * @param mirror whether pages are written to a mirror tree under {@code outDir}
 * @param index whether {@code index.jsonl} is written
 * @param cookies whether cookies are kept and sent, and a cookies.txt the jar starts with
 */
public record CrawlConfig(
        List<String> seeds,
        Path outDir,
        FetchMode mode,
        Transport transport,
        int threads,
        int eventLoops,
        Scope scope,
        int maxDepth,
        long maxPages,
        CrawlLimits limits,
        UrlFilter filter,
        PolitenessPolicy politeness,
        int concurrency,
        FetchSettings fetch,
        boolean respectRobots,
        String robotsAgent,
        Path stateDir,
        ResumeMode resume,
        WarcSettings warc,
        RetryPolicy retry,
        TrapPolicy traps,
        boolean sitemaps,
        boolean failOnStall,
        boolean mirror,
        boolean index,
        CookieSettings cookies) {

    public static final String DEFAULT_USER_AGENT =
            "dev-crawler/0.1 (+https://github.com/dev-crawler/crawler)";
    public static final String DEFAULT_ROBOTS_AGENT = "dev-crawler";

    public CrawlConfig {
        seeds = normalizeSeeds(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds: at least one seed URL is needed");
        }
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(transport, "transport");
        require(threads >= 1, "threads must be >= 1, was " + threads);
        require(eventLoops >= 1, "eventLoops must be >= 1, was " + eventLoops);
        Objects.requireNonNull(scope, "scope");
        require(maxDepth >= -1, "maxDepth must be >= 0 (or -1 for no limit), was " + maxDepth);
        require(maxPages >= -1 && maxPages != 0, "maxPages must be >= 1 (or -1 for no limit), was " + maxPages);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(politeness, "politeness");
        require(concurrency >= 1, "concurrency must be >= 1, was " + concurrency);
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(robotsAgent, "robotsAgent");
        require(!robotsAgent.isBlank(), "robotsAgent must not be blank");
        if (stateDir == null) {
            stateDir = outDir.resolve(STATE_DIR_NAME);
        }
        Objects.requireNonNull(resume, "resume");
        Objects.requireNonNull(warc, "warc");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(cookies, "cookies");
        Objects.requireNonNull(traps, "traps");
    }

    /** The state directory's name inside the output directory, unless another is given. */
    public static final String STATE_DIR_NAME = ".crawl-state";

    private static List<String> normalizeSeeds(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String seed : raw) {
            out.add(UrlNormalizer.normalize(seed).orElseThrow(() -> new IllegalArgumentException(
                    "seeds: '" + seed + "' is not a usable http or https URL")));
        }
        return List.copyOf(new java.util.LinkedHashSet<>(out));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * One I/O event loop per two cores the JVM may use, at least one: the page work beside the
     * I/O (decoding, link extraction, hashing, writing files) takes as much CPU as reading the
     * sockets, or more, and runs on the other cores. On 2 cores one loop, with the coordinator on
     * it, crawled a 10,000-page tree in 14.3 s where two loops and a coordinator thread took 19.7 s
     * (same CPU: the difference was threads handing work to each other).
     */
    public static int defaultEventLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder seeded with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seeds = new ArrayList<>(seeds);
        b.outDir = outDir;
        b.mode = mode;
        b.transport = transport;
        b.threads = threads;
        b.eventLoops = eventLoops;
        b.scope = scope;
        b.maxDepth = maxDepth;
        b.maxPages = maxPages;
        b.limits = limits;
        b.filter = filter;
        b.politeness = politeness;
        b.concurrency = concurrency;
        b.fetch = fetch;
        b.respectRobots = respectRobots;
        b.robotsAgent = robotsAgent;
        b.stateDir = stateDir.equals(outDir.resolve(STATE_DIR_NAME)) ? null : stateDir;
        b.resume = resume;
        b.warc = warc;
        b.retry = retry;
        b.traps = traps;
        b.sitemaps = sitemaps;
        b.failOnStall = failOnStall;
        b.mirror = mirror;
        b.index = index;
        b.cookies = cookies;
        return b;
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private List<String> seeds = new ArrayList<>();
        private Path outDir = Path.of("crawl-out");
        private FetchMode mode = FetchMode.ASYNC;
        private Transport transport = Transport.defaultForPlatform();
        private int threads = 64;
        private int eventLoops = defaultEventLoops();
        private Scope scope = Scope.HOST;
        private int maxDepth = -1;
        private long maxPages = -1;
        private CrawlLimits limits = CrawlLimits.NONE;
        private UrlFilter filter = UrlFilter.of(List.of(), List.of());
        private PolitenessPolicy politeness = new PolitenessPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(30));
        private int concurrency = 256;
        private FetchSettings fetch = FetchSettings.defaults(DEFAULT_USER_AGENT);
        private boolean respectRobots = true;
        private String robotsAgent = DEFAULT_ROBOTS_AGENT;
        private Path stateDir;
        private ResumeMode resume = ResumeMode.AUTO;
        private WarcSettings warc = WarcSettings.off();
        private RetryPolicy retry = RetryPolicy.defaults();
        private TrapPolicy traps = TrapPolicy.defaults();
        private CookieSettings cookies = CookieSettings.defaults();
        private boolean sitemaps;
        /** Off unless the JVM runs with {@code -Dcrawler.failOnStall=true}, as every test run does. */
        private boolean failOnStall = Boolean.getBoolean("crawler.failOnStall");
        private boolean mirror = true;
        private boolean index = true;

        private Builder() {
        }

        public Builder seeds(List<String> value) {
            this.seeds = new ArrayList<>(value);
            return this;
        }

        public Builder outDir(Path value) {
            this.outDir = value;
            return this;
        }

        public Builder mode(FetchMode value) {
            this.mode = value;
            return this;
        }

        public Builder transport(Transport value) {
            this.transport = value;
            return this;
        }

        /** I/O event loops for async mode. Default: one per two cores ({@link #defaultEventLoops()}). */
        public Builder eventLoops(int value) {
            this.eventLoops = value;
            return this;
        }

        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        public Builder scope(Scope value) {
            this.scope = value;
            return this;
        }

        public Builder maxDepth(int value) {
            this.maxDepth = value;
            return this;
        }

        public Builder maxPages(long value) {
            this.maxPages = value;
            return this;
        }

        /** What else stops a run early (time, bytes, failures in a row); none by default. */
        public Builder limits(CrawlLimits value) {
            this.limits = value;
            return this;
        }

        public Builder filter(UrlFilter value) {
            this.filter = value;
            return this;
        }

        public Builder politeness(PolitenessPolicy value) {
            this.politeness = value;
            return this;
        }

        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        public Builder fetch(FetchSettings value) {
            this.fetch = value;
            return this;
        }

        public Builder addressPolicy(AddressPolicy value) {
            this.fetch = fetch.withAddressPolicy(value);
            return this;
        }

        public Builder overrides(ResolveOverrides value) {
            this.fetch = fetch.withOverrides(value);
            return this;
        }

        public Builder respectRobots(boolean value) {
            this.respectRobots = value;
            return this;
        }

        public Builder robotsAgent(String value) {
            this.robotsAgent = value;
            return this;
        }

        /** The state directory; null (the default) puts it in the output directory. */
        public Builder stateDir(Path value) {
            this.stateDir = value;
            return this;
        }

        public Builder resume(ResumeMode value) {
            this.resume = value;
            return this;
        }

        public Builder warc(WarcSettings value) {
            this.warc = value;
            return this;
        }

        public Builder retry(RetryPolicy value) {
            this.retry = value;
            return this;
        }

        public Builder traps(TrapPolicy value) {
            this.traps = value;
            return this;
        }

        /** Seed the crawl from the sitemaps robots.txt lists ({@code --sitemaps}). */
        public Builder sitemaps(boolean value) {
            this.sitemaps = value;
            return this;
        }

        /** Whether the liveness watchdog fails the crawl when it finds it stalled (for tests). */
        public Builder failOnStall(boolean value) {
            this.failOnStall = value;
            return this;
        }

        /**
         * Whether fetched pages are written to a mirror tree under the output directory (the
         * default). Off, the crawl writes only {@code index.jsonl}, its state, and WARC files if
         * asked for; the pages go to the crawler's sinks alone.
         */
        public Builder mirror(boolean value) {
            this.mirror = value;
            return this;
        }

        /**
         * Whether {@code index.jsonl} is written (the default). Off, a crawl keeps no record of
         * its own beyond its state: with the mirror off too, the crawler's sinks and listeners
         * are the only output. The crawl still resumes: the frontier knows what was done.
         */
        public Builder index(boolean value) {
            this.index = value;
            return this;
        }

        public FetchSettings fetch() {
            return fetch;
        }

        /** Whether cookies are kept and sent, and a cookies.txt the jar starts with (default: on, empty). */
        public Builder cookies(CookieSettings value) {
            this.cookies = value;
            return this;
        }

        public CrawlConfig build() {
            return new CrawlConfig(seeds, outDir, mode, transport, threads, eventLoops, scope, maxDepth, maxPages,
                    limits, filter, politeness, concurrency, fetch, respectRobots, robotsAgent, stateDir, resume, warc,
                    retry, traps, sitemaps, failOnStall, mirror, index, cookies);
        }
    }
}
