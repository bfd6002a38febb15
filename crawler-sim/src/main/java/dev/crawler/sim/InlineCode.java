package dev.crawler.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The inline {@code <style>} and {@code <script>} blocks of a document-layout page, and an HTML
 * comment, each hiding a link that is no link: {@code <a href="/decoy/...">} inside a JavaScript
 * string, a {@code document.write}, a {@code text/template} script, a CSS comment and string, and
 * an HTML comment. Script and style content is raw text to an HTML parser, and a comment is a
 * comment, so neither a browser nor jsoup sees an element there; a crawler that scans bytes for
 * {@code href=} does, and fetches a URL the ground truth lists under must-not-fetch.
 *
 * <p>The blocks are padded with generated code to a byte budget, since real pages carry kilobytes
 * of inline code that a parser must step over. Nothing written here contains {@code </script} or
 * {@code </style} before the block's end.
 */
final class InlineCode {

    static final String DECOY = "/decoy/";
    /** The hrefs hidden in the blocks, in the order they appear in a page. */
    static final List<String> DECOYS = List.of(DECOY + "style", DECOY + "script-string", DECOY + "script-write",
            DECOY + "template", DECOY + "comment");

    private InlineCode() {
    }

    /** A {@code <style>} block for the head, about {@code budget} bytes long. */
    static void style(StringBuilder out, int budget, SplittableRandom rng) {
        int start = out.length();
        out.append("<style>\n/* old rule: a[href=\"").append(DECOYS.get(0)).append("\"] { color: red; } */\n")
                .append(".crumbs a::after { content: \"<a href='").append(DECOYS.get(0)).append("'>\"; }\n");
        int n = 0;
        while (out.length() - start < budget) {
            n++;
            out.append(".c").append(n).append(" > li:nth-child(").append(rng.nextInt(9) + 1)
                    .append(") a[href^=\"/page/\"] { margin: ").append(rng.nextInt(32)).append("px ")
                    .append(rng.nextInt(32)).append("px; color: #").append(Integer.toHexString(0x100000 + rng.nextInt(0xEFFFFF)))
                    .append("; }\n");
        }
        out.append("</style>\n");
    }

    /** A {@code <script>} block for the head, about {@code budget} bytes long. */
    static void headScript(StringBuilder out, int budget, SplittableRandom rng) {
        int start = out.length();
        out.append("<script>\n\"use strict\";\nvar tpl = '<li><a href=\"").append(DECOYS.get(1))
                .append("\">more<\\/a><\\/li>';\nif (window.legacy) { document.write(\"<a href=\\\"")
                .append(DECOYS.get(2)).append("\\\">old site<\\/a>\"); }\n");
        int n = 0;
        while (out.length() - start < budget) {
            n++;
            out.append("window.__cfg").append(n).append(" = {\"id\": ").append(rng.nextInt(100_000))
                    .append(", \"path\": \"/page/").append(rng.nextInt(1000)).append("\", \"lt\": ")
                    .append(rng.nextInt(2) == 0 ? "1 < 2" : "3 > 2").append(" && true, \"label\": \"a &amp; b\"};\n");
        }
        out.append("</script>\n");
    }

    /** A {@code text/template} script and an HTML comment, each with a decoy, for the body. */
    static void bodyTemplates(StringBuilder out) {
        out.append("<script type=\"text/template\" id=\"row\"><li><a href=\"").append(DECOYS.get(3))
                .append("\">{{title}}</a></li></script>\n<!-- removed: <a href=\"").append(DECOYS.get(4))
                .append("\">old link</a> -->\n");
    }
}
