package dev.crawler.sim;

import java.util.SplittableRandom;

/**
 * Deterministic filler words for document-layout pages, already written as HTML: with
 * {@code entities} on, a fair share of them are character references (named, decimal and
 * hexadecimal: {@code &amp;amp;}, {@code &amp;nbsp;}, {@code &amp;#8217;}, {@code &amp;eacute;}, an
 * escaped tag {@code &amp;lt;div&amp;gt;}), which a parser must decode; without, the plain words of
 * {@link HtmlRenderer}. Lengths are counted in UTF-8 bytes, so a page can be padded to an exact size.
 */
final class FillerText {

    /** Words that are, or hold, character references; every one decodes to text, never to markup. */
    static final String[] ENTITY_WORDS = {
        "&amp;", "&nbsp;", "caf&eacute;", "na&iuml;ve", "it&#8217;s", "&#x201C;quoted&#x201D;", "&mdash;",
        "&copy;&nbsp;2024", "&hellip;", "5&nbsp;&times;&nbsp;3", "&euro;10", "&laquo;back&raquo;",
        "Stra&szlig;e", "&lt;div&gt;", "a&nbsp;&lt;&nbsp;b", "&quot;say&quot;", "&#233;t&#233;", "&#x3C;p&#x3E;",
        "R&amp;D", "&frac12;", "&rarr;", "d&eacute;j&agrave;&nbsp;vu", "&#169;", "&apos;tis",
    };
    private static final int[] ENTITY_BYTES = lengths(ENTITY_WORDS);
    private static final int[] WORD_BYTES = lengths(HtmlRenderer.WORDS);

    private final boolean entities;

    FillerText(boolean entities) {
        this.entities = entities;
    }

    /** Appends {@code count} words, each followed by a space. */
    void words(StringBuilder out, SplittableRandom rng, int count) {
        for (int i = 0; i < count; i++) {
            int w = pick(rng);
            out.append(word(w)).append(' ');
        }
    }

    /**
     * Appends words until exactly {@code bytes} UTF-8 bytes are written (spaces pad the last
     * few), a line break every dozen words; nothing for 0 or less.
     */
    void fill(StringBuilder out, SplittableRandom rng, int bytes) {
        int budget = bytes;
        int onLine = 0;
        while (budget > 0) {
            int w = pick(rng);
            int size = wordBytes(w);
            if (size + 1 > budget) {
                out.append(" ".repeat(budget));
                return;
            }
            out.append(word(w)).append(++onLine % 12 == 0 ? '\n' : ' ');
            budget -= size + 1;
        }
    }

    /** One word in four is a character reference when entities are on. */
    private int pick(SplittableRandom rng) {
        if (entities && rng.nextInt(4) == 0) {
            return -1 - rng.nextInt(ENTITY_WORDS.length);
        }
        return rng.nextInt(HtmlRenderer.WORDS.length);
    }

    private static String word(int w) {
        return w < 0 ? ENTITY_WORDS[-1 - w] : HtmlRenderer.WORDS[w];
    }

    private static int wordBytes(int w) {
        return w < 0 ? ENTITY_BYTES[-1 - w] : WORD_BYTES[w];
    }

    private static int[] lengths(String[] words) {
        int[] out = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = HtmlRenderer.utf8Length(words[i]);
        }
        return out;
    }
}
