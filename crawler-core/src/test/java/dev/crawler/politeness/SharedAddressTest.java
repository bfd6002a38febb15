package dev.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Hosts that resolve to one IP address share its budget: connections in flight and request spacing. */
class SharedAddressTest {

    private static final long MS = 1_000_000L;
    private final Map<String, Consumer<Optional<InetAddress>>> pending = new HashMap<>();

    /** Answers "a" and "b" with 10.0.0.1 and "c" with 10.0.0.2 at once; "slow" only when the test says. */
    private final AddressFinder finder = (host, answer) -> {
        switch (host) {
            case "a", "b" -> answer.accept(Optional.of(ip("10.0.0.1")));
            case "c" -> answer.accept(Optional.of(ip("10.0.0.2")));
            default -> pending.put(host, answer);
        }
    };

    private PolitenessScheduler scheduler(int perIpConnections, Duration perIpDelay) {
        PolitenessPolicy policy = new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(5))
                .withPerIp(perIpConnections, perIpDelay);
        return new PolitenessScheduler(policy, h -> 1, h -> h, finder);
    }

    @Test
    void hostsOfOneAddressShareItsConnections() {
        PolitenessScheduler s = scheduler(1, Duration.ZERO);
        s.workArrived("a", 0);
        s.workArrived("b", 0);
        s.workArrived("c", 0);
        assertThat(s.nextReady(0)).contains("a");
        PolitenessScheduler.Start toA = s.started("a", 0, true);
        assertThat(s.nextReady(0)).as("b shares a's address, whose one connection is taken; c does not")
                .contains("c");
        s.started("c", 0, true);
        assertThat(s.nextReady(10 * MS)).as("a and b wait for their address").isEmpty();
        toA.finished(20 * MS);
        String next = s.nextReady(20 * MS).orElseThrow();
        assertThat(next).as("a's request ended: one of a and b goes").isIn("a", "b");
        s.started(next, 20 * MS, true);
        assertThat(s.nextReady(20 * MS)).isEmpty();
    }

    @Test
    void anAnsweredRequestGivesItsHostSlotBackButHoldsItsAddressUntilItEnds() {
        PolitenessScheduler s = scheduler(2, Duration.ZERO);
        s.workArrived("a", 0);
        s.workArrived("b", 0);
        assertThat(s.nextReady(0)).contains("a");
        PolitenessScheduler.Start first = s.started("a", 0, true);
        assertThat(s.nextReady(0)).contains("b");
        s.started("b", 0, true);
        assertThat(s.inFlight("a")).isEqualTo(1);

        first.answered(5 * MS);
        assertThat(s.inFlight("a")).as("the server is done with it: a's slot is back").isZero();
        assertThat(s.nextReady(5 * MS)).as("its address still counts it, and is full").isEmpty();
        first.answered(6 * MS);
        assertThat(s.inFlight("a")).as("told twice, given back once").isZero();

        first.finished(10 * MS);
        assertThat(s.nextReady(10 * MS)).as("it ended: its address has room").contains("a");
        assertThat(s.inFlight("a")).isZero();
        assertThatThrownBy(() -> first.finished(11 * MS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requestStartsToOneAddressAreThePerIpDelayApart() {
        PolitenessScheduler s = scheduler(0, Duration.ofMillis(100));
        s.workArrived("a", 0);
        s.workArrived("b", 0);
        assertThat(s.nextReady(0)).contains("a");
        s.started("a", 0, true).sent(5 * MS);
        assertThat(s.nextReady(50 * MS)).as("b waits for the spacing of its address").isEmpty();
        assertThat(s.nextReady(114 * MS)).isEmpty();
        assertThat(s.nextReady(115 * MS)).as("100 ms and a margin of 10 after a's write").contains("b");
    }

    @Test
    void aRequestHandedOutButNotYetWrittenHoldsItsAddress() {
        PolitenessScheduler s = scheduler(0, Duration.ofMillis(100));
        s.workArrived("a", 0);
        s.workArrived("b", 0);
        s.nextReady(0).orElseThrow();
        PolitenessScheduler.Start toA = s.started("a", 0, true);
        assertThat(s.nextReady(500 * MS)).as("a's request is not on the wire yet").isEmpty();
        toA.sent(500 * MS);
        assertThat(s.nextReady(600 * MS)).isEmpty();
        assertThat(s.nextReady(610 * MS)).contains("b");
    }

    @Test
    void aHostStartsNothingUntilItsAddressIsKnown() {
        PolitenessScheduler s = scheduler(1, Duration.ZERO);
        s.workArrived("slow", 0);
        assertThat(s.nextReady(0)).isEmpty();
        assertThat(s.describe("slow", 0)).contains("its address being looked up");
        pending.remove("slow").accept(Optional.of(ip("10.0.0.1")));
        assertThat(s.nextReady(0)).contains("slow");
        s.started("slow", 0, true);
        s.workArrived("a", 0);
        assertThat(s.nextReady(0)).as("slow turned out to share a's address").isEmpty();
    }

    @Test
    void aHostWhoseNameDoesNotResolveIsOutsideAnyBudget() {
        PolitenessScheduler s = scheduler(1, Duration.ZERO);
        s.workArrived("slow", 0);
        pending.remove("slow").accept(Optional.empty());
        assertThat(s.nextReady(0)).contains("slow");
        assertThat(s.describe("slow", 0)).doesNotContain("address");
    }

    @Test
    void anAddressIsGivenOnce() {
        PolitenessScheduler s = scheduler(1, Duration.ZERO);
        s.workArrived("slow", 0);
        Consumer<Optional<InetAddress>> answer = pending.remove("slow");
        answer.accept(Optional.empty());
        assertThatThrownBy(() -> answer.accept(Optional.empty())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAPerIpBudgetNoAddressIsAsked() {
        PolitenessScheduler s = new PolitenessScheduler(new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(5)),
                h -> 1, h -> h, finder);
        s.workArrived("slow", 0);
        assertThat(pending).isEmpty();
        assertThat(s.nextReady(0)).contains("slow");
    }

    @Test
    void aRobotsHopWaitsWhileItsAddressIsFull() {
        PolitenessScheduler s = scheduler(1, Duration.ZERO);
        s.workArrived("a", 0);
        s.nextReady(0).orElseThrow();
        PolitenessScheduler.Start toA = s.started("a", 0, true);
        assertThat(s.hopAllowedAt("b", 0)).isGreaterThan(0);
        toA.finished(1 * MS);
        assertThat(s.hopAllowedAt("b", 1 * MS)).isEqualTo(1 * MS);
    }

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
