package dev.crawler.bench.run;

import java.util.Locale;

/**
 * The unmeasured crawl that warmed the simulated web before the first run of a bench
 * ({@link BenchPlan#simWarmup()}): what it was and what it did, for the report to say.
 *
 * @param mode the crawler's mode
 * @param concurrency its concurrency
 * @param limitSeconds the longest it could crawl
 * @param pages pages it fetched (0 if it failed)
 * @param wallSeconds how long it crawled
 * @param serverCpuSeconds CPU time the server spent meanwhile
 * @param failure why it failed, or null
 */
public record SimWarmup(BenchMode mode, int concurrency, long limitSeconds, long pages, double wallSeconds,
        double serverCpuSeconds, String failure) {

    /** One line for the console and the Markdown file. */
    public String describe() {
        String what = "the simulated web was warmed before the first run by an unmeasured crawl (" + mode.label()
                + " at concurrency " + concurrency + ", up to " + limitSeconds + " s, in a JVM of its own)";
        return failure != null ? "Not warmed: " + what + " failed: " + failure
                : "Warm-up: " + what + String.format(Locale.ROOT, ": %d pages in %.1f s, server CPU %.1f s.", pages,
                        wallSeconds, serverCpuSeconds);
    }
}
