package dev.crawler.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Whether a response is HTML, the only kind the crawler takes links from: its media type is
 * {@code text/html} or {@code application/xhtml+xml}; with no media type, its first bytes (after
 * a BOM and white space) open {@code <!doctype html}, {@code <html}, {@code <head} or
 * {@code <body} (case-insensitive).
 */
public final class HtmlDetector {

    private static final int SNIFF_BYTES = 512;
    private static final List<String> OPENINGS = List.of("<!doctype html", "<html", "<head", "<body");

    private HtmlDetector() {
    }

    /**
     * @param mediaType a media type ({@code text/html}) or a whole Content-Type value
     *     ({@code text/html; charset=utf-8}); null or blank when the response had none
     * @param body the body, used only when there is no media type; may be null
     */
    public static boolean isHtml(String mediaType, byte[] body) {
        if (mediaType != null && !mediaType.isBlank()) {
            String essence = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            return essence.equals("text/html") || essence.equals("application/xhtml+xml");
        }
        return body != null && looksLikeHtml(body);
    }

    private static boolean looksLikeHtml(byte[] body) {
        int start = CharsetDetector.fromBom(body).isPresent() && (body[0] & 0xFF) == 0xEF ? 3 : 0;
        String head = new String(body, start, Math.min(body.length - start, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        for (String opening : OPENINGS) {
            int end = opening.length();
            if (head.startsWith(opening) && (head.length() == end || isTagEnd(head.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTagEnd(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }
}
