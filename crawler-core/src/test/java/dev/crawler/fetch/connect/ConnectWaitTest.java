package dev.crawler.fetch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.FetcherContractTest;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ConnectWaitTest {

    private static final long MS = 1_000_000L;
    private final FetchSettings settings = FetcherContractTest.settings(); // 1 s to connect, 4 s in all
    private final InetSocketAddress to = new InetSocketAddress("127.0.0.1", 80);

    @Test
    void theConnectTimeoutBoundsAConnectWithTimeToSpare() {
        ConnectWait wait = ConnectWait.of(settings, 0, 3_000 * MS);
        assertThat(wait.nanos()).isEqualTo(1_000 * MS);
        FetchException e = wait.timedOut(settings, to);
        assertThat(e.error()).isEqualTo(FetchError.CONNECT_TIMEOUT);
        assertThat(e.getMessage()).isEqualTo(Messages.connectTimeout(settings, to));
    }

    @Test
    void theDeadlineBoundsAConnectLateInTheRequest() {
        ConnectWait wait = ConnectWait.of(settings, 3_600 * MS, 4_000 * MS);
        assertThat(wait.nanos()).isEqualTo(400 * MS);
        assertThat(wait.timedOut(settings, to).error()).isEqualTo(FetchError.RESPONSE_TIMEOUT);
    }

    @Test
    void noTimeIsLeftPastTheDeadline() {
        assertThat(ConnectWait.of(settings, 5_000 * MS, 4_000 * MS).nanos()).isNegative();
    }
}
