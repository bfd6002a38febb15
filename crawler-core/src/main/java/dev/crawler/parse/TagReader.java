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
     * @param page the page
     * @param nameStart the index of the tag name's first letter (after {@code <} or {@code </})
     * @param endTag whether this is an end tag
     * @param out filled with the tag
     * @return the index after the tag's {@code >} (or the text's length for a tag emitted at the
     *     end of the text), or {@link #DROPPED}
     */
    static int read(ScanText page, int nameStart, boolean endTag, TagToken out) {
        out.reset(page.text, endTag);
        byte[] b = page.latin1;
        int n = b.length;
        int i = nameStart;
        while (i < n && !endsTagName((char) (b[i] & 0xFF))) {
            i++;
        }
        out.name(page, nameStart, i);
        if (i >= n) {
            return DROPPED;
        }
        if (b[i] == '>') {
            return i + 1; // no attributes, as most end tags
        }
        if (page.attributes == null) {
            page.attributes = new Attributes(page);
        }
        return page.attributes.start(out, !endTag && LinkTags.readsAttributes(out.name())).from(i);
    }

    /** The characters that end a tag name in jsoup ({@code consumeTagName}). */
    static boolean endsTagName(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '/' || c == '>';
    }

    static boolean isWhitespace(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ';
    }

    /**
     * The attribute states of a tag, as one loop (a tag may have any number of attributes);
     * {@code keep} says whether attributes are recorded. The states read the page's bytes; names
     * are recorded from its text. One per page ({@link ScanText#attributes}), reset for each tag.
     */
    static final class Attributes {

        private enum State { BEFORE_NAME, NAME, AFTER_NAME, BEFORE_VALUE, AFTER_QUOTED_VALUE, SELF_CLOSING }

        private final ScanText page;
        private final byte[] bytes;
        private final String text;
        private final int n;
        private TagToken out;
        private boolean keep;
        private StringBuilder pendingName;
        private int nameStart;
        private int valueStart = -1;
        private int valueEnd = -1;

        Attributes(ScanText page) {
            this.page = page;
            this.bytes = page.latin1;
            this.text = page.text;
            this.n = bytes.length;
        }

        /** Ready to read the attributes of one tag into {@code out}. */
        Attributes start(TagToken out, boolean keep) {
            this.out = out;
            this.keep = keep;
            if (pendingName != null) {
                pendingName.setLength(0);
            }
            valueStart = -1;
            valueEnd = -1;
            return this;
        }

        /** Starts at the character that ended the tag name; returns as {@link TagReader#read}. */
        int from(int start) {
            byte[] b = bytes;
            char first = (char) (b[start] & 0xFF);
            if (first == '>') {
                return start + 1;
            }
            State state = first == '/' ? State.SELF_CLOSING : State.BEFORE_NAME;
            int i = start + 1;
            while (true) {
                if (i >= n) {
                    // jsoup drops a tag the text cuts off, except right before an attribute value
                    return state == State.BEFORE_VALUE ? emit(n) : DROPPED;
                }
                char c = (char) (b[i] & 0xFF);
                switch (state) {
                    case BEFORE_NAME -> {
                        if (c == '>') {
                            return emit(i + 1);
                        }
                        if (c == '/') {
                            state = State.SELF_CLOSING;
                        } else if (!isWhitespace(c)) {
                            startName(i); // a quote or = here starts the name too
                            state = State.NAME;
                        }
                        i++;
                    }
                    case NAME -> {
                        while (i < n && !endsName((char) (b[i] & 0xFF))) {
                            i++;
                        }
                        appendName(nameStart, i);
                        if (i >= n) {
                            return DROPPED;
                        }
                        c = (char) (b[i] & 0xFF);
                        if (c == '>') {
                            return emit(i + 1);
                        }
                        state = c == '=' ? State.BEFORE_VALUE : c == '/' ? State.SELF_CLOSING : State.AFTER_NAME;
                        i++;
                    }
                    case AFTER_NAME -> {
                        if (c == '>') {
                            return emit(i + 1);
                        }
                        if (c == '/') {
                            state = State.SELF_CLOSING;
                            i++;
                        } else if (c == '=') {
                            state = State.BEFORE_VALUE;
                            i++;
                        } else if (c == NUL) {
                            // jsoup appends U+FFFD to the pending name and goes on reading it
                            appendName(i, i + 1);
                            nameStart = i + 1;
                            state = State.NAME;
                            i++;
                        } else if (isWhitespace(c)) {
                            i++;
                        } else {
                            startName(i);
                            state = State.NAME;
                            i++;
                        }
                    }
                    case BEFORE_VALUE -> {
                        if (c == '>') {
                            return emit(i + 1);
                        }
                        if (c == '"' || c == '\'') {
                            int close = page.indexOf(c, i + 1);
                            if (close < 0) {
                                return DROPPED;
                            }
                            valueStart = i + 1;
                            valueEnd = close;
                            state = State.AFTER_QUOTED_VALUE;
                            i = close + 1;
                        } else if (isWhitespace(c)) {
                            i++;
                        } else {
                            int end = i;
                            while (end < n && !isWhitespace((char) (b[end] & 0xFF)) && b[end] != '>') {
                                end++;
                            }
                            if (end >= n) {
                                return DROPPED;
                            }
                            valueStart = i;
                            valueEnd = end;
                            if (b[end] == '>') {
                                return emit(end + 1);
                            }
                            state = State.BEFORE_NAME;
                            i = end + 1;
                        }
                    }
                    case AFTER_QUOTED_VALUE -> {
                        if (c == '>') {
                            return emit(i + 1);
                        }
                        if (c == '/') {
                            state = State.SELF_CLOSING;
                            i++;
                        } else {
                            state = State.BEFORE_NAME; // whitespace is skipped there; anything else starts a name
                            i += isWhitespace(c) ? 1 : 0;
                        }
                    }
                    case SELF_CLOSING -> {
                        if (c == '>') {
                            out.selfClosing();
                            return emit(i + 1);
                        }
                        state = State.BEFORE_NAME; // reconsumed
                    }
                }
            }
        }

        private static boolean endsName(char c) {
            return isWhitespace(c) || c == '/' || c == '=' || c == '>';
        }

        /** Ends the pending attribute and starts one whose name begins at {@code i}. */
        private void startName(int i) {
            newAttribute();
            nameStart = i;
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

        /** Ends the pending attribute (if any), as jsoup's newAttribute. */
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
