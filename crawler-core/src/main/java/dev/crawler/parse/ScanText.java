package dev.crawler.parse;

import java.nio.charset.StandardCharsets;

/**
 * A page's text as the scanner reads it: the decoded text, and beside it one byte per character
 * ({@code latin1}), which is what the scanner's loops look at. The markup that steers jsoup's
 * tokenizer is all ASCII, and a byte array is read at a fraction of the cost of
 * {@link String#charAt} by the quick compiler a command-line crawl runs with. A character past
 * U+00FF reads as {@code '?'} there (each half of a surrogate pair too); the one place where a {@code ?}
 * steers the tokenizer, right after a {@code <}, checks the text itself. Names and values are cut
 * from {@code text}, at the same indexes.
 */
final class ScanText {

    final String text;
    final byte[] latin1;
    /** The attribute reader of {@link TagReader}, made when a first tag has attributes. */
    TagReader.Attributes attributes;

    private ScanText(String text) {
        this.text = text;
        this.latin1 = oneBytePerChar(text);
    }

    /**
     * The encoder gives one byte per character, except for a surrogate pair (a character past
     * U+FFFF), which it replaces with one {@code '?'}: then the bytes are built one by one.
     */
    private static byte[] oneBytePerChar(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.ISO_8859_1);
        if (encoded.length == text.length()) {
            return encoded;
        }
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        return bytes;
    }

    static ScanText of(String text) {
        return new ScanText(text);
    }

    /** The character at {@code i} if it is in Latin-1, else {@code '?'}. */
    char at(int i) {
        return (char) (latin1[i] & 0xFF);
    }

    /** The first index of ASCII {@code c} at or after {@code from}, or -1. */
    int indexOf(char c, int from) {
        byte[] b = latin1;
        byte target = (byte) c;
        for (int i = Math.max(from, 0); i < b.length; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the character at {@code i} (a {@code '?'} in {@link #latin1}) really is a question mark. */
    boolean isQuestionMark(int i) {
        return text.charAt(i) == '?';
    }
}
