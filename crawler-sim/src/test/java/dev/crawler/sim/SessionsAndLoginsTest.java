package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A simulated web with sessions and a login on site-2.sim, spoken to by hand over loopback: each
 * host hands out its own host-only session cookie to a request without it and counts what it got;
 * site-2.sim answers 401 without its login, exactly its pages with it; other hosts count every
 * login they get. An open web (the default) sets no cookie and refuses nobody.
 */
class SessionsAndLoginsTest {

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));

    private SimServer server;
    private SimWeb web;

    @BeforeEach
    void start() throws InterruptedException {
        SimConfig config = SimConfig.defaults().withHosts(3).withPages(10).withLatency(Duration.ZERO)
                .withSessions().withLogin("site-2.sim", "alice", "secret");
        server = SimServer.start(config, RequestLog.inMemory());
        web = server.web();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttpClient.Response get(String host, String path, String... headers) throws Exception {
        try (RawHttpClient c = new RawHttpClient(web.address(host), server.port())) {
            return c.get(host + ":" + server.port(), path, headers);
        }
    }

    @Test
    void eachHostSetsItsOwnSessionCookieOnceAndCountsWhatComesBack() throws Exception {
        RawHttpClient.Response first = get("site-1.sim", "/");
        String cookie = first.header("set-cookie");
        assertThat(cookie).startsWith("sim-session=s1-").endsWith("; Path=/").doesNotContainIgnoringCase("domain");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        RawHttpClient.Response second = get("site-1.sim", "/page/1", "Cookie: other=1; " + pair);
        assertThat(second.header("set-cookie")).as("no new cookie once it is sent").isNull();
        assertThat(second.body()).isEqualTo(web.respond("site-1.sim", "/page/1").body());

        RawHttpClient.Response leaked = get("site-3.sim", "/", "Cookie: " + pair);
        assertThat(leaked.header("set-cookie")).startsWith("sim-session=s3-");

        assertThat(server.sessions().host("site-1.sim")).isEqualTo(new SessionLog.Counts(1, 1, 0, 0, 0, 0));
        assertThat(server.sessions().host("site-3.sim")).isEqualTo(new SessionLog.Counts(0, 0, 1, 0, 0, 0));
        assertThat(server.sessions().summary()).startsWith("sessions: 1 requests with their host's cookie,"
                + " 1 without it (on 1 host), 1 with another host's; logins: site-2.sim 0 requests with the login, 0 without;");
    }

    @Test
    void theLoginHostRefusesRequestsWithoutItsLoginAndServesItsPagesWithIt() throws Exception {
        RawHttpClient.Response refused = get("site-2.sim", "/page/3");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("www-authenticate")).isEqualTo("Basic realm=\"sim\"");
        assertThat(get("site-2.sim", "/robots.txt", "Authorization: Basic YWxpY2U6d3Jvbmc=").status()).isEqualTo(401);

        RawHttpClient.Response page = get("site-2.sim", "/page/3", "Authorization: " + BASIC);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(web.respond("site-2.sim", "/page/3").body());

        assertThat(get("site-1.sim", "/", "Authorization: " + BASIC).status()).as("other hosts ask for nothing").isEqualTo(200);
        SessionLog.Counts site2 = server.sessions().host("site-2.sim");
        assertThat(site2.withLogin()).isEqualTo(1);
        assertThat(site2.withoutLogin()).isEqualTo(2);
        assertThat(site2.loginNotItsOwn()).as("a wrong password at its own host is no leak").isZero();
        assertThat(server.sessions().host("site-1.sim").loginNotItsOwn()).isEqualTo(1);
        assertThat(server.sessions().summary()).endsWith("logins: site-2.sim 1 requests with the login, 2 without;"
                + " 1 logins sent where they do not belong");
    }

    @Test
    void anOpenWebSetsNoCookieAndRefusesNobody() throws Exception {
        server.close();
        server = SimServer.start(SimConfig.defaults().withHosts(2).withPages(5).withLatency(Duration.ZERO), RequestLog.inMemory());
        web = server.web();
        RawHttpClient.Response r = get("site-2.sim", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("set-cookie")).isNull();
        assertThat(server.sessions().total()).isEqualTo(new SessionLog.Counts(0, 0, 0, 0, 0, 0));
        assertThat(server.sessions().summary()).isEqualTo("no sessions or logins");
    }

    @Test
    void withoutTheLoginTheGroundTruthHasTheLoginHostAnswer401ToEachUrlFoundThere() {
        GroundTruth with = web.groundTruth();
        GroundTruth without = web.groundTruthWithoutLogins(web.seedUrls());
        String prefix = "http://site-2.sim:" + server.port() + "/";
        assertThat(without.expectedStatus()).containsEntry(prefix, 401);
        assertThat(without.expectedStatus()).allSatisfy((url, status) -> {
            if (url.startsWith(prefix)) {
                assertThat(status).as(url).isEqualTo(401);
            } else {
                assertThat(status).as(url).isEqualTo(with.expectedStatus().get(url));
            }
        });
        assertThat(with.expectedStatus()).as("with the login, site-2.sim serves its pages")
                .containsEntry(prefix, 200).doesNotContainValue(401);
        assertThat(without.mustFetch().size()).isLessThan(with.mustFetch().size());

        SimWeb open = new SimWeb(SimConfig.defaults().withHosts(3).withPages(10), server.port());
        assertThat(open.groundTruthWithoutLogins(open.seedUrls())).isEqualTo(open.groundTruth());
    }

    @Test
    void loginsAreParsedAndCheckedAgainstTheWeb() {
        assertThat(SimLogin.parse("site-2.sim=alice:se:cret")).isEqualTo(new SimLogin("site-2.sim", "alice", "se:cret"));
        assertThat(SimLogin.parse("Site-2.SIM=alice:x").host()).isEqualTo("site-2.sim");
        assertThatThrownBy(() -> SimLogin.parse("site-2.sim=alice")).hasMessageContaining("HOST=USER:PASS");
        assertThat(SimLogin.parse("site-2.sim=alice:hidden").toString()).doesNotContain("hidden");
        assertThatThrownBy(() -> SimLogin.parse("site-2.sim=:pw-hidden")).hasMessageContaining("HOST=USER:PASS")
                .hasMessageNotContaining("pw-hidden");
        SimConfig twice = SimConfig.defaults().withLogin("site-2.sim", "a", "b");
        assertThatThrownBy(() -> twice.withLogin("site-2.sim", "c", "d")).hasMessageContaining("two logins for site-2.sim");
        assertThatThrownBy(() -> new SimWeb(SimConfig.defaults().withHosts(3).withLogin("site-4.sim", "a", "b"), 8080))
                .hasMessageContaining("site-4.sim, which is not a host");
    }
}
