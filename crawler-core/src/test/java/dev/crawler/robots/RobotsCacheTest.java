package dev.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.SimpleRobotRules;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The robots cache on a fake clock: 24 hours for rules, less for an unreachable robots.txt. */
class RobotsCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final RobotsCache cache = new RobotsCache(Duration.ofHours(24), Duration.ofMinutes(5), 100, now::get);

    private static RobotsRules parsed() {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_SOME), RobotsRules.Source.PARSED);
    }

    @Test
    void rulesAreSharedByAHostsRequestsForADayThenExpire() {
        cache.put("http://a.test:80", parsed());
        now.addAndGet(Duration.ofHours(23).toNanos());
        assertThat(cache.get("http://a.test:80")).isPresent();
        assertThat(cache.get("https://a.test:443")).as("another scheme and port, other rules").isEmpty();
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(cache.get("http://a.test:80")).as("after 24 h robots.txt is fetched again").isEmpty();
    }

    /** Rules obtained elsewhere live what is left of their day, and rules older than that are not kept. */
    @Test
    void agedRulesLiveWhatIsLeftOfTheirTime() {
        assertThat(cache.putAged("http://a.test:80", parsed(), Duration.ofHours(20))).isTrue();
        now.addAndGet(Duration.ofHours(3).toNanos());
        assertThat(cache.get("http://a.test:80")).isPresent();
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(cache.get("http://a.test:80")).as("20 h old when kept, 24 h now").isEmpty();
        assertThat(cache.putAged("http://b.test:80", parsed(), Duration.ofHours(24))).isFalse();
        assertThat(cache.get("http://b.test:80")).isEmpty();
        assertThat(cache.putAged("http://c.test:80", RobotsPolicy.unreachable(), Duration.ofMinutes(4))).isTrue();
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(cache.get("http://c.test:80")).as("unreachable rules live 5 min").isEmpty();
    }

    @Test
    void readingDoesNotExtendTheLife() {
        cache.put("http://a.test:80", parsed());
        for (int h = 0; h < 23; h++) {
            now.addAndGet(Duration.ofHours(1).toNanos());
            assertThat(cache.get("http://a.test:80")).isPresent();
        }
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(cache.get("http://a.test:80")).isEmpty();
    }

    @Test
    void anUnreachableRobotsTxtIsTriedAgainSooner() {
        cache.put("http://b.test:80", RobotsPolicy.unreachable("status 503", true));
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(cache.get("http://b.test:80")).isPresent();
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(cache.get("http://b.test:80")).isEmpty();
    }
}
