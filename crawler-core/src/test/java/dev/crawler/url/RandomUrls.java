package dev.crawler.url;

import java.util.Random;

/** Seeded random URL-ish strings for property tests. */
final class RandomUrls {

    private static final String[] PIECES = {
        "http://", "https://", "HTTP://", "http:", "//", "/", "\\", "?", "#", "@", ":", ":8080", ":80", "[", "]",
        "[::1]", ".", "..", "%", "%2e", "%2E%2e", "%2f", "%00", "%zz", "%41", "%c3%a9", "a", "B", "site-1.sim",
        "example.com", "xn--", "-", "_", "~", " ", "\t", "\n", "é", "ü", "\u3002", "\uFF0E", "\uD83D\uDE00",
        "\uD800", "\u0000", "\u007F", "0x7f", "1", "255", "999", "index", "CON", "javascript:", "mailto:", "*",
        "\"", "<", ">", "|", "=", "&", "+", ";", ",", "!", "'", "(", ")", "$", "^", "`", "{", "}",
    };

    private RandomUrls() {
    }

    /** A random string built from URL pieces, often (not always) starting like an http URL. */
    static String messy(Random random) {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(3) > 0) {
            s.append(random.nextBoolean() ? "http://" : "https://");
            s.append(random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)] : "host" + random.nextInt(5) + ".sim");
        }
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(8) == 0) {
                s.append((char) random.nextInt(0x3000));
            } else {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return s.toString();
    }
}
