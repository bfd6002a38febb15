package dev.crawler.cli;

import dev.crawler.cli.config.SizeParser;
import dev.crawler.sim.LongTail;
import dev.crawler.sim.PageProfile;
import dev.crawler.sim.SimConfig;
import picocli.CommandLine.Option;

/**
 * What the simulated web's pages look like, shared by {@code sim}, {@code demo} and {@code bench}:
 * a page profile, and options that change one of its settings. The medians are the web's own
 * {@code --page-bytes} and {@code --links}, given here by the caller, so that the profile and its
 * medians are applied together ({@link SimConfig#withPageProfile(PageProfile, int, int)}).
 */
public final class PageOptions {

    /** Spread of page sizes when a range is given without one. */
    static final double DEFAULT_BYTES_SIGMA = PageProfile.REALISTIC.bytes().sigma();
    /** Spread of link counts when a range is given without one. */
    static final double DEFAULT_LINKS_SIGMA = PageProfile.REALISTIC.links().sigma();

    @Option(names = "--page-profile", paramLabel = "NAME",
            description = "plain (every page --page-bytes long with --links random links: the pages the tests and"
                    + " the demo are checked against) or realistic (long-tailed sizes 5KB-500KB around a 24KB median,"
                    + " 10-3000 own links around 40, 60 site-wide navigation links, inline scripts and styles with"
                    + " link-shaped text that is no link, entity-heavy text and hrefs; about 44 KB and 150 links a"
                    + " page on average). The options below change it. Default: the preset's (plain)")
    String profile;

    @Option(names = "--page-bytes-range", paramLabel = "MIN-MAX",
            description = "Long-tailed page sizes: log-normal around --page-bytes, truncated to MIN..MAX,"
                    + " e.g. 5KB-500KB. Default: realistic 5KB-500KB, plain every page --page-bytes")
    String bytesRange;

    @Option(names = "--page-bytes-sigma", paramLabel = "S",
            description = "Spread of page sizes: standard deviation of their logarithm. Default: 1.0")
    Double bytesSigma;

    @Option(names = "--links-range", paramLabel = "MIN-MAX",
            description = "Long-tailed link counts: log-normal around --links, truncated to MIN..MAX, e.g. 10-3000."
                    + " Default: realistic 10-3000, plain every page --links")
    String linksRange;

    @Option(names = "--links-sigma", paramLabel = "S",
            description = "Spread of link counts: standard deviation of their logarithm. Default: 1.2")
    Double linksSigma;

    @Option(names = "--nav-links", paramLabel = "N",
            description = "Site-wide navigation links (header, sidebar, footer), the same on every page of a host."
                    + " Default: realistic 60, plain 0")
    Integer navLinks;

    @Option(names = "--scripts", negatable = true,
            description = "Inline <script> and <style> blocks (with <a href> in JavaScript strings, templates, CSS and"
                    + " a comment, which no HTML parser sees as links). Default: realistic on, plain off")
    Boolean scripts;

    @Option(names = "--entities", negatable = true,
            description = "Text and hrefs full of character references (&amp; &#38; &nbsp; &eacute; &#47;)."
                    + " Default: realistic on, plain off")
    Boolean entities;

    /** Whether any option here was given. */
    boolean any() {
        return profile != null || bytesRange != null || bytesSigma != null || linksRange != null || linksSigma != null
                || navLinks != null || scripts != null || entities != null;
    }

    /**
     * {@code config} with these options' pages and medians: {@code pageBytes} and {@code links}
     * when given, else the profile's (realistic) or the config's. {@link IllegalArgumentException}
     * names a bad value.
     */
    public SimConfig apply(SimConfig config, Integer pageBytes, Integer links) {
        SimConfig c = profile == null ? config : switch (profile) {
            case "plain" -> config.withPageProfile(PageProfile.PLAIN, config.pageBytes(), config.linksPerPage());
            case "realistic" -> config.withRealisticPages();
            default -> throw new IllegalArgumentException(
                    "--page-profile: unknown page profile '" + profile + "'; expected plain or realistic");
        };
        PageProfile p = c.pageProfile();
        p = p.withBytes(tail("--page-bytes", p.bytes(), bytesRange, bytesSigma, DEFAULT_BYTES_SIGMA, true));
        p = p.withLinks(tail("--links", p.links(), linksRange, linksSigma, DEFAULT_LINKS_SIGMA, false));
        p = navLinks == null ? p : p.withNavLinks(navLinks);
        p = scripts == null ? p : p.withScripts(scripts);
        p = entities == null ? p : p.withEntities(entities);
        return c.withPageProfile(p, pageBytes == null ? c.pageBytes() : pageBytes, links == null ? c.linksPerPage() : links);
    }

    /** The long tail these options ask for: the range and sigma given, or the profile's. */
    private static LongTail tail(String option, LongTail current, String range, Double sigma, double defaultSigma,
            boolean sizes) {
        if (range == null && sigma == null) {
            return current;
        }
        if (range == null && current.fixed()) {
            throw new IllegalArgumentException(option + "-sigma needs " + option + "-range (or --page-profile realistic)");
        }
        double s = sigma != null ? sigma : current.fixed() ? defaultSigma : current.sigma();
        if (range == null) {
            return new LongTail(current.min(), current.max(), s);
        }
        int dash = range.indexOf('-', 1);
        if (dash < 0) {
            throw new IllegalArgumentException(option + "-range: '" + range + "' is not MIN-MAX");
        }
        return new LongTail(bound(option, range.substring(0, dash), sizes), bound(option, range.substring(dash + 1), sizes), s);
    }

    private static int bound(String option, String text, boolean sizes) {
        long value;
        try {
            value = sizes ? SizeParser.parse(text) : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + "-range: '" + text.trim() + "' is not a whole number");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + "-range: " + e.getMessage());
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + "-range: " + text.trim() + " is out of range");
        }
        return (int) value;
    }
}
