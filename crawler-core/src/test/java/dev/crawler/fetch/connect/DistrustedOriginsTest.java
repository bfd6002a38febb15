package dev.crawler.fetch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchSettings;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DistrustedOriginsTest {

    private static ConnectionKey key(int port) throws Exception {
        return new ConnectionKey("http", "a.test", InetAddress.getByName("127.0.0.1"), port);
    }

    @Test
    void aDistrustedOriginMayNotKeepConnectionsAlive() throws Exception {
        DistrustedOrigins origins = new DistrustedOrigins();
        FetchSettings s = FetchSettings.defaults("bot/1");
        assertThat(origins.mayKeepAlive(key(80), s)).isTrue();
        assertThat(origins.distrust(key(80))).isTrue();
        assertThat(origins.distrust(key(80))).as("already marked").isFalse();
        assertThat(origins.distrusted(key(80))).isTrue();
        assertThat(origins.mayKeepAlive(key(80), s)).isFalse();
        assertThat(origins.distrusted(key(81))).as("another port is another origin").isFalse();
    }

    @Test
    void itIsBounded() throws Exception {
        DistrustedOrigins origins = new DistrustedOrigins(10);
        for (int port = 1; port <= 1000; port++) {
            origins.distrust(key(port));
            assertThat(origins.distrusted(key(port))).as("port %d, just marked", port).isTrue();
        }
        long remembered = 0;
        for (int port = 1; port <= 1000; port++) {
            remembered += origins.distrusted(key(port)) ? 1 : 0;
        }
        assertThat(remembered).isBetween(1L, 10L);
    }

    @Test
    void onlyAReusedConnectionThatWouldBeKeptIsSettled() {
        FetchSettings s = FetchSettings.defaults("bot/1");
        assertThat(DistrustedOrigins.mustSettle(true, s)).isTrue();
        assertThat(DistrustedOrigins.mustSettle(false, s)).as("fresh connection").isFalse();
        assertThat(DistrustedOrigins.mustSettle(true, s.withReuseSettle(Duration.ZERO))).as("off").isFalse();
    }
}
