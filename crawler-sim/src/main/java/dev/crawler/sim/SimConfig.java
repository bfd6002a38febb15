package dev.crawler.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of a simulated web: how many hosts, pages and links, how slow it answers, how big its
 * pages are, the random seed that fixes every page, and where it listens.
 *
 * @param hosts number of hosts, named {@code site-1.sim} ... {@code site-H.sim}
 * @param pagesPerHost pages per host; page 0 is the host root {@code /}
 * @param linksPerPage random out-links per page, on top of the few structural links every page has (the
 *     median, when the page profile spreads it)
 * @param latency delay before each response is written
 * @param jitter extra uniform random delay in {@code [0, jitter]} added to {@code latency}
 * @param pageBytes target size of a page body in bytes (filler text pads pages up to it; the median, when
 *     the page profile spreads it)
 * @param seed random seed: the same seed gives the same web, byte for byte
 * @param firstAddress loopback IPv4 address of host 1; the others follow it (127.0.1.1, 127.0.1.2, ...)
 * @param port TCP port every host listens on; 0 picks a free one
 * @param pageProfile what pages look like beyond their links' targets; with a spread, {@code pageBytes}
 *     and {@code linksPerPage} are the medians and each page draws its own ({@link PageProfile})
 * @param hostNaming whether hosts are named {@code site-N.sim} or by their own addresses ({@link HostNaming})
 * @param access sessions and logins ({@link SimAccess}); {@link SimAccess#open()}, neither, unless asked for
 *
 * <p>The {@code withX} methods return a copy with one field changed (and validated).
 */
public record SimConfig(int hosts, int pagesPerHost, int linksPerPage, Duration latency,
        Duration jitter, int pageBytes, long seed, String firstAddress, int port, PageProfile pageProfile,
        HostNaming hostNaming, SimAccess access) {

    /** Upper bound of {@link #pageBytes()}, to keep a typo from allocating gigabytes per request. */
    public static final int MAX_PAGE_BYTES = 16 * 1024 * 1024;

    /** Upper bound of the link count range of a page profile, for the same reason. */
    public static final int MAX_LINKS_PER_PAGE = 100_000;

    /** Validates every field; the message names the field and the accepted range. */
    public SimConfig {
        require(hosts >= 1, "hosts must be at least 1, was " + hosts);
        require(pagesPerHost >= 1, "pagesPerHost must be at least 1, was " + pagesPerHost);
        require(linksPerPage >= 0, "linksPerPage must not be negative, was " + linksPerPage);
        Objects.requireNonNull(latency, "latency must not be null");
        Objects.requireNonNull(jitter, "jitter must not be null");
        require(!latency.isNegative(), "latency must not be negative, was " + latency);
        require(!jitter.isNegative(), "jitter must not be negative, was " + jitter);
        require(pageBytes >= 0 && pageBytes <= MAX_PAGE_BYTES,
                "pageBytes must be between 0 and " + MAX_PAGE_BYTES + ", was " + pageBytes);
        Objects.requireNonNull(firstAddress, "firstAddress must not be null");
        require(port >= 0 && port <= 65535, "port must be between 0 and 65535 (0 = pick a free one), was " + port);
        HostAddresses.check(firstAddress, hosts); // loopback IPv4, and room for every host
        Objects.requireNonNull(pageProfile, "pageProfile must not be null");
        require(pageProfile.bytes().contains(pageBytes), "pageBytes (the median page size) must be within the page size"
                + " range " + pageProfile.bytes().min() + ".." + pageProfile.bytes().max() + ", was " + pageBytes);
        require(pageProfile.bytes().max() <= MAX_PAGE_BYTES || pageProfile.bytes().fixed(),
                "the page size range must end at or below " + MAX_PAGE_BYTES + ", was " + pageProfile.bytes().max());
        require(pageProfile.links().max() <= MAX_LINKS_PER_PAGE || pageProfile.links().fixed(),
                "the link count range must end at or below " + MAX_LINKS_PER_PAGE + ", was " + pageProfile.links().max());
        require(pageProfile.links().contains(linksPerPage), "linksPerPage (the median link count) must be within the"
                + " link count range " + pageProfile.links().min() + ".." + pageProfile.links().max() + ", was " + linksPerPage);
        Objects.requireNonNull(hostNaming, "hostNaming must not be null");
        Objects.requireNonNull(access, "access must not be null");
    }

    /**
     * The original pages ({@link PageProfile#PLAIN}): every page {@code pageBytes} long, with {@code linksPerPage}
     * links, on hosts named {@code site-N.sim}, without sessions or logins.
     */
    public SimConfig(int hosts, int pagesPerHost, int linksPerPage, Duration latency, Duration jitter, int pageBytes,
            long seed, String firstAddress, int port) {
        this(hosts, pagesPerHost, linksPerPage, latency, jitter, pageBytes, seed, firstAddress, port, PageProfile.PLAIN,
                HostNaming.NAMES, SimAccess.open());
    }

    /** 10 hosts, 50 pages, 8 links, 20 ms latency, no jitter, 2048-byte pages, seed 42, 127.0.1.1, a free port. */
    public static SimConfig defaults() {
        return new SimConfig(10, 50, 8, Duration.ofMillis(20), Duration.ZERO, 2048, 42L, "127.0.1.1", 0);
    }

    /**
     * The large web for durable-crawl runs (resume, kill -9, WARC at scale): 1,000 hosts x 1,000
     * pages (about 1.9 million URLs to fetch), 8 links, 5 ms latency, 2048-byte pages, seed 42.
     */
    public static SimConfig large() {
        return new SimConfig(1000, 1000, 8, Duration.ofMillis(5), Duration.ZERO, 2048, 42L, "127.0.1.1", 0);
    }

    /** A named preset: {@code default} ({@link #defaults()}) or {@code large} ({@link #large()}). */
    public static SimConfig preset(String name) {
        return switch (name) {
            case "default" -> defaults();
            case "large" -> large();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; expected default or large");
        };
    }

    public SimConfig withHosts(int value) {
        return new SimConfig(value, pagesPerHost, linksPerPage, latency, jitter, pageBytes, seed,
                firstAddress, port, pageProfile, hostNaming, access);
    }

    public SimConfig withPages(int value) {
        return new SimConfig(hosts, value, linksPerPage, latency, jitter, pageBytes, seed, firstAddress,
                port, pageProfile, hostNaming, access);
    }

    public SimConfig withLinks(int value) {
        return new SimConfig(hosts, pagesPerHost, value, latency, jitter, pageBytes, seed, firstAddress,
                port, pageProfile, hostNaming, access);
    }

    public SimConfig withLatency(Duration value) {
        return new SimConfig(hosts, pagesPerHost, linksPerPage, value, jitter, pageBytes, seed, firstAddress,
                port, pageProfile, hostNaming, access);
    }

    public SimConfig withJitter(Duration value) {
        return new SimConfig(hosts, pagesPerHost, linksPerPage, latency, value, pageBytes, seed,
                firstAddress, port, pageProfile, hostNaming, access);
    }

    public SimConfig withPageBytes(int value) {
        return new SimConfig(hosts, pagesPerHost, linksPerPage, latency, jitter, value, seed, firstAddress,
                port, pageProfile, hostNaming, access);
    }

    public SimConfig withSeed(long value) {
        return new SimConfig(hosts, pagesPerHost, linksPerPage, latency, jitter, pageBytes, value,
                firstAddress, port, pageProfile, hostNaming, access);
    }

    public SimConfig withFirstAddress(String value) {
        return new SimConfig(hosts, pagesPerHost, linksPerPage, latency, jitter, pageBytes, seed, value,
                port, pageProfile, hostNaming, access);
    }

    public SimConfig withPort(int value) {
        return new SimConfig(hosts, pagesPerHost, linksPerPage, latency, jitter, pageBytes, seed,
                firstAddress, value, pageProfile, hostNaming, access);
    }

    public SimConfig withPageProfile(PageProfile value) {
        return new SimConfig(hosts, pagesPerHost, linksPerPage, latency, jitter, pageBytes, seed,
                firstAddress, port, value, hostNaming, access);
    }

    public SimConfig withHostNaming(HostNaming value) {
        return new SimConfig(hosts, pagesPerHost, linksPerPage, latency, jitter, pageBytes, seed, firstAddress, port, pageProfile,
                value, access);
    }

    public SimConfig withAccess(SimAccess value) {
        return new SimConfig(hosts, pagesPerHost, linksPerPage, latency, jitter, pageBytes, seed, firstAddress, port, pageProfile,
                hostNaming, value);
    }

    /**
     * A copy in which every host sets a session cookie of its own on a request that carries none,
     * and counts the requests with and without it ({@link SessionLog}).
     */
    public SimConfig withSessions() {
        return withAccess(access.withSessions());
    }

    /**
     * A copy in which {@code host} answers 401 to every request without this user and password (Basic).
     *
     * @throws IllegalArgumentException if {@code host} already asks for a login, or a part is empty
     */
    public SimConfig withLogin(String host, String user, String password) {
        return withAccess(access.withLogin(new SimLogin(host, user, password)));
    }

    /**
     * A copy with another page profile and medians at once, so that a range and a median that fit
     * each other can replace a pair that also did (one wither after the other might pass through a
     * median outside the range).
     */
    public SimConfig withPageProfile(PageProfile value, int medianPageBytes, int medianLinksPerPage) {
        return new SimConfig(hosts, pagesPerHost, medianLinksPerPage, latency, jitter, medianPageBytes, seed, firstAddress,
                port, value, hostNaming, access);
    }

    /**
     * A copy with {@link PageProfile#REALISTIC} pages and its medians ({@value PageProfile#REALISTIC_MEDIAN_BYTES}
     * bytes, {@value PageProfile#REALISTIC_MEDIAN_LINKS} links of their own).
     */
    public SimConfig withRealisticPages() {
        return withPageProfile(PageProfile.REALISTIC, PageProfile.REALISTIC_MEDIAN_BYTES, PageProfile.REALISTIC_MEDIAN_LINKS);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
