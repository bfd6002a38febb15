package dev.crawler.parse;

import java.util.Locale;

/**
 * Skips the content of an element whose text the tokenizer does not parse for tags, to where
 * jsoup's tokenizer returns to its data state: after the appropriate end tag (one whose name
 * equals the start tag's, ignoring case, followed by whitespace, {@code /} or {@code >}; its
 * attributes are read, since a quoted {@code >} does not end it), or at the end of the text.
 *
 * <ul>
 *   <li>Rawtext ({@code style}, {@code xmp}, {@code iframe}, {@code noembed}, {@code noframes},
 *       and {@code script} where jsoup's tree builder asks for rawtext, in body): only the end tag.</li>
 *   <li>Script data ({@code script} in head, table and select): jsoup's escaped and double-escaped
 *       states, so {@code <!--<script>...</script>} does not end the script.</li>
 *   <li>RCDATA ({@code title}, {@code textarea}): the end tag, with jsoup's deviation: at a
 *       {@code <} and a letter, when the rest of the text has no {@code </title} (in lower or upper
 *       case) and jsoup's 2 KB reader has read to the end, jsoup ends the element there. Whether it
 *       has read to the end depends on its buffer, so that case is reported as {@link #UNCERTAIN}.</li>
 *   <li>Plaintext: the rest of the text.</li>
 * </ul>
 */
final class TextSkipper {

    /** The skip cannot promise jsoup's result (see RCDATA above). */
    static final int UNCERTAIN = -2;

    private TextSkipper() {
    }

    /** Skips rawtext content starting at {@code from}; returns where data resumes. */
    static int rawtext(ScanText page, int from, TagToken start, TagToken scratch) {
        String text = page.text;
        int n = text.length();
        int i = from;
        while (true) {
            int lt = text.indexOf("</", i);
            if (lt < 0) {
                return n;
            }
            int r = endTagAt(page, lt, start.rawName(), false, scratch);
            if (isEnd(r)) {
                return endOf(r);
            }
            i = r;
        }
    }

    /** Skips RCDATA content starting at {@code from}; returns where data resumes, or {@link #UNCERTAIN}. */
    static int rcdata(ScanText page, int from, TagToken start, TagToken scratch) {
        String text = page.text;
        int n = text.length();
        int closerAhead = from - 1; // a lower- or upper-case "</title" starts here, if >= the '<' in question
        int i = from;
        while (true) {
            int lt = text.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                return n;
            }
            char next = text.charAt(lt + 1);
            if (next == '/') {
                int r = endTagAt(page, lt, start.rawName(), true, scratch);
                if (isEnd(r)) {
                    return endOf(r);
                }
                i = r;
            } else if (isAsciiLetter(next)) {
                if (closerAhead < lt) {
                    closerAhead = closerAfter(text, lt, start.rawName());
                    if (closerAhead < 0) {
                        return UNCERTAIN;
                    }
                }
                i = lt + 1;
            } else {
                i = lt + 1;
            }
        }
    }

    /** Where jsoup's look-ahead finds {@code "</" + name} in lower or upper case after {@code from}, or -1. */
    private static int closerAfter(String text, int from, String name) {
        String closer = "</" + name;
        int lower = text.indexOf(closer.toLowerCase(Locale.ENGLISH), from);
        return lower >= 0 ? lower : text.indexOf(closer.toUpperCase(Locale.ENGLISH), from);
    }

    /** Skips script data starting at {@code from}; returns where data resumes. */
    static int scriptData(ScanText page, int from, TagToken start, TagToken scratch) {
        return new ScriptData(page, start.rawName(), scratch).skip(from);
    }

    /**
     * At {@code lt}, a {@code <} followed by {@code /}: if the element's end tag starts here, reads
     * it and returns {@code -(end + 1)} where {@code end} is the index after it (the text's length
     * if the end of the text cuts it off); else returns where jsoup goes on reading the text,
     * which is after the whole would-be tag name (jsoup reads a name up to whitespace, {@code /}
     * or {@code >}, so {@code </x</style>} does not end a style element).
     *
     * @param letterAfterFirst RCDATA and escaped script data read the first letter on its own and
     *     take a name only if the second character is an ASCII letter too
     */
    static int endTagAt(ScanText page, int lt, String startName, boolean letterAfterFirst, TagToken scratch) {
        String text = page.text;
        int n = text.length();
        int nameStart = lt + 2;
        if (nameStart >= n || !isAsciiLetter(text.charAt(nameStart))) {
            return nameStart;
        }
        if (letterAfterFirst && (nameStart + 1 >= n || !isAsciiLetter(text.charAt(nameStart + 1)))) {
            return nameStart + 1;
        }
        int i = nameStart;
        while (i < n && !TagReader.endsTagName(text.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return n;
        }
        if (!text.substring(nameStart, i).replace('\u0000', '\uFFFD').equalsIgnoreCase(startName)) {
            return i;
        }
        int end = TagReader.read(page, nameStart, true, scratch);
        return -((end == TagReader.DROPPED ? n : end) + 1);
    }

    static boolean isEnd(int endTagAtResult) {
        return endTagAtResult < 0;
    }

    static int endOf(int endTagAtResult) {
        return -endTagAtResult - 1;
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** jsoup's script data states, escaped and double-escaped, as one loop. */
    private static final class ScriptData {

        private enum State { DATA, ESCAPED, ESCAPED_DASH, ESCAPED_DASH_DASH, DOUBLE, DOUBLE_DASH, DOUBLE_DASH_DASH }

        private final ScanText page;
        private final String text;
        private final String startName;
        private final TagToken scratch;
        private final int n;

        ScriptData(ScanText page, String startName, TagToken scratch) {
            this.page = page;
            this.text = page.text;
            this.startName = startName;
            this.scratch = scratch;
            this.n = text.length();
        }

        int skip(int from) {
            State state = State.DATA;
            int i = from;
            while (i < n) {
                char c = text.charAt(i);
                switch (state) {
                    case DATA -> {
                        int lt = text.indexOf('<', i);
                        if (lt < 0 || lt + 1 >= n) {
                            return n;
                        }
                        char next = text.charAt(lt + 1);
                        if (next == '/') {
                            int r = endTagAt(page, lt, startName, false, scratch);
                            if (isEnd(r)) {
                                return endOf(r);
                            }
                            i = r;
                        } else if (next == '!' && text.startsWith("--", lt + 2)) {
                            state = State.ESCAPED_DASH_DASH;
                            i = lt + 4;
                        } else {
                            i = lt + 1;
                        }
                    }
                    case ESCAPED, ESCAPED_DASH, ESCAPED_DASH_DASH -> {
                        if (c == '-') {
                            state = state == State.ESCAPED ? State.ESCAPED_DASH : State.ESCAPED_DASH_DASH;
                            i++;
                        } else if (c == '<') {
                            int after = escapedLessThan(i);
                            if (isEnd(after)) {
                                return endOf(after);
                            }
                            state = isAsciiLetter(charAt(i + 1)) && isDoubleEscapeStart(i + 1) ? State.DOUBLE : State.ESCAPED;
                            i = after;
                        } else if (c == '>' && state == State.ESCAPED_DASH_DASH) {
                            state = State.DATA;
                            i++;
                        } else {
                            state = State.ESCAPED;
                            i++;
                        }
                    }
                    default -> {
                        if (c == '-') {
                            state = state == State.DOUBLE ? State.DOUBLE_DASH : State.DOUBLE_DASH_DASH;
                            i++;
                        } else if (c == '<') {
                            state = State.DOUBLE;
                            i++;
                            if (i < n && text.charAt(i) == '/') {
                                int after = letterRun(i + 1);
                                if (after > i + 1 && endsDoubleEscape(after) && isScript(i + 1, after)) {
                                    state = State.ESCAPED;
                                }
                                i = Math.max(after, i + 1);
                            }
                        } else if (c == '>' && state == State.DOUBLE_DASH_DASH) {
                            state = State.DATA;
                            i++;
                        } else {
                            state = State.DOUBLE;
                            i++;
                        }
                    }
                }
            }
            return n;
        }

        /**
         * At a {@code <} in escaped script data: as {@link #endTagAt} if an end tag may start
         * here, else the index to go on from (after a letter run that may start a double escape,
         * or after the {@code <}).
         */
        private int escapedLessThan(int lt) {
            if (lt + 1 >= n) {
                return n;
            }
            char next = text.charAt(lt + 1);
            if (next == '/') {
                return endTagAt(page, lt, startName, true, scratch);
            }
            if (isAsciiLetter(next)) {
                return letterRun(lt + 1);
            }
            return lt + 1;
        }

        private char charAt(int i) {
            return i < n ? text.charAt(i) : '\u0000';
        }

        /** Whether the letter run at {@code from} is "script" followed by whitespace, / or >. */
        private boolean isDoubleEscapeStart(int from) {
            int after = letterRun(from);
            return endsDoubleEscape(after) && isScript(from, after);
        }

        /** jsoup's consumeLetterSequence: Unicode letters, starting at an ASCII letter. */
        private int letterRun(int from) {
            if (from >= n || !isAsciiLetter(text.charAt(from))) {
                return from;
            }
            int i = from;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private boolean endsDoubleEscape(int i) {
            if (i >= n) {
                return false;
            }
            char c = text.charAt(i);
            return TagReader.isWhitespace(c) || c == '/' || c == '>';
        }

        /** jsoup compares the run with "script" exactly, case included. */
        private boolean isScript(int from, int to) {
            return to - from == 6 && text.startsWith("script", from);
        }
    }
}
