package dev.crawler.cli.config;

import dev.crawler.FetchMode;
import dev.crawler.net.Transport;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Small text-to-value parsers for settings; each throws {@link IllegalArgumentException} with a reason. */
public final class ValueParsers {

    private ValueParsers() {
    }

    /** A whole number >= 1. */
    public static int positiveInt(String text) {
        long n = wholeNumber(text);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text.trim() + "' must be a whole number from 1 to " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** A whole number >= 0. */
    public static int nonNegativeInt(String text) {
        long n = wholeNumber(text);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text.trim() + "' must be a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** A finite decimal number >= 0, such as {@code 2} or {@code 0.5}. */
    public static double factor(String text) {
        double f;
        try {
            f = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a number", e);
        }
        if (!(f >= 0) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("'" + text.trim() + "' must be a number >= 0 (0: off)");
        }
        return f;
    }

    /** A whole number >= 0, or -1 / {@code unlimited} for no limit (returned as -1). */
    public static int depthLimit(String text) {
        long n = limit(text);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text.trim() + "' is too large");
        }
        return (int) n;
    }

    /** A whole number >= 1, or -1 / {@code unlimited} for no limit (returned as -1). */
    public static long countLimit(String text) {
        long n = limit(text);
        if (n == 0) {
            throw new IllegalArgumentException("'0' is not a limit; use a number >= 1, or -1 (unlimited) for none");
        }
        return n;
    }

    private static long limit(String text) {
        if ("unlimited".equalsIgnoreCase(text.trim())) {
            return -1;
        }
        long n = wholeNumber(text);
        if (n < -1) {
            throw new IllegalArgumentException("'" + text.trim() + "' must be >= 0, or -1 (unlimited) for no limit");
        }
        return n;
    }

    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a whole number", e);
        }
    }

    /** {@code true}/{@code false} (also yes/no, on/off). */
    public static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + text.trim() + "' is not true or false");
        };
    }

    /** A non-blank string, trimmed. */
    public static String text(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return text.trim();
    }

    /** A regular expression that compiles; kept as text. */
    public static String regex(String text) {
        try {
            Pattern.compile(text);
            return text;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid regular expression: "
                    + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""), e);
        }
    }

    /** A file system path. */
    public static Path path(String text) {
        try {
            return Path.of(text(text));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid path: " + e.getReason(), e);
        }
    }

    /** {@code sync}, {@code threads}, {@code virtual} or {@code async}. */
    public static FetchMode mode(String text) {
        return FetchMode.parse(text);
    }

    /** {@code epoll}, {@code io_uring}, {@code nio} or {@code nio-poll} ({@code -} and {@code _} alike). */
    public static Transport transport(String text) {
        return Transport.fromName(text);
    }
}
