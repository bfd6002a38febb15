package dev.crawler.cookies;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * The lenient date of an {@code Expires} attribute, read by the algorithm of RFC 6265 §5.1.1,
 * which accepts what servers really send ({@code Wed, 09 Jun 2021 10:18:14 GMT},
 * {@code Sunday, 06-Nov-94 08:49:37 GMT}, {@code Sun Nov  6 08:49:37 1994}, and worse): the text
 * is cut into tokens at delimiters, and each token, in order, is taken as the first of time,
 * day of month, month and year that it fits and that is still missing. Two-digit years 70-99 are
 * 19xx, 00-69 are 20xx. Every date is UTC, whatever zone the text names.
 */
final class CookieDate {

    private static final String[] MONTHS =
            {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private CookieDate() {
    }

    /** The instant {@code text} names, or empty if it is no cookie date (or no real date). */
    static Optional<Instant> parse(String text) {
        Fields fields = new Fields();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && isDelimiter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !isDelimiter(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields.take(text.substring(start, i));
            }
        }
        return fields.toInstant();
    }

    /** delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E */
    private static boolean isDelimiter(char c) {
        return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40)
                || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /**
     * The number in the digits of {@code token} from {@code start}, if there are between
     * {@code min} and {@code max} of them and they end the token or a non-digit follows; else -1.
     * The end index is left in {@code end[0]}.
     */
    private static int digits(String token, int start, int min, int max, int[] end) {
        int i = start;
        while (isDigit(token, i)) {
            i++;
        }
        int count = i - start;
        if (count < min || count > max) {
            return -1;
        }
        end[0] = i;
        return Integer.parseInt(token, start, i, 10);
    }

    /** The date's parts as they are found; each is -1 until then. */
    private static final class Fields {
        int hour = -1;
        int minute = -1;
        int second = -1;
        int day = -1;
        int month = -1;
        int year = -1;

        void take(String token) {
            if (hour < 0 && takeTime(token)) {
                return;
            }
            int[] end = new int[1];
            if (day < 0) {
                int d = digits(token, 0, 1, 2, end);
                if (d >= 0) {
                    day = d;
                    return;
                }
            }
            if (month < 0 && token.length() >= 3) {
                String prefix = token.substring(0, 3).toLowerCase(Locale.ROOT);
                for (int m = 0; m < MONTHS.length; m++) {
                    if (MONTHS[m].equals(prefix)) {
                        month = m + 1;
                        return;
                    }
                }
            }
            if (year < 0) {
                year = digits(token, 0, 2, 4, end);
            }
        }

        /** time = hms-time ( non-digit *OCTET ); hms-time = 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT */
        private boolean takeTime(String token) {
            int[] end = new int[1];
            int h = digits(token, 0, 1, 2, end);
            if (h < 0 || end[0] >= token.length() || token.charAt(end[0]) != ':') {
                return false;
            }
            int m = digits(token, end[0] + 1, 1, 2, end);
            if (m < 0 || end[0] >= token.length() || token.charAt(end[0]) != ':') {
                return false;
            }
            int s = digits(token, end[0] + 1, 1, 2, end);
            if (s < 0) {
                return false;
            }
            hour = h;
            minute = m;
            second = s;
            return true;
        }

        Optional<Instant> toInstant() {
            if (hour < 0 || day < 0 || month < 0 || year < 0) {
                return Optional.empty();
            }
            int fullYear = year >= 70 && year <= 99 ? year + 1900 : year <= 69 ? year + 2000 : year;
            if (day < 1 || day > 31 || fullYear < 1601 || hour > 23 || minute > 59 || second > 59) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDateTime.of(fullYear, month, day, hour, minute, second)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e) {
                return Optional.empty(); // a day the month does not have, such as 31 Feb
            }
        }
    }
}
