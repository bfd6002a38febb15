package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The long-tailed sizes and link counts of realistic pages. */
class PageDimensionsTest {

    private static final int DRAWS = 20_000;
    private static final SimConfig REALISTIC = SimConfig.defaults().withRealisticPages();

    @Test
    void everyDrawIsWithinTheRanges() {
        List<PageDimensions> all = draws(REALISTIC, 1);
        assertThat(all).allSatisfy(d -> {
            assertThat(d.bytes()).isBetween(5 * 1024, 500 * 1024);
            assertThat(d.links()).isBetween(10, 3000);
        });
    }

    @Test
    void theSameSeedGivesTheSameDrawsAndAnotherSeedOthers() {
        assertThat(draws(REALISTIC, 7)).isEqualTo(draws(REALISTIC, 7)).isNotEqualTo(draws(REALISTIC, 8));
    }

    @Test
    void sizesHaveTheMedianAndALongTail() {
        int[] sizes = draws(REALISTIC, 3).stream().mapToInt(PageDimensions::bytes).sorted().toArray();
        double median = sizes[DRAWS / 2];
        double mean = Arrays.stream(sizes).average().orElseThrow();
        // truncation at 5 KB (and at 10 links, which are drawn together) lifts the median above the configured 24 KB
        assertThat(median).isBetween(24 * 1024 * 1.0, 24 * 1024 * 1.25);
        assertThat(mean).as("mean").isBetween(36 * 1024.0, 46 * 1024.0);
        assertThat(mean / median).as("mean over median: skewed to the right").isGreaterThan(1.4);
        assertThat(share(sizes, sizes.length * 99 / 100)).as("share of bytes in the largest 1%").isGreaterThan(0.05);
        assertThat(count(sizes, s -> s > 200 * 1024)).as("pages over 200 KB").isGreaterThan(DRAWS / 200);
        assertThat(sizes[sizes.length - 1]).as("largest").isGreaterThan(400 * 1024);
        // truncated, not clamped: no pile of pages at the bounds
        assertThat(count(sizes, s -> s == 5 * 1024 || s == 500 * 1024)).isLessThan(DRAWS / 1000);
    }

    @Test
    void linkCountsHaveTheMedianAndALongTail() {
        int[] links = draws(REALISTIC, 4).stream().mapToInt(PageDimensions::links).sorted().toArray();
        // truncation at 10 lifts the median above the configured 40
        assertThat(links[DRAWS / 2]).isBetween(44, 54);
        assertThat(count(links, n -> n > 1000)).as("pages with over 1,000 links").isGreaterThan(DRAWS / 2000);
        assertThat(links[links.length - 1]).isGreaterThan(1500);
        assertThat(Arrays.stream(links).average().orElseThrow()).isBetween(70.0, 110.0);
    }

    @Test
    void largerPagesHaveMoreLinks() {
        List<PageDimensions> bySize = draws(REALISTIC, 5).stream()
                .sorted((a, b) -> Integer.compare(a.bytes(), b.bytes())).toList();
        double smallest = bySize.subList(0, DRAWS / 10).stream().mapToInt(PageDimensions::links).average().orElseThrow();
        double largest = bySize.subList(DRAWS * 9 / 10, DRAWS).stream().mapToInt(PageDimensions::links).average().orElseThrow();
        assertThat(largest).isGreaterThan(3 * smallest);
    }

    @Test
    void withoutASpreadEveryPageGetsTheMediansAndNoRandomnessIsUsed() {
        SimConfig plain = SimConfig.defaults();
        SplittableRandom rng = new SplittableRandom(9);
        assertThat(PageDimensions.draw(plain, rng)).isEqualTo(new PageDimensions(2048, 8));
        assertThat(rng.nextLong()).isEqualTo(new SplittableRandom(9).nextLong());
    }

    @Test
    void aNarrowRangeEndsWithinItAfterBoundedRetries() {
        SimConfig narrow = SimConfig.defaults().withPageProfile(
                PageProfile.REALISTIC.withBytes(new LongTail(1000, 1001, 4.0)).withLinks(new LongTail(5, 5, 4.0)), 1000, 5);
        assertThat(draws(narrow, 6)).allSatisfy(d -> {
            assertThat(d.bytes()).isBetween(1000, 1001);
            assertThat(d.links()).isEqualTo(5);
        });
    }

    @Test
    void gaussianDeviatesAreStandard() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] z = IntStream.range(0, DRAWS).mapToDouble(i -> PageDimensions.gaussian(rng)).toArray();
        double mean = Arrays.stream(z).average().orElseThrow();
        double variance = Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / z.length;
        assertThat(mean).isBetween(-0.03, 0.03);
        assertThat(variance).isBetween(0.95, 1.05);
        assertThat(Arrays.stream(z).filter(v -> v > 1.96).count() / (double) DRAWS).isBetween(0.02, 0.03);
    }

    @Test
    void longTailsRejectNonsense() {
        assertThatThrownBy(() -> new LongTail(10, 5, 1)).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> new LongTail(-1, 5, 1)).hasMessageContaining("min");
        assertThatThrownBy(() -> new LongTail(1, 5, -1)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new LongTail(1, 5, Double.NaN)).hasMessageContaining("sigma");
        assertThat(new LongTail(1, 5, 0).fixed()).isTrue();
        assertThat(new LongTail(1, 5, 1).at(3, 0.0)).isEqualTo(3);
        assertThat(new LongTail(1, 5, 1).at(3, 1.0)).isEqualTo(Math.round(3 * Math.E));
        assertThat(new LongTail(1, 5, 1).clamp(9)).isEqualTo(5);
    }

    private static List<PageDimensions> draws(SimConfig config, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return IntStream.range(0, DRAWS).mapToObj(i -> PageDimensions.draw(config, rng.split())).toList();
    }

    private static double share(int[] sorted, int from) {
        long top = 0;
        long all = 0;
        for (int i = 0; i < sorted.length; i++) {
            all += sorted[i];
            top += i >= from ? sorted[i] : 0;
        }
        return top / (double) all;
    }

    private static long count(int[] values, java.util.function.IntPredicate test) {
        return Arrays.stream(values).filter(test).count();
    }
}
