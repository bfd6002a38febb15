package dev.crawler.fetch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pool takes the time as an argument, so expiry is tested without sleeping. */
class IdlePoolTest {

    private static final long SECOND = 1_000_000_000L;
    private final IdlePool<String, String> pool = new IdlePool<>(Duration.ofSeconds(5), 2);

    @Test
    void reusesTheFreshestConnectionOfTheSameKey() {
        pool.offer("a", "a1", 0);
        pool.offer("a", "a2", SECOND);
        pool.offer("b", "b1", SECOND);
        assertThat(pool.take("a", 2 * SECOND)).contains("a2");
        assertThat(pool.take("a", 2 * SECOND)).contains("a1");
        assertThat(pool.take("a", 2 * SECOND)).isEmpty();
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    void expiredConnectionsAreNotTakenAndAreEvicted() {
        pool.offer("a", "old", 0);
        assertThat(pool.take("a", 5 * SECOND)).isEmpty();
        assertThat(pool.evictExpired(5 * SECOND)).containsExactly("old");
        assertThat(pool.idleCount()).isZero();
    }

    @Test
    void evictsOnlyWhatExpired() {
        pool.offer("a", "old", 0);
        pool.offer("a", "new", 4 * SECOND);
        assertThat(pool.evictExpired(6 * SECOND)).containsExactly("old");
        assertThat(pool.take("a", 6 * SECOND)).contains("new");
    }

    @Test
    void capPerKeyPushesOutTheOldest() {
        assertThat(pool.offer("a", "1", 0)).isEmpty();
        assertThat(pool.offer("a", "2", 1)).isEmpty();
        assertThat(pool.offer("a", "3", 2)).containsExactly("1");
    }

    @Test
    void removeAndDrain() {
        pool.offer("a", "1", 0);
        pool.offer("b", "2", 0);
        assertThat(pool.remove("a", "1")).isTrue();
        assertThat(pool.remove("a", "1")).isFalse();
        assertThat(pool.drain()).containsExactly("2");
        assertThat(pool.idleCount()).isZero();
    }

    @Test
    void removeAllTakesEveryIdleConnectionOfOneKeyOnly() {
        pool.offer("a", "a1", 0);
        pool.offer("a", "a2", 0);
        pool.offer("b", "b1", 0);
        assertThat(pool.removeAll("a")).containsExactly("a1", "a2");
        assertThat(pool.removeAll("a")).isEmpty();
        assertThat(pool.take("b", SECOND)).contains("b1");
    }
}
