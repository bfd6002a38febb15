package dev.crawler.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders content pages in the document layout, the one real sites have, to UTF-8 HTML:
 *
 * <pre>
 * head:    title, viewport, [robots meta], [base], [style], [script]     (scripts: about 15% of the page)
 * body:    header nav | sidebar list                                     (the host's {@link SiteNavigation})
 *          main: h1, paragraphs with the page's own links among words,
 *                [image map], [template script, comment], [escaped tag], padding paragraph
 *          footer nav, copyright
 * </pre>
 *
 * With {@code entities} on, text is full of character references ({@link FillerText}) and every
 * {@code &} in an href is written as {@code &amp;amp;}, {@code &amp;#38;} or {@code &amp;#x26;}, and
 * now and then a {@code /} as {@code &amp;#47;} or {@code &amp;#x2F;}: a crawler that does not
 * decode attributes fetches {@code /page&amp;} instead of {@code /page/3} ({@code #} starts a
 * fragment). The navigation is rendered with a per-host seed, so it is byte for byte the same on
 * every page of a host. The page is padded to exactly {@link PageModel#bytes()} UTF-8 bytes when
 * its content is smaller, and left larger otherwise.
 */
final class DocumentRenderer implements PageRenderer {

    /** Share of a page's target size given to inline style and script, when they are on. */
    static final int CODE_PERCENT = 15;
    /** The href of the link-shaped text written escaped in a paragraph (entities on). */
    static final String ESCAPED_DECOY = InlineCode.DECOY + "escaped";
    private static final int LINKS_PER_PARAGRAPH = 6;
    private static final long NAV_SALT = 0x4E617652656E6465L;

    private final long seed;
    private final boolean scripts;
    private final boolean entities;
    private final FillerText filler;

    DocumentRenderer(SimConfig config) {
        this.seed = config.seed();
        this.scripts = config.pageProfile().scripts();
        this.entities = config.pageProfile().entities();
        this.filler = new FillerText(entities);
    }

    @Override
    public byte[] page(String hostName, PageModel model, long fillerSeed) {
        SplittableRandom rng = new SplittableRandom(fillerSeed);
        String title = text(hostName + " · " + (model.page() == 0 ? "home" : "page " + model.page()));
        StringBuilder out = new StringBuilder(model.bytes() + 128 * (model.allLinks().size() + 16));
        head(out, model, title, rng);
        navigation(out, model);
        out.append("<main>\n<h1 id=\"top\">").append(title).append("</h1>\n");
        ownLinks(out, model.links(), rng);
        if (scripts) {
            InlineCode.bodyTemplates(out);
        }
        if (entities) {
            out.append("<p>Markup shown as text: <code>&lt;a href=&quot;").append(ESCAPED_DECOY)
                    .append("&quot;&gt;</code></p>\n");
        }
        String end = "</p>\n</main>\n</div>\n" + footer(hostName, model) + "</body>\n</html>\n";
        out.append("<p>");
        filler.fill(out, rng, model.bytes() - HtmlRenderer.utf8Length(out) - HtmlRenderer.utf8Length(end));
        return out.append(end).toString().getBytes(StandardCharsets.UTF_8);
    }

    private void head(StringBuilder out, PageModel model, String title, SplittableRandom rng) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(title).append("</title>\n");
        if (model.metaNofollow()) {
            out.append("<meta name=\"robots\" content=\"nofollow\">\n");
        }
        if (model.baseHref() != null) {
            out.append("<base href=\"").append(attribute(model.baseHref(), rng)).append("\">\n");
        }
        if (scripts) {
            int code = (int) ((long) model.bytes() * CODE_PERCENT / 100);
            InlineCode.style(out, code * 3 / 10, rng);
            InlineCode.headScript(out, code * 7 / 10, rng);
        }
        out.append("</head>\n<body>\n");
    }

    /** The header and the sidebar, the same bytes on every page of the host. */
    private void navigation(StringBuilder out, PageModel model) {
        SiteNavigation nav = model.navigation();
        SplittableRandom rng = new SplittableRandom(PagePlanner.mix(seed, model.host(), -2) ^ NAV_SALT);
        if (!nav.header().isEmpty()) {
            out.append("<header>\n<nav class=\"top\">\n");
            for (Link link : nav.header()) {
                anchor(out, link, rng).append('\n');
            }
            out.append("</nav>\n</header>\n");
        }
        out.append("<div class=\"layout\">\n");
        if (!nav.sidebar().isEmpty()) {
            out.append("<aside class=\"sidebar\">\n<ul>\n");
            for (Link link : nav.sidebar()) {
                anchor(out.append("<li>"), link, rng).append("</li>\n");
            }
            out.append("</ul>\n</aside>\n");
        }
    }

    /** The page's own links among words, {@value #LINKS_PER_PARAGRAPH} to a paragraph; area links in a map after them. */
    private void ownLinks(StringBuilder out, List<Link> links, SplittableRandom rng) {
        int inParagraph = 0;
        boolean map = false;
        for (Link link : links) {
            if (link.area()) {
                map = true;
                continue;
            }
            if (inParagraph == 0) {
                out.append("<p>");
            }
            filler.words(out, rng, 2 + rng.nextInt(10));
            anchor(out, link, rng);
            if (++inParagraph == LINKS_PER_PARAGRAPH) {
                out.append(".</p>\n");
                inParagraph = 0;
            }
        }
        if (inParagraph > 0) {
            out.append(".</p>\n");
        }
        if (map) {
            out.append("<img src=\"data:,\" usemap=\"#nav\" alt=\"navigation\">\n<map name=\"nav\">\n");
            for (Link link : links) {
                if (link.area()) {
                    out.append("<area shape=\"rect\" coords=\"0,0,10,10\" href=\"").append(attribute(link.href(), rng))
                            .append("\" alt=\"").append(text(link.text())).append("\">\n");
                }
            }
            out.append("</map>\n");
        }
    }

    private String footer(String hostName, PageModel model) {
        List<Link> links = model.navigation().footer();
        StringBuilder out = new StringBuilder(64 + 96 * links.size()).append("<footer>\n");
        if (!links.isEmpty()) {
            SplittableRandom rng = new SplittableRandom(PagePlanner.mix(seed, model.host(), -3) ^ NAV_SALT);
            out.append("<nav class=\"bottom\">\n");
            for (Link link : links) {
                anchor(out, link, rng).append(" |\n");
            }
            out.append("</nav>\n");
        }
        return out.append("<p>").append(text("© 2024 " + hostName + " — all rights reserved")).append("</p>\n</footer>\n")
                .toString();
    }

    private StringBuilder anchor(StringBuilder out, Link link, SplittableRandom rng) {
        out.append("<a href=\"").append(attribute(link.href(), rng)).append('"');
        if (link.rel() != null) {
            out.append(" rel=\"").append(HtmlRenderer.escape(link.rel())).append('"');
        }
        return out.append('>').append(text(link.text())).append("</a>");
    }

    /** An attribute value: escaped, and with entities on, written with varied character references. */
    private String attribute(String value, SplittableRandom rng) {
        if (!entities) {
            return HtmlRenderer.escape(value);
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append(switch (rng.nextInt(3)) {
                    case 0 -> "&amp;";
                    case 1 -> "&#38;";
                    default -> "&#x26;";
                });
                case '/' -> out.append(switch (rng.nextInt(16)) {
                    case 0 -> "&#47;";
                    case 1 -> "&#x2F;";
                    default -> "/";
                });
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text content: escaped, and with entities on, its non-ASCII letters and dashes as named references. */
    private String text(String value) {
        String escaped = HtmlRenderer.escape(value);
        if (!entities) {
            return escaped;
        }
        return escaped.replace("·", "&middot;").replace("©", "&copy;").replace("—", "&mdash;");
    }
}
