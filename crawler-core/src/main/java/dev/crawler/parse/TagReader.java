package dev.crawler.parse;

/**
 * Reads one tag (name and attributes, up to its {@code >}) the way jsoup 1.22's tokenizer does,
 * state for state: tag name, before / in / after attribute name, before attribute value, double-,
 * single- and unquoted values, after a quoted value, self-closing. Its deviations from the HTML
 * standard are kept on purpose, since jsoup's tree is the reference: a NUL after an attribute
 * name's whitespace extends that name, and a tag cut off by the end of the text is dropped, except
 * right before an attribute value ({@code <a href=}), where jsoup emits it with an empty value.
 *
 * <p>End tags are read the same way (their attributes can hide a {@code >} in quotes) and their
 * attributes thrown away; so are the attributes of start tags link extraction does not read.
 */
final class TagReader {

    /** Returned by {@link #read} for a tag the end of the text cut off, which jsoup drops. */
    static final int DROPPED = -1;

    private static final char NUL = '\u0000';

    private TagReader() {
    }

    /**
     * @param text the page
     * @param nameStart the index of the tag name's first letter (after {@code <} or {@code </})
     * @param endTag whether this is an end tag
     * @param out filled with the tag
     * @return the index after the tag's {@code >} (or the text's length for a tag emitted at the
     *     end of the text), or {@link #DROPPED}
     */
    static int read(String text, int nameStart, boolean endTag, TagToken out) {
        out.reset(text, endTag);
        int n = text.length();
        int i = nameStart;
        while (i < n && !endsTagName(text.charAt(i))) {
            i++;
        }
        out.name(text.substring(nameStart, i));
        if (i >= n) {
            return DROPPED;
        }
        return new Attributes(text, out, !endTag && LinkTags.readsAttributes(out.name())).from(i);
    }

    /** The characters that end a tag name in jsoup ({@code consumeTagName}). */
    static boolean endsTagName(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '/' || c == '>';
    }

    static boolean isWhitespace(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ';
    }

    /** The attribute states of one tag; {@code keep} says whether attributes are recorded. */
    private static final class Attributes {

        private final String text;
        private final TagToken out;
        private final boolean keep;
        private final int n;
        private StringBuilder pendingName;
        private int valueStart = -1;
        private int valueEnd = -1;

        Attributes(String text, TagToken out, boolean keep) {
            this.text = text;
            this.out = out;
            this.keep = keep;
            this.n = text.length();
        }

        /** Starts at the character that ended the tag name. */
        int from(int start) {
            char c = text.charAt(start);
            if (c == '>') {
                return start + 1;
            }
            return c == '/' ? selfClosing(start + 1) : beforeName(start + 1);
        }

        private int beforeName(int start) {
            int i = start;
            while (i < n) {
                char c = text.charAt(i);
                if (isWhitespace(c)) {
                    i++;
                } else if (c == '/') {
                    return selfClosing(i + 1);
                } else if (c == '>') {
                    return emit(i + 1);
                } else if (c == '"' || c == '\'' || c == '=') {
                    newAttribute();
                    return name(i + 1, i); // the quote or = starts the name
                } else {
                    newAttribute();
                    return name(i, i);
                }
            }
            return DROPPED;
        }

        /** In an attribute name that began at {@code nameStart}; {@code i} is where reading resumes. */
        private int name(int i, int nameStart) {
            while (i < n && !endsName(text.charAt(i))) {
                i++;
            }
            appendName(nameStart, i);
            if (i >= n) {
                return DROPPED;
            }
            char c = text.charAt(i);
            if (c == '=') {
                return beforeValue(i + 1);
            }
            if (c == '>') {
                return emit(i + 1);
            }
            return c == '/' ? selfClosing(i + 1) : afterName(i + 1);
        }

        private static boolean endsName(char c) {
            return isWhitespace(c) || c == '/' || c == '=' || c == '>';
        }

        private int afterName(int start) {
            int i = start;
            while (i < n) {
                char c = text.charAt(i);
                if (isWhitespace(c)) {
                    i++;
                } else if (c == '/') {
                    return selfClosing(i + 1);
                } else if (c == '=') {
                    return beforeValue(i + 1);
                } else if (c == '>') {
                    return emit(i + 1);
                } else if (c == NUL) {
                    // jsoup appends U+FFFD to the pending name and goes on reading it
                    appendName(i, i + 1);
                    return name(i + 1, i + 1);
                } else {
                    newAttribute();
                    return name(i + 1, i);
                }
            }
            return DROPPED;
        }

        private int beforeValue(int start) {
            int i = start;
            while (i < n && isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return emit(n); // jsoup emits a tag cut off here, with a valueless attribute
            }
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                return quoted(i + 1, c);
            }
            if (c == '>') {
                return emit(i + 1);
            }
            return unquoted(i);
        }

        private int quoted(int start, char quote) {
            int close = text.indexOf(quote, start);
            if (close < 0) {
                return DROPPED;
            }
            valueStart = start;
            valueEnd = close;
            return afterQuotedValue(close + 1);
        }

        private int unquoted(int start) {
            int i = start;
            while (i < n) {
                char c = text.charAt(i);
                if (isWhitespace(c)) {
                    valueStart = start;
                    valueEnd = i;
                    return beforeName(i + 1);
                }
                if (c == '>') {
                    valueStart = start;
                    valueEnd = i;
                    return emit(i + 1);
                }
                i++;
            }
            return DROPPED;
        }

        private int afterQuotedValue(int i) {
            if (i >= n) {
                return DROPPED;
            }
            char c = text.charAt(i);
            if (isWhitespace(c)) {
                return beforeName(i + 1);
            }
            if (c == '/') {
                return selfClosing(i + 1);
            }
            if (c == '>') {
                return emit(i + 1);
            }
            return beforeName(i); // reconsumed: a new attribute starts right after the quote
        }

        private int selfClosing(int i) {
            if (i >= n) {
                return DROPPED;
            }
            if (text.charAt(i) == '>') {
                out.selfClosing();
                return emit(i + 1);
            }
            return beforeName(i);
        }

        private int emit(int end) {
            newAttribute();
            return end;
        }

        private void appendName(int from, int to) {
            if (!keep) {
                return;
            }
            if (pendingName == null) {
                pendingName = new StringBuilder();
            }
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                pendingName.append(c == NUL ? '\uFFFD' : c);
            }
        }

        /** Ends the pending attribute (if any) and starts a new one, as jsoup's newAttribute. */
        private void newAttribute() {
            if (keep && pendingName != null && !pendingName.isEmpty()) {
                out.attribute(pendingName.toString(), valueStart, valueEnd);
            }
            if (pendingName != null) {
                pendingName.setLength(0);
            }
            valueStart = -1;
            valueEnd = -1;
        }
    }
}
