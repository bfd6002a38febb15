package dev.crawler.parse;

import java.util.Optional;
import org.jsoup.parser.Parser;

/**
 * Reads a page's links in one pass over its text, without building a DOM: it finds each
 * {@code <}, skips what jsoup's tokenizer skips (comments, including {@code <!-->} and
 * {@code <!--->}; bogus comments {@code <? ...>}, {@code </ ...>}, {@code <! ...>}; doctypes;
 * CDATA sections; the content of rawtext, RCDATA, script data and plaintext elements), reads tags
 * as jsoup does ({@link TagReader}) and hands them to {@link InsertionModes}, which records the
 * link elements jsoup's DOM would hold, in its order.
 *
 * <p>Empty when the page is one whose jsoup tree the scanner cannot promise (see
 * {@link InsertionModes} and {@link TextSkipper#UNCERTAIN}); the caller then parses it with jsoup.
 * Not thread-safe: one scanner per page.
 */
final class LinkScanner {

    private static final int UNCERTAIN = -2;

    private final ScanText page;
    private final String text;
    private final int n;
    private final MarkupLinks.Builder links = new MarkupLinks.Builder();
    private final InsertionModes modes = new InsertionModes(links);
    private final TagToken tag = new TagToken();
    private final TagToken scratch = new TagToken();

    private LinkScanner(String text) {
        this.page = ScanText.of(text);
        this.text = text;
        this.n = text.length();
    }

    /** The links of a decoded page, or empty if only jsoup's tree builder can tell them. */
    static Optional<MarkupLinks> scan(String text) {
        return new LinkScanner(text).run();
    }

    private Optional<MarkupLinks> run() {
        int i = 0;
        while (i < n) {
            int lt = page.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (modes.watchesText() && textEnd > i && !isBlank(i, textEnd)) {
                modes.text();
            }
            if (lt < 0) {
                break;
            }
            i = markup(lt);
            if (i == UNCERTAIN) {
                return Optional.empty();
            }
        }
        return Optional.of(links.build());
    }

    /** At a {@code <}: returns where text resumes after whatever starts here. */
    private int markup(int lt) {
        if (lt + 1 >= n) {
            return literalLessThan(lt);
        }
        char c = page.at(lt + 1);
        if (c == '!') {
            return declaration(lt);
        }
        if (c == '/') {
            return endTag(lt);
        }
        if (c == '?' && page.isQuestionMark(lt + 1)) {
            return afterGreaterThan(lt + 2); // bogus comment
        }
        if (TextSkipper.isAsciiLetter(c)) {
            return startTag(lt);
        }
        return literalLessThan(lt);
    }

    private int literalLessThan(int lt) {
        modes.text();
        return lt + 1;
    }

    private int startTag(int lt) {
        int end = TagReader.read(page, lt + 1, false, tag);
        if (end == TagReader.DROPPED) {
            return n;
        }
        return switch (modes.start(tag)) {
            case DATA -> end;
            case RAWTEXT -> TextSkipper.rawtext(page, end, tag, scratch);
            case SCRIPT_DATA -> TextSkipper.scriptData(page, end, tag, scratch);
            case RCDATA -> {
                int after = TextSkipper.rcdata(page, end, tag, scratch);
                yield after == TextSkipper.UNCERTAIN ? UNCERTAIN : after;
            }
            case PLAINTEXT -> n;
            case UNCERTAIN -> UNCERTAIN;
        };
    }

    private int endTag(int lt) {
        if (lt + 2 >= n) {
            modes.text(); // "</" at the very end is text
            return n;
        }
        char c = page.at(lt + 2);
        if (TextSkipper.isAsciiLetter(c)) {
            int end = TagReader.read(page, lt + 2, true, tag);
            if (end == TagReader.DROPPED) {
                return n;
            }
            return modes.end(tag) ? end : UNCERTAIN;
        }
        return c == '>' ? lt + 3 : afterGreaterThan(lt + 2); // "</>" is dropped, else a bogus comment
    }

    private int declaration(int lt) {
        if (text.startsWith("--", lt + 2)) {
            return Comments.end(text, lt + 4);
        }
        if (text.regionMatches(true, lt + 2, "DOCTYPE", 0, 7)) {
            return afterGreaterThan(lt + 9); // every doctype state ends at '>'
        }
        if (text.startsWith("[CDATA[", lt + 2)) {
            int close = text.indexOf("]]>", lt + 9);
            int contentEnd = close < 0 ? n : close;
            if (modes.watchesText() && !isBlank(lt + 9, contentEnd)) {
                modes.text(); // jsoup gives CDATA to the tree builder as characters
            }
            return close < 0 ? n : close + 3;
        }
        return afterGreaterThan(lt + 2); // bogus comment
    }

    private int afterGreaterThan(int from) {
        int gt = page.indexOf('>', from);
        return gt < 0 ? n : gt + 1;
    }

    /** Whether text (as jsoup's data state reads it, character references decoded) is all whitespace. */
    private boolean isBlank(int from, int to) {
        byte[] b = page.latin1;
        for (int i = from; i < to; i++) {
            char c = (char) (b[i] & 0xFF);
            if (c == '&') {
                return isBlankDecoded(text.substring(from, to));
            }
            if (!TagReader.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlankDecoded(String raw) {
        String decoded = Parser.unescapeEntities(raw, false);
        for (int i = 0; i < decoded.length(); i++) {
            if (!TagReader.isWhitespace(decoded.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
