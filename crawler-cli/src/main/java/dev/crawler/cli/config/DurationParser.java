package dev.crawler.cli.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them: {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 1m},
 * {@code 1h}, {@code 1m30s}. A plain number means seconds ({@code 2} is two seconds, as in wget's
 * {@code --wait}). ISO-8601 ({@code PT2S}) is accepted too. Negative durations are refused.
 */
public final class DurationParser {

    /** What the error messages tell the user to write. */
    public static final String FORMAT_HINT =
            "use a number with a unit: 250ms, 2s, 1.5s, 1m, 1h, 1m30s (a plain number means seconds)";

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(ms|s|m|h)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?|\\.\\d+");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private DurationParser() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a message that shows the accepted forms
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty duration; " + FORMAT_HINT);
        }
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("'" + text.trim() + "' is negative; durations must be >= 0");
        }
        if (t.startsWith("p")) {
            return parseIso(text.trim());
        }
        if (NUMBER.matcher(t).matches()) {
            return ofNanos(new BigDecimal(t), NANOS_PER_UNIT.get("s"), text);
        }
        return parseWithUnits(t, text);
    }

    private static Duration parseWithUnits(String t, String original) {
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(ofNanos(new BigDecimal(m.group(1)), NANOS_PER_UNIT.get(m.group(2)), original));
            end = m.end();
        }
        if (end != t.length() || end == 0) {
            throw new IllegalArgumentException("'" + original + "' is not a duration; " + FORMAT_HINT);
        }
        return total;
    }

    private static Duration ofNanos(BigDecimal amount, long nanosPerUnit, String original) {
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.HALF_UP);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + original + "' is too long a duration");
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    private static Duration parseIso(String text) {
        try {
            Duration d = Duration.parse(text.toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw new IllegalArgumentException("'" + text + "' is negative; durations must be >= 0");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + FORMAT_HINT, e);
        }
    }

    /** The shortest of {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 1h} that is exact. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        for (String unit : new String[] {"h", "m", "s", "ms"}) {
            long per = NANOS_PER_UNIT.get(unit);
            if (nanos % per == 0) {
                return nanos / per + unit;
            }
        }
        return BigDecimal.valueOf(nanos).movePointLeft(6).stripTrailingZeros().toPlainString() + "ms";
    }
}
