package dev.crawler.fetch.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.FetcherContractTest;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestTarget;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decisions every engine leaves to the planner, on stand-in connections (named strings whose
 * look is scripted) and a clock the test moves, so nothing here opens a socket or sleeps.
 */
class ConnectionPlannerTest {

    private static final long SECOND = 1_000_000_000L;

    /** Stand-in connections: what each shows when looked at, and what became of it. */
    private static final class Fake implements ConnectionPlanner.Connections<String> {
        final Map<String, AfterResponse> looks = new HashMap<>();
        final List<String> looked = new ArrayList<>();
        final List<String> parked = new ArrayList<>();
        final List<String> closed = new ArrayList<>();

        @Override
        public AfterResponse look(String c) {
            looked.add(c);
            return looks.getOrDefault(c, AfterResponse.QUIET);
        }

        @Override
        public boolean isOpen(String c) {
            return !closed.contains(c);
        }

        @Override
        public void parking(ConnectionKey key, String c) {
            parked.add(c);
        }

        @Override
        public void close(String c) {
            closed.add(c);
        }
    }

    private final Fake fake = new Fake();
    private long now = 10 * SECOND;
    private final FetchSettings settings = FetcherContractTest.settings();
    private final ConnectionPlanner<String> planner = planner(settings);

    private ConnectionPlanner<String> planner(FetchSettings s) {
        return new ConnectionPlanner<>(s, fake, new DistrustedOrigins(), Duration.ofSeconds(5), 2, () -> now);
    }

    private static RequestTarget target() throws FetchException {
        return RequestTarget.of(URI.create("http://a.test:8080/page"));
    }

    private ConnectionKey key() throws Exception {
        return planner.route(target(), InetAddress.getByName("127.0.0.1"), now + SECOND);
    }

    /** The key, with {@code connections} released to it as reusable, in this order. */
    private ConnectionKey parked(String... connections) throws Exception {
        ConnectionKey key = key();
        for (String c : connections) {
            planner.release(key, c, true);
        }
        return key;
    }

    @Test
    void aResolvedRequestGoesToItsSchemeHostAddressAndPort() throws Exception {
        assertThat(key()).isEqualTo(new ConnectionKey("http", "a.test", InetAddress.getByName("127.0.0.1"), 8080));
    }

    @Test
    void aRefusedAddressFailsTheRequestBeforeAnyConnection() throws Exception {
        InetAddress inside = InetAddress.getByName("10.1.2.3");
        assertThatThrownBy(() -> planner.route(target(), inside, now + SECOND))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.error()).isEqualTo(FetchError.ADDRESS_REFUSED))
                .hasMessageContaining("10.1.2.3");
    }

    @Test
    void aResolutionThatOutlastedTheResponseTimeFailsAsAResponseTimeout() throws Exception {
        InetAddress inside = InetAddress.getByName("10.1.2.3");
        assertThatThrownBy(() -> planner.route(target(), inside, now))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.error()).isEqualTo(FetchError.RESPONSE_TIMEOUT))
                .hasMessage(Messages.responseTimeout(settings));
    }

    @Test
    void aFailedLookupIsADnsFailureNamingTheHostAndTheCause() {
        FetchException e = ConnectionPlanner.unresolved("a.test", new UnknownHostException("a.test: no such host"));
        assertThat(e.error()).isEqualTo(FetchError.DNS);
        assertThat(e.getMessage()).isEqualTo("cannot resolve a.test: a.test: no such host");
    }

    @Test
    void theFreshestIdleConnectionThatLooksQuietIsReused() throws Exception {
        ConnectionKey key = parked("old");
        now += SECOND;
        planner.release(key, "new", true);
        assertThat(fake.parked).containsExactly("old", "new");
        assertThat(planner.takeIdle(key)).contains("new");
        assertThat(planner.takeIdle(key)).contains("old");
        assertThat(planner.takeIdle(key)).isEmpty();
        assertThat(fake.closed).isEmpty();
    }

    @Test
    void oneTheServerClosedIsDroppedAndTheNextLookedAt() throws Exception {
        ConnectionKey key = parked("live", "dead");
        fake.looks.put("dead", AfterResponse.CLOSED);
        assertThat(planner.takeIdle(key)).contains("live");
        assertThat(fake.closed).containsExactly("dead");
        assertThat(planner.mayKeepAlive(key)).isTrue();
    }

    @Test
    void bytesOnAnIdleConnectionEndReuseOfTheOriginAtOnce() throws Exception {
        ConnectionKey key = parked("quiet", "chatty");
        fake.looks.put("chatty", AfterResponse.SURPLUS);
        assertThat(planner.takeIdle(key)).as("open a fresh one").isEmpty();
        assertThat(fake.looked).containsExactly("chatty");
        assertThat(fake.closed).containsExactlyInAnyOrder("chatty", "quiet");
        assertThat(planner.mayKeepAlive(key)).as("the fresh connection's request asks to close").isFalse();
        planner.release(key, "fresh", true);
        assertThat(fake.closed).as("not parked for a distrusted origin").contains("fresh");
        assertThat(planner.takeIdle(key)).isEmpty();
    }

    @Test
    void keepAliveOffIsNeverAsked() throws Exception {
        ConnectionPlanner<String> off = planner(settings.withKeepAlive(false));
        assertThat(off.mayKeepAlive(key())).isFalse();
    }

    @Test
    void aConnectionIsParkedOnlyIfReusableOpenAndTheOriginTrusted() throws Exception {
        ConnectionKey key = key();
        planner.release(key, "spent", false);
        fake.closed.add("gone");
        planner.release(key, "gone", true);
        assertThat(fake.parked).isEmpty();
        assertThat(fake.closed).containsExactly("spent", "gone", "gone");
    }

    @Test
    void theCapPerKeyClosesTheOldest() throws Exception {
        parked("1", "2", "3");
        assertThat(fake.closed).containsExactly("1");
    }

    @Test
    void expiredConnectionsAreNeitherTakenNorKept() throws Exception {
        ConnectionKey key = parked("idle");
        now += 5 * SECOND;
        assertThat(planner.takeIdle(key)).isEmpty();
        planner.evictExpired();
        assertThat(fake.closed).containsExactly("idle");
    }

    @Test
    void aConnectionThatClosedWhileIdleIsForgotten() throws Exception {
        ConnectionKey key = parked("idle");
        planner.forget(key, "idle");
        assertThat(planner.takeIdle(key)).isEmpty();
        assertThat(fake.looked).isEmpty();
    }

    @Test
    void closingClosesTheIdleAndKeepsNoneAfterwards() throws Exception {
        ConnectionKey key = parked("idle");
        planner.close();
        assertThat(planner.isClosed()).isTrue();
        assertThat(fake.closed).containsExactly("idle");
        planner.release(key, "late", true);
        assertThat(fake.closed).containsExactly("idle", "late");
        assertThat(planner.takeIdle(key)).isEmpty();
    }
}
