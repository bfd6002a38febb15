package dev.crawler.sim;

import java.util.Objects;

/**
 * What the content pages of a simulated web look like beyond their links' targets: how their
 * sizes and link counts spread, and which of the things real pages carry they carry too.
 *
 * <p>{@link #PLAIN} is the original layout: every page exactly {@code pageBytes} long with
 * exactly {@code linksPerPage} random links in one list, padded with filler words. The tests and
 * the demo were written against it and its bytes never change. Any other profile renders the
 * document layout of {@link DocumentRenderer}: a header, a sidebar and a footer of site-wide
 * links, links inside paragraphs, inline scripts and styles, text full of character references.
 * {@link #REALISTIC} turns all of that on, with the spreads real pages have.
 *
 * @param bytes how page sizes spread around {@code SimConfig.pageBytes()}, the median
 * @param links how the number of a page's own links (its random links, not the site-wide ones)
 *     spreads around {@code SimConfig.linksPerPage()}, the median
 * @param navLinks site-wide navigation links (header, sidebar, footer), the same on every page of a
 *     host, as documentation and news sites have: duplicates a crawler must recognise; 0 for none
 * @param scripts whether pages carry inline {@code <script>} and {@code <style>} blocks, with
 *     link-like text in them (a tag in a JavaScript string, a template, a CSS comment) that no
 *     HTML parser sees as a link, and an HTML comment with a link in it
 * @param entities whether text and attributes are full of character references ({@code &amp;amp;},
 *     {@code &amp;#8217;}, {@code &amp;eacute;}, ...), hrefs included ({@code ?a=1&amp;amp;b=2},
 *     {@code /page&amp;#47;3})
 */
public record PageProfile(LongTail bytes, LongTail links, int navLinks, boolean scripts, boolean entities) {

    /** The original pages: fixed size, fixed link count, nothing else. */
    public static final PageProfile PLAIN = new PageProfile(LongTail.NONE, LongTail.NONE, 0, false, false);

    /**
     * Real pages' cost: sizes from 5 KB to 500 KB (sigma 1.0), 10 to 3,000 links of their own
     * (sigma 1.2), 60 site-wide navigation links, inline scripts and styles, entity-heavy text.
     * With the medians of {@link #REALISTIC_MEDIAN_BYTES} and {@link #REALISTIC_MEDIAN_LINKS}
     * the mean page is about 41 KB (the 99th percentile about 240 KB) with about 90 links of its
     * own plus the 60 of the navigation.
     */
    public static final PageProfile REALISTIC = new PageProfile(new LongTail(5 * 1024, 500 * 1024, 1.0),
            new LongTail(10, 3000, 1.2), 60, true, true);

    /** The median page size of the realistic profile: 24 KB. */
    public static final int REALISTIC_MEDIAN_BYTES = 24 * 1024;

    /** The median number of a page's own links in the realistic profile. */
    public static final int REALISTIC_MEDIAN_LINKS = 40;

    /** Upper bound of {@link #navLinks()}. */
    public static final int MAX_NAV_LINKS = 10_000;

    public PageProfile {
        Objects.requireNonNull(bytes, "bytes (the page size spread) must not be null");
        Objects.requireNonNull(links, "links (the link count spread) must not be null");
        if (navLinks < 0 || navLinks > MAX_NAV_LINKS) {
            throw new IllegalArgumentException("navLinks must be between 0 and " + MAX_NAV_LINKS + ", was " + navLinks);
        }
    }

    /** {@code plain} ({@link #PLAIN}) or {@code realistic} ({@link #REALISTIC}). */
    public static PageProfile named(String name) {
        return switch (name) {
            case "plain" -> PLAIN;
            case "realistic" -> REALISTIC;
            default -> throw new IllegalArgumentException("unknown page profile '" + name + "'; expected plain or realistic");
        };
    }

    /** Whether this is the original layout ({@link #PLAIN}). */
    public boolean plain() {
        return equals(PLAIN);
    }

    /** {@code plain}, {@code realistic}, or {@code custom} for any other mix. */
    public String label() {
        return plain() ? "plain" : equals(REALISTIC) ? "realistic" : "custom";
    }

    public PageProfile withBytes(LongTail value) {
        return new PageProfile(value, links, navLinks, scripts, entities);
    }

    public PageProfile withLinks(LongTail value) {
        return new PageProfile(bytes, value, navLinks, scripts, entities);
    }

    public PageProfile withNavLinks(int value) {
        return new PageProfile(bytes, links, value, scripts, entities);
    }

    public PageProfile withScripts(boolean value) {
        return new PageProfile(bytes, links, navLinks, value, entities);
    }

    public PageProfile withEntities(boolean value) {
        return new PageProfile(bytes, links, navLinks, scripts, value);
    }
}
