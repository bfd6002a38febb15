package dev.crawler.cli.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads byte sizes: {@code 512}, {@code 64KB}, {@code 10MB}, {@code 1.5MiB}, {@code 2g}. Units are
 * binary whatever their spelling ({@code 1KB} = {@code 1KiB} = 1024 bytes), as in most crawlers'
 * and download tools' limits; a plain number is bytes. Case and a space before the unit don't matter.
 */
public final class SizeParser {

    public static final String FORMAT_HINT =
            "use a number of bytes or a number with a unit: 512, 64KB, 10MB, 1.5GB (KB = 1024 bytes)";

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([kmgt]?)(i?b)?");

    private SizeParser() {
    }

    /**
     * Parses {@code text} into a number of bytes.
     *
     * @throws IllegalArgumentException with a message that shows the accepted forms
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("'" + text.trim() + "' is negative; sizes must be >= 0");
        }
        Matcher m = SIZE.matcher(t);
        boolean matches = m.matches();
        boolean unitless = matches && m.group(2).isEmpty();
        if (!matches || (unitless && "ib".equals(m.group(3)))) {
            throw new IllegalArgumentException("'" + (text == null ? "" : text.trim()) + "' is not a size; " + FORMAT_HINT);
        }
        int shift = unitless ? 0 : 10 * (1 + "kmgt".indexOf(m.group(2)));
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift))
                .setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text.trim() + "' is too large a size");
        }
        return bytes.longValueExact();
    }

    /** The shortest exact form, such as {@code 10MB}, {@code 64KB} or {@code 1000}. */
    public static String format(long bytes) {
        String[] units = {"TB", "GB", "MB", "KB"};
        for (int i = 0; i < units.length; i++) {
            long per = 1L << (10 * (units.length - i));
            if (bytes != 0 && bytes % per == 0) {
                return bytes / per + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
