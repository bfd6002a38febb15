package dev.crawler.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of jsoup 1.22's tree builder to know, tag by tag, what its DOM will hold for link
 * extraction, without building the DOM.
 *
 * <p><b>Design.</b> Tokens reach the tree builder in document order; what can make the DOM
 * differ from that order, or drop an element, or change how the tokenizer reads what follows, is
 * the insertion mode. This class tracks a coarse version of it: a <em>phase</em> (in head, in a
 * {@code <noscript>} in head, after head, in body) and a stack of <em>frames</em> for the
 * constructs that change the rules inside the body: tables (in the table itself, or in a cell or
 * caption), {@code <select>}, and foreign content ({@code <svg>}, {@code <math>}). For each
 * start tag it records the link elements that jsoup would put in the DOM and says which
 * tokenizer state follows (jsoup reads {@code <script>} as script data in head, table and select,
 * but as rawtext in body; {@code <title>} in a head {@code <noscript>} is not RCDATA at all).
 * What jsoup does there:
 * <ul>
 *   <li>in a head {@code <noscript>}, tags other than {@code link}, {@code meta}, {@code style},
 *       {@code noframes} become text: an {@code <a>} or {@code <base>} there is no element;</li>
 *   <li>in {@code <select>}, every start tag but {@code option}, {@code optgroup} and
 *       {@code script} is ignored: no {@code <a>}, {@code <meta>} or {@code <base>} there;</li>
 *   <li>in a table outside cells and captions, elements are foster-parented: moved before the
 *       table, out of document order.</li>
 * </ul>
 *
 * <p>Where following jsoup would take its whole tree builder, this class says
 * {@link Next#UNCERTAIN} and the caller parses the page with jsoup instead: an {@code a},
 * {@code area} or {@code base} that would be foster-parented; a {@code <template>} (its own
 * insertion modes); a {@code <frameset>} (which can remove the body already built); inside foreign
 * content, any link element, {@code <script>}, a tag jsoup breaks out to HTML for, anything at an
 * HTML integration point, or an end tag that does not close an open foreign element; an end tag
 * in a select in a table (it depends on the table scope); and a table, select or foreign frame
 * opened more than {@value #MAX_DEPTH_ESTIMATE} elements deep, where jsoup's depth limit (512)
 * could close it.
 */
final class InsertionModes {

    /** What the tokenizer does after a start tag. */
    enum Next { DATA, RAWTEXT, SCRIPT_DATA, RCDATA, PLAINTEXT, UNCERTAIN }

    private enum Phase { HEAD, HEAD_NOSCRIPT, AFTER_HEAD, BODY }

    private enum TableState { TABLE, CELL, CAPTION }

    static final int MAX_DEPTH_ESTIMATE = 100;

    private static final TagNameSet VOID = TagNameSet.of("meta", "link", "base", "frame", "img", "br", "wbr", "embed",
            "hr", "input", "keygen", "col", "command", "device", "area", "basefont", "bgsound", "menuitem", "param",
            "source", "track", "image");
    private static final TagNameSet OPTIONAL_END = TagNameSet.of("li", "p", "dt", "dd", "option", "optgroup", "rb", "rt",
            "rtc", "rp", "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup", "html", "head", "body");
    private static final TagNameSet TABLE_SECTIONS = TagNameSet.of("colgroup", "col", "tbody", "tfoot", "thead", "tr");
    private static final TagNameSet CLOSES_CELL = TagNameSet.of("caption", "col", "colgroup", "tbody", "td", "tfoot", "th",
            "thead", "tr");
    private static final TagNameSet SELECT_TABLE_END = TagNameSet.of("caption", "table", "tbody", "td", "tfoot", "th",
            "thead", "tr");
    private static final TagNameSet FOREIGN_TO_HTML = TagNameSet.of("b", "big", "blockquote", "body", "br", "center",
            "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
            "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strike",
            "strong", "sub", "sup", "table", "tt", "u", "ul", "var",
            // and what this class does not follow inside foreign content
            "font", "a", "area", "base", "script");
    private static final TagNameSet INTEGRATION_POINTS = TagNameSet.of("foreignobject", "desc", "title", "mi", "mo", "mn",
            "ms", "mtext", "annotation-xml");

    private final MarkupLinks.Builder links;
    private final Deque<Frame> frames = new ArrayDeque<>();
    // open elements per name, for the depth estimate: kept names by slot, others by name
    private final int[] openBySlot = new int[TagNames.SLOTS];
    private final Map<String, int[]> open = new HashMap<>();
    private Phase phase = Phase.HEAD;
    private int depth;

    InsertionModes(MarkupLinks.Builder links) {
        this.links = links;
    }

    /** Whether text that is not whitespace would change the mode (it ends the head). */
    boolean watchesText() {
        return phase == Phase.HEAD || phase == Phase.AFTER_HEAD;
    }

    /** Text that is not whitespace, outside any tag. */
    void text() {
        if (watchesText()) {
            phase = Phase.BODY;
        }
    }

    Next start(TagToken tag) {
        Frame frame = frames.peek();
        if (frame != null) {
            return switch (frame.kind) {
                case FOREIGN -> foreignStart(frame, tag);
                case SELECT -> selectStart(frame, tag);
                case TABLE -> frame.table == TableState.TABLE ? tableStart(frame, tag) : cellStart(frame, tag);
            };
        }
        return switch (phase) {
            case HEAD -> headStart(tag);
            case HEAD_NOSCRIPT -> noscriptStart(tag);
            case AFTER_HEAD -> afterHeadStart(tag);
            case BODY -> bodyStart(tag);
        };
    }

    /** @return false if what jsoup does with this end tag cannot be promised */
    boolean end(TagToken tag) {
        Frame frame = frames.peek();
        if (frame != null) {
            return switch (frame.kind) {
                case FOREIGN -> foreignEnd(frame, tag.name());
                case SELECT -> selectEnd(frame, tag.name());
                case TABLE -> tableEnd(frame, tag.name());
            };
        }
        String name = tag.name();
        switch (phase) {
            case HEAD -> {
                if (name.equals("head")) {
                    phase = Phase.AFTER_HEAD;
                } else if (name.equals("body") || name.equals("html") || name.equals("br")) {
                    phase = Phase.BODY;
                }
            }
            case HEAD_NOSCRIPT -> {
                if (name.equals("noscript")) {
                    phase = Phase.HEAD;
                }
            }
            case AFTER_HEAD -> {
                if (name.equals("body") || name.equals("html") || name.equals("br")) {
                    phase = Phase.BODY;
                }
            }
            case BODY -> closed(name);
        }
        return true;
    }

    private Next headStart(TagToken tag) {
        switch (tag.name()) {
            case "html", "head", "basefont", "bgsound", "command", "link" -> {
                return Next.DATA;
            }
            case "base" -> {
                base(tag);
                return Next.DATA;
            }
            case "meta" -> {
                meta(tag);
                return Next.DATA;
            }
            case "title" -> {
                return Next.RCDATA;
            }
            case "noframes", "style" -> {
                return Next.RAWTEXT;
            }
            case "script" -> {
                return Next.SCRIPT_DATA;
            }
            case "noscript" -> {
                phase = Phase.HEAD_NOSCRIPT;
                return Next.DATA;
            }
            case "template" -> {
                return Next.UNCERTAIN;
            }
            default -> {
                phase = Phase.BODY;
                return bodyStart(tag);
            }
        }
    }

    /** jsoup turns every other tag in a head {@code <noscript>} into text. */
    private Next noscriptStart(TagToken tag) {
        return switch (tag.name()) {
            case "basefont", "bgsound", "link", "meta", "noframes", "style" -> headStart(tag);
            default -> Next.DATA;
        };
    }

    private Next afterHeadStart(TagToken tag) {
        switch (tag.name()) {
            case "html", "head" -> {
                return Next.DATA;
            }
            case "body" -> {
                phase = Phase.BODY;
                return Next.DATA;
            }
            case "base", "basefont", "bgsound", "command", "link", "meta", "noframes", "script", "style", "template",
                    "title" -> {
                return headStart(tag);
            }
            default -> {
                phase = Phase.BODY;
                return bodyStart(tag);
            }
        }
    }

    private Next bodyStart(TagToken tag) {
        String name = tag.name();
        switch (name) {
            case "a", "area" -> {
                links.link(tag.has("href"), tag.attr("href"), tag.attr("rel"));
                return Next.DATA;
            }
            case "base" -> {
                base(tag);
                return Next.DATA;
            }
            case "meta" -> {
                meta(tag);
                return Next.DATA;
            }
            case "script", "style", "noframes", "xmp", "iframe", "noembed" -> {
                return Next.RAWTEXT;
            }
            case "title", "textarea" -> {
                return Next.RCDATA;
            }
            case "plaintext" -> {
                return Next.PLAINTEXT;
            }
            case "template", "frameset" -> {
                return Next.UNCERTAIN;
            }
            case "table" -> {
                return push(new Frame(Kind.TABLE));
            }
            case "select" -> {
                return tag.isSelfClosing() ? Next.DATA : push(Frame.select(inTable()));
            }
            case "svg", "math" -> {
                return tag.isSelfClosing() ? Next.DATA : push(Frame.foreign(name));
            }
            default -> {
                opened(tag);
                return Next.DATA;
            }
        }
    }

    /** In a table, outside cells and captions: what is not table structure is foster-parented. */
    private Next tableStart(Frame frame, TagToken tag) {
        String name = tag.name();
        switch (name) {
            case "caption" -> frame.table = TableState.CAPTION;
            case "td", "th" -> frame.table = TableState.CELL;
            case "table" -> {
                frames.pop(); // closes this table; the tag opens a new one where this one was
                return start(tag);
            }
            case "script" -> {
                return Next.SCRIPT_DATA;
            }
            case "style" -> {
                return Next.RAWTEXT;
            }
            case "input", "form" -> {
                return Next.DATA;
            }
            case "a", "area", "base", "template" -> {
                return Next.UNCERTAIN;
            }
            default -> {
                return TABLE_SECTIONS.contains(tag) ? Next.DATA : bodyStart(tag);
            }
        }
        return Next.DATA;
    }

    private Next cellStart(Frame frame, TagToken tag) {
        if (CLOSES_CELL.contains(tag)) {
            frame.table = TableState.TABLE;
            return tableStart(frame, tag);
        }
        return bodyStart(tag);
    }

    private Next selectStart(Frame frame, TagToken tag) {
        String name = tag.name();
        if (frame.selectInTable && SELECT_TABLE_END.contains(name)) {
            frames.pop();
            return start(tag);
        }
        return switch (name) {
            case "select" -> {
                frames.pop();
                yield Next.DATA;
            }
            case "input", "keygen", "textarea" -> {
                frames.pop();
                yield start(tag);
            }
            case "script" -> Next.SCRIPT_DATA;
            case "template" -> Next.UNCERTAIN;
            default -> Next.DATA; // ignored by jsoup, whatever it is
        };
    }

    private Next foreignStart(Frame frame, TagToken tag) {
        String name = tag.name();
        if (INTEGRATION_POINTS.contains(frame.foreignTop()) || FOREIGN_TO_HTML.contains(tag)) {
            return Next.UNCERTAIN;
        }
        if (!tag.isSelfClosing()) {
            frame.foreign.add(name);
        }
        return Next.DATA;
    }

    private boolean foreignEnd(Frame frame, String name) {
        List<String> stack = frame.foreign;
        int i = stack.lastIndexOf(name);
        if (i < 0 || name.equals("br") || name.equals("p")) {
            return false;
        }
        stack.subList(i, stack.size()).clear();
        if (stack.isEmpty()) {
            frames.pop();
        }
        return true;
    }

    private boolean selectEnd(Frame frame, String name) {
        if (frame.selectInTable && SELECT_TABLE_END.contains(name)) {
            return false;
        }
        if (name.equals("select")) {
            frames.pop();
        }
        return true;
    }

    private boolean tableEnd(Frame frame, String name) {
        switch (frame.table) {
            case CELL -> {
                if (name.equals("td") || name.equals("th")) {
                    frame.table = TableState.TABLE;
                } else if (name.equals("table") || name.equals("tbody") || name.equals("tfoot")
                        || name.equals("thead") || name.equals("tr")) {
                    frame.table = TableState.TABLE;
                    return tableEnd(frame, name);
                } else {
                    closed(name);
                }
            }
            case CAPTION -> {
                if (name.equals("caption")) {
                    frame.table = TableState.TABLE;
                } else if (name.equals("table")) {
                    frames.pop();
                } else {
                    closed(name);
                }
            }
            case TABLE -> {
                if (name.equals("table")) {
                    frames.pop();
                }
            }
        }
        return true;
    }

    private void base(TagToken tag) {
        links.base(tag.has("href"), tag.attr("href"));
    }

    private void meta(TagToken tag) {
        if (tag.has("name") && tag.has("content")) {
            links.meta(tag.attr("name"), tag.attr("content"));
        }
    }

    private boolean inTable() {
        Frame frame = frames.peek();
        return frame != null && frame.kind == Kind.TABLE;
    }

    /** Opens a frame, unless it may be deep enough for jsoup's depth limit to close it (a table is 4 levels). */
    private Next push(Frame frame) {
        if (depth + 4 * frames.size() > MAX_DEPTH_ESTIMATE) {
            return Next.UNCERTAIN;
        }
        frames.push(frame);
        return Next.DATA;
    }

    /**
     * Counts an element that stays open, for the depth estimate: elements whose end tag may be
     * left out ({@code li}, {@code p}, ...) and void elements are not counted, so the estimate is
     * rough, and only used to stay far from jsoup's depth limit.
     */
    private void opened(TagToken tag) {
        String name = tag.name();
        if (!tag.isSelfClosing() && !VOID.contains(tag) && !OPTIONAL_END.contains(tag)) {
            int slot = tag.slot() >= 0 ? tag.slot() : TagNames.slotOf(name);
            if (slot >= 0) {
                openBySlot[slot]++;
            } else {
                open.computeIfAbsent(name, k -> new int[1])[0]++;
            }
            depth++;
        }
    }

    private void closed(String name) {
        int slot = TagNames.slotOf(name);
        if (slot >= 0) {
            if (openBySlot[slot] > 0) {
                openBySlot[slot]--;
                depth--;
            }
            return;
        }
        int[] count = open.get(name);
        if (count != null && count[0] > 0) {
            count[0]--;
            depth--;
        }
    }

    private enum Kind { TABLE, SELECT, FOREIGN }

    /** One table, select or foreign-content element that changes how tags inside it are treated. */
    private static final class Frame {

        final Kind kind;
        TableState table = TableState.TABLE;
        boolean selectInTable;
        final List<String> foreign = new ArrayList<>(4);

        Frame(Kind kind) {
            this.kind = kind;
        }

        static Frame select(boolean inTable) {
            Frame frame = new Frame(Kind.SELECT);
            frame.selectInTable = inTable;
            return frame;
        }

        static Frame foreign(String root) {
            Frame frame = new Frame(Kind.FOREIGN);
            frame.foreign.add(root);
            return frame;
        }

        String foreignTop() {
            return foreign.isEmpty() ? "" : foreign.get(foreign.size() - 1);
        }
    }
}
