package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkPermitsTest {

    private final WorkPermits permits = new WorkPermits();

    @Test
    void permitsAreCountedByKindUntilReleased() {
        WorkPermits.Permit fetch = permits.take(WorkPermits.Kind.FETCH);
        permits.take(WorkPermits.Kind.FETCH);
        WorkPermits.Permit robots = permits.take(WorkPermits.Kind.ROBOTS);
        assertThat(permits.held()).isEqualTo(3);
        assertThat(permits.describe()).isEqualTo("2 fetches, 1 robots.txt loads");
        fetch.release();
        robots.release();
        assertThat(permits.held()).isEqualTo(1);
        assertThat(permits.describe()).isEqualTo("1 fetches");
    }

    @Test
    void aPermitIsReleasedOnceOnly() {
        WorkPermits.Permit p = permits.take(WorkPermits.Kind.SITEMAP);
        p.release();
        assertThatThrownBy(p::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
        assertThat(permits.held()).isZero();
        assertThat(permits.describe()).isEqualTo("nothing under way");
    }
}
