package dev.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeenSetTest {

    @Test
    void behavesLikeASetOfLongsThroughGrowth() {
        SeenSet seen = new SeenSet(16);
        Set<Long> reference = new HashSet<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long v = random.nextInt(3) == 0 ? random.nextLong(1000) : random.nextLong();
            assertThat(seen.add(v)).isEqualTo(reference.add(v));
        }
        assertThat(seen.size()).isEqualTo(reference.size());
        for (long v : reference) {
            assertThat(seen.contains(v)).isTrue();
        }
    }

    @Test
    void zeroIsAnOrdinaryMember() {
        SeenSet seen = new SeenSet();
        assertThat(seen.contains(0)).isFalse();
        assertThat(seen.add(0)).isTrue();
        assertThat(seen.add(0)).isFalse();
        assertThat(seen.size()).isEqualTo(1);
    }

    @Test
    void neverUsesMoreThanSixteenBytesPerEntryOnceGrown() {
        SeenSet seen = new SeenSet(16);
        double worst = 0;
        for (long i = 1; i <= 1_000_000; i++) {
            seen.add(i * 0x9E3779B97F4A7C15L);
            if (i >= 1000) {
                worst = Math.max(worst, seen.tableBytes() / (double) seen.size());
            }
        }
        assertThat(worst).isLessThanOrEqualTo(16.0);
        assertThat(seen.tableBytes() / (double) seen.size()).isGreaterThanOrEqualTo(10.6);
    }

    @Test
    void aPresizedSetDoesNotGrowBeforeItsExpectedSize() {
        SeenSet seen = new SeenSet(100_000);
        long bytes = seen.tableBytes();
        for (long i = 1; i <= 100_000; i++) {
            seen.add(i * 0xD1B54A32D192ED03L);
        }
        assertThat(seen.tableBytes()).isEqualTo(bytes);
    }
}
