package dev.crawler.sim;

import java.util.SplittableRandom;

/**
 * The size and the number of own links of one page, drawn from the web's {@link PageProfile}.
 *
 * <p>The two are drawn together, their logarithms correlated ({@value #CORRELATION}): on the
 * real web a long page tends to have more links, and a page with 3,000 links is never 5 KB long.
 * A pair that falls outside either range is drawn again (truncation), up to {@value #MAX_DRAWS}
 * times, then clamped, so that a very narrow range cannot loop for long. Only
 * {@link SplittableRandom#nextDouble()} and StrictMath are used, so the same seed gives the same
 * pages on every JVM.
 *
 * @param bytes the page's target size in bytes
 * @param links how many links of its own it gets
 */
record PageDimensions(int bytes, int links) {

    /** Correlation of log size and log link count. */
    static final double CORRELATION = 0.6;
    static final int MAX_DRAWS = 64;
    private static final double INDEPENDENT = StrictMath.sqrt(1 - CORRELATION * CORRELATION);

    /** The dimensions of a page of {@code config}'s web, drawn with {@code rng}; none drawn when nothing spreads. */
    static PageDimensions draw(SimConfig config, SplittableRandom rng) {
        LongTail sizes = config.pageProfile().bytes();
        LongTail counts = config.pageProfile().links();
        long bytes = config.pageBytes();
        long links = config.linksPerPage();
        if (sizes.fixed() && counts.fixed()) {
            return new PageDimensions((int) bytes, (int) links);
        }
        for (int i = 0; i < MAX_DRAWS; i++) {
            double zBytes = gaussian(rng);
            double zLinks = CORRELATION * zBytes + INDEPENDENT * gaussian(rng);
            bytes = sizes.at(config.pageBytes(), zBytes);
            links = counts.at(config.linksPerPage(), zLinks);
            if (sizes.contains(bytes) && counts.contains(links)) {
                break;
            }
        }
        return new PageDimensions(sizes.clamp(bytes), counts.clamp(links));
    }

    /** A standard normal deviate (Box-Muller). */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]: the logarithm stays finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }
}
