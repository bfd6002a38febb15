package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.Credentials;
import dev.crawler.fetch.RequestHeaders;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SessionLog;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crawls a simulated web whose hosts keep sessions and one of which, site-2.sim, asks for a login,
 * and checks from the server's own counts that the crawler's cookies and login went where they
 * belong: every host's session cookie on every request to it after its first answer, never on
 * another host's; the login on every request to site-2.sim, on no other host's; and the crawl the
 * ground truth, exactly. With cookies off, no request carries a cookie and the crawl is the same.
 */
@ExtendWith(NoBlockingOnEventLoops.class)
class SimSessionsIT {

    private static final PolitenessPolicy QUICK = new PolitenessPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(1));
    private static final String LOGIN_HOST = "site-2.sim";
    private static final SimConfig WEB = SimConfig.defaults().withHosts(4).withPages(30).withLatency(Duration.ofMillis(2))
            .withSessions().withLogin(LOGIN_HOST, "alice", "secret");

    private static CrawlConfig.Builder configFor(SimWeb web, FetchMode mode, Path out) throws Exception {
        CrawlConfig.Builder b = SimCrawlIT.configFor(web, mode, out, QUICK).toBuilder();
        return b.fetch(b.fetch().withExtras(new RequestHeaders(List.of(),
                Map.of(LOGIN_HOST, new Credentials("alice", "secret")))));
    }

    private static Map<String, Long> requestsPerHost(RequestLog requests) {
        return requests.records().stream().collect(Collectors.groupingBy(RequestRecord::host, Collectors.counting()));
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void eachHostsCookieAndTheLoginGoToTheirOwnHostOnly(FetchMode mode, @TempDir Path out) throws Exception {
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(WEB, requests)) {
            SimWeb web = sim.web();
            CrawlSummary summary;
            try (Crawler crawler = Crawler.create(configFor(web, mode, out).build())) {
                summary = crawler.run();
            }
            SimCrawlIT.assertCrawledToTheGroundTruth(web, summary, requests, out);

            Map<String, Long> perHost = requestsPerHost(requests);
            assertThat(perHost.keySet()).containsExactlyInAnyOrderElementsOf(web.hostNames());
            for (String host : web.hostNames()) {
                SessionLog.Counts c = sim.sessions().host(host);
                assertThat(c.sessionRequests()).as("every request to %s counted", host).isEqualTo(perHost.get(host));
                assertThat(c.withoutCookie()).as("requests to %s without its cookie: the first, which got it", host)
                        .isEqualTo(1);
                assertThat(c.withOtherHostsCookie()).as("requests to %s with another host's cookie", host).isZero();
                assertThat(c.loginNotItsOwn()).as("logins %s should not have got", host).isZero();
            }
            SessionLog.Counts login = sim.sessions().host(LOGIN_HOST);
            assertThat(login.withoutLogin()).as("requests to %s without the login", LOGIN_HOST).isZero();
            assertThat(login.withLogin()).isEqualTo(perHost.get(LOGIN_HOST)).isGreaterThan(30);
            assertThat(sim.sessions().summary()).contains(" 4 without it (on 4 hosts), 0 with another host's;",
                    " 0 without; 0 logins sent where they do not belong");
        }
    }

    /**
     * Without the login, site-2.sim answers every request 401, its robots.txt too (which allows all),
     * so the crawl is the ground truth for a crawler without logins: each URL of site-2.sim it finds
     * fetched once, 401, and nothing found through it.
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC"})
    void withoutTheLoginTheCrawlIsTheGroundTruthWithout(FetchMode mode, @TempDir Path out) throws Exception {
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(WEB, requests)) {
            SimWeb web = sim.web();
            CrawlSummary summary;
            try (Crawler crawler = Crawler.create(SimCrawlIT.configFor(web, mode, out, QUICK))) {
                summary = crawler.run();
            }
            GroundTruth truth = web.groundTruthWithoutLogins(web.seedUrls());
            SimCrawlIT.assertCrawledToTheGroundTruth(web, truth, summary, requests, out);

            SessionLog.Counts login = sim.sessions().host(LOGIN_HOST);
            assertThat(login.withLogin()).isZero();
            assertThat(login.withoutLogin()).isEqualTo(requestsPerHost(requests).get(LOGIN_HOST))
                    .isEqualTo(truth.withStatus(401).size() + 1); // and its robots.txt
            assertThat(sim.sessions().total().loginNotItsOwn()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC"})
    void withCookiesOffNoRequestCarriesOne(FetchMode mode, @TempDir Path out) throws Exception {
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(WEB, requests)) {
            SimWeb web = sim.web();
            CrawlSummary summary;
            try (Crawler crawler = Crawler.create(configFor(web, mode, out).cookies(CookieSettings.off()).build())) {
                summary = crawler.run();
            }
            SimCrawlIT.assertCrawledToTheGroundTruth(web, summary, requests, out);

            SessionLog.Counts all = sim.sessions().total();
            assertThat(all.withoutCookie()).as("requests without a cookie").isEqualTo(requests.records().size());
            assertThat(all.withOwnCookie() + all.withOtherHostsCookie()).as("requests with one").isZero();
            assertThat(all.withoutLogin()).as("the login is sent with cookies off too").isZero();
        }
    }
}
