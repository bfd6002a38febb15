package dev.crawler.parse;

/**
 * The names of HTML's elements, kept once: a tag whose name, as written, is one of them (in lower
 * case) gets this very string, so reading it allocates nothing and the switches and sets its name
 * then goes through find the hash already computed. Any other name (upper case, unknown, a NUL)
 * is cut out of the text as before. Thread-safe: immutable after class initialization.
 */
final class TagNames {

    private static final String[] NAMES = {
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote",
        "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data",
        "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset",
        "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label",
        "legend", "li", "link", "main", "map", "mark", "math", "menu", "meta", "meter", "nav", "nobr",
        "noembed", "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param",
        "picture", "plaintext", "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp",
        "script", "search", "section", "select", "slot", "small", "source", "span", "strike", "strong",
        "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot",
        "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
    };

    /** Longer names are never looked up. */
    private static final int MAX_LENGTH = 10;
    private static final int MASK = 1023;
    /** How many slots there are: a kept name's slot is below this. */
    static final int SLOTS = MASK + 1;
    /** Open addressing on the name's {@link String#hashCode}; {@value #MASK} + 1 slots. */
    private static final String[] TABLE = new String[MASK + 1];

    static {
        for (String name : NAMES) {
            if (name.length() > MAX_LENGTH) {
                throw new IllegalStateException("element name longer than " + MAX_LENGTH + ": " + name);
            }
            int slot = name.hashCode() & MASK;
            while (TABLE[slot] != null) {
                slot = (slot + 1) & MASK;
            }
            TABLE[slot] = name;
        }
    }

    private TagNames() {
    }

    /**
     * The slot of the kept name equal to the page's characters from {@code start} to {@code end}
     * (one byte each, {@link ScanText#latin1}), or -1 if there is none (the name is not an
     * element's, or not written in lower case).
     */
    static int slot(byte[] text, int start, int end) {
        int length = end - start;
        if (length <= 0 || length > MAX_LENGTH) {
            return -1;
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            int c = text[i];
            if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
                return -1;
            }
            hash = 31 * hash + c;
        }
        for (int slot = hash & MASK; ; slot = (slot + 1) & MASK) {
            String name = TABLE[slot];
            if (name == null) {
                return -1;
            }
            if (name.length() == length && sameAscii(name, text, start)) {
                return slot;
            }
        }
    }

    /** The slot of a kept name equal to {@code name}, or -1. */
    static int slotOf(String name) {
        for (int slot = name.hashCode() & MASK; ; slot = (slot + 1) & MASK) {
            String kept = TABLE[slot];
            if (kept == null) {
                return -1;
            }
            if (kept == name || kept.equals(name)) {
                return slot;
            }
        }
    }

    /** The kept name in a slot {@link #slot} returned. */
    static String at(int slot) {
        return TABLE[slot];
    }

    private static boolean sameAscii(String name, byte[] text, int start) {
        for (int i = 0; i < name.length(); i++) {
            if (text[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
