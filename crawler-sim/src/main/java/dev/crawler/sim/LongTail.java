package dev.crawler.sim;

/**
 * How a whole number that describes a page (its size in bytes, its number of links) spreads
 * around its median from page to page: log-normal, truncated to {@code [min, max]}.
 *
 * <p>Real page sizes and link counts are long-tailed: most pages sit near a typical value, a few
 * are ten or twenty times larger, and those few carry a large share of the bytes. A log-normal
 * has that shape with two numbers (the median and {@code sigma}, the standard deviation of the
 * logarithm); truncating it, rather than clamping, keeps the bounds from piling up pages at
 * exactly {@code min} or {@code max}. The median comes from the {@link SimConfig}
 * ({@code pageBytes}, {@code linksPerPage}), so that an option like {@code --page-bytes} keeps
 * meaning "a typical page"; it is the median before truncation, so a bound that cuts off more of
 * one side than the other moves the drawn median (the realistic profile's 24 KB comes out near
 * 28 KB, its 40 links near 48).
 *
 * @param min smallest value a page may get
 * @param max largest value a page may get
 * @param sigma standard deviation of the natural logarithm; 0 gives every page the median
 */
public record LongTail(int min, int max, double sigma) {

    /** No spread: every page gets exactly the median. */
    public static final LongTail NONE = new LongTail(0, Integer.MAX_VALUE, 0.0);

    /** Validates the fields; messages name them. */
    public LongTail {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("a long tail needs 0 <= min <= max, was min " + min + ", max " + max);
        }
        if (!(sigma >= 0 && sigma <= 4)) {
            throw new IllegalArgumentException("sigma of a long tail must be between 0 and 4, was " + sigma);
        }
    }

    /** Whether every page gets the median ({@code sigma} is 0). */
    public boolean fixed() {
        return sigma == 0;
    }

    /** Whether {@code value} lies within {@code [min, max]}. */
    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /**
     * The value at {@code z} standard deviations from the median on the log scale, not yet
     * truncated: {@code round(median * e^(sigma * z))}, or the median itself when {@link #fixed()}.
     * StrictMath, so that every JVM gives the same pages for the same seed.
     */
    long at(int median, double z) {
        if (fixed()) {
            return median;
        }
        return Math.round(median * StrictMath.exp(sigma * z));
    }

    /** The value nearest to {@code value} within {@code [min, max]}. */
    int clamp(long value) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
