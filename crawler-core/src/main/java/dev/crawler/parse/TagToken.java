package dev.crawler.parse;

import java.util.Arrays;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * One start or end tag read by {@link TagReader}: its normal name (lower-cased and trimmed, as
 * jsoup names elements), whether it was self-closing, and, when asked for, its attributes as
 * jsoup keeps them: names trimmed and lower-cased, the first of duplicate names wins, at most
 * {@value #MAX_ATTRIBUTES} attributes, NUL replaced by U+FFFD and character references decoded
 * (only when the value has an {@code &}, through jsoup's own decoder, so the result is jsoup's).
 *
 * <p>Mutable and reused for every tag of a page, so that reading a tag allocates nothing but the
 * strings of the attributes a caller asks for.
 */
final class TagToken {

    /** jsoup drops attributes past this many on one tag (its guard against crafted HTML). */
    static final int MAX_ATTRIBUTES = 512;

    private static final char NUL = '\u0000';
    private static final char REPLACEMENT = '\uFFFD';

    private String text = "";
    private boolean end;
    private boolean selfClosing;
    private String name = "";
    private String rawName = "";
    private int slot = -1;
    private int count;
    private String[] names = new String[8];
    private int[] valueStarts = new int[8];
    private int[] valueEnds = new int[8];

    void reset(String source, boolean endTag) {
        text = source;
        end = endTag;
        selfClosing = false;
        name = "";
        rawName = "";
        slot = -1;
        count = 0;
    }

    /** Names the tag by the text from {@code start} to {@code end}, as written. */
    void name(ScanText page, int start, int end) {
        slot = TagNames.slot(page.latin1, start, end);
        if (slot >= 0) {
            rawName = TagNames.at(slot);
            name = rawName;
        } else {
            name(page.text.substring(start, end));
        }
    }

    private void name(String raw) {
        rawName = raw.indexOf(NUL) >= 0 ? raw.replace(NUL, REPLACEMENT) : raw;
        name = lowerCase(rawName).trim();
    }

    void selfClosing() {
        selfClosing = true;
    }

    boolean isEnd() {
        return end;
    }

    boolean isSelfClosing() {
        return selfClosing;
    }

    String name() {
        return name;
    }

    /**
     * The {@link TagNames} slot of the name when it was written as the kept name, else -1 (the
     * name may still equal a kept one, as {@code <DIV>}'s does).
     */
    int slot() {
        return slot;
    }

    /**
     * The name as written (NUL replaced): jsoup ends raw text only at an end tag whose name equals
     * this one ignoring case, so {@code <script\u0001>} is never closed.
     */
    String rawName() {
        return rawName;
    }

    /**
     * Adds an attribute unless jsoup would not: an empty (after trimming) name, more than
     * {@value #MAX_ATTRIBUTES} on the tag. Duplicates are kept here and skipped by {@link #attr}.
     *
     * @param rawName the name as written (NUL already replaced)
     * @param valueStart start of the raw value in the page text, or -1 for no value
     * @param valueEnd end of the raw value (exclusive)
     */
    void attribute(String rawName, int valueStart, int valueEnd) {
        String trimmed = rawName.trim();
        if (trimmed.isEmpty() || count >= MAX_ATTRIBUTES) {
            return;
        }
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            valueStarts = Arrays.copyOf(valueStarts, count * 2);
            valueEnds = Arrays.copyOf(valueEnds, count * 2);
        }
        names[count] = lowerCase(trimmed);
        valueStarts[count] = valueStart;
        valueEnds[count] = valueEnd;
        count++;
    }

    /** Whether the tag has the attribute (lower-case name). */
    boolean has(String lowerName) {
        return indexOf(lowerName) >= 0;
    }

    /** The decoded value of the first attribute of that (lower-case) name; "" if absent or valueless. */
    String attr(String lowerName) {
        int i = indexOf(lowerName);
        if (i < 0 || valueStarts[i] < 0) {
            return "";
        }
        return decodeValue(text.substring(valueStarts[i], valueEnds[i]));
    }

    /** Names are kept lower-cased as jsoup keeps them, so a plain comparison finds the same ones. */
    private int indexOf(String lowerName) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(lowerName)) {
                return i;
            }
        }
        return -1;
    }

    /** An attribute value as jsoup's tokenizer builds it from the raw text between its delimiters. */
    static String decodeValue(String raw) {
        String value = raw.indexOf(NUL) >= 0 ? raw.replace(NUL, REPLACEMENT) : raw;
        if (value.indexOf('&') < 0) {
            return value;
        }
        return CommonReferences.decode(value).orElseGet(() -> Parser.unescapeEntities(value, true));
    }

    private static String lowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 0x7F) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }
}
