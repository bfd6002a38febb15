package dev.crawler.cli.progress;

import java.time.Duration;
import java.util.Locale;

/** Numbers for people: byte sizes in binary units, elapsed times, rates. */
public final class Units {

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Units() {
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 12.3 MiB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int unit = 0;
        while (v >= 1024 && unit < BYTE_UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, BYTE_UNITS[unit]);
    }

    /** {@code 0:07}, {@code 12:34}, {@code 1:02:03}: a clock that grows as a crawl goes on. */
    public static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** {@code 0.84 s}, {@code 12.3 s}, {@code 2 min 5 s}, {@code 1 h 2 min}. */
    public static String duration(Duration d) {
        double secs = d.toNanos() / 1e9;
        if (secs < 10) {
            return String.format(Locale.ROOT, "%.2f s", secs);
        }
        if (secs < 60) {
            return String.format(Locale.ROOT, "%.1f s", secs);
        }
        long s = Math.round(secs);
        return s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s / 60 % 60) + " min";
    }

    /** {@code 0.5}, {@code 12.3}, {@code 456}: a rate with about three significant digits. */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f" : "%.1f", perSecond);
    }

    /** {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
