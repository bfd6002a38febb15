package dev.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.RequestHead;
import dev.crawler.fetch.http.RequestTarget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {

    private static final RequestHeaders GIVEN = new RequestHeaders(
            List.of(RequestHeaders.parseHeader("Accept-Language: de, en;q=0.5"), RequestHeaders.parseHeader("user-agent: mine/2")),
            Map.ofEntries(RequestHeaders.parseLogin("Example.COM=alice:se:cret")));

    private static String head(URI uri, RequestExtras extras) throws FetchException {
        FetchSettings s = FetchSettings.defaults("crawler/1").withExtras(extras);
        return new String(RequestHead.get(uri, RequestTarget.of(uri), s, true).encode(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void givenFieldsFollowOrReplaceTheCrawlersOwnAndTheLoginGoesToItsHostOnly() throws Exception {
        String a = head(URI.create("https://example.com:8443/x"), GIVEN);
        assertThat(a).contains("User-Agent: mine/2\r\n", "Accept-Language: de, en;q=0.5\r\n",
                "Authorization: Basic YWxpY2U6c2U6Y3JldA==\r\n").doesNotContain("crawler/1");
        assertThat(a.indexOf("User-Agent")).as("replaced in place").isLessThan(a.indexOf("Accept:"));
        assertThat(head(URI.create("http://www.example.com/"), GIVEN)).as("not a subdomain").doesNotContain("Authorization");
        assertThat(head(URI.create("http://example.org/"), GIVEN)).doesNotContain("Authorization");
    }

    @Test
    void anArchivedRequestWithholdsTheLogin() throws Exception {
        assertThat(head(URI.create("http://example.com/"), GIVEN.recordable()))
                .contains("Authorization: Basic [withheld]\r\n").doesNotContain("YWxpY2U");
        assertThat(GIVEN.toString()).doesNotContain("cret").contains("example.com");
    }

    @Test
    void badFieldsAndLoginsAreRefusedSayingWhyAndNeverShowingThePassword() {
        assertThatThrownBy(() -> RequestHeaders.parseHeader("NoColon")).hasMessageContaining("'Name: value'");
        assertThatThrownBy(() -> RequestHeaders.parseHeader("Bad Name: x")).hasMessageContaining("not an HTTP token");
        assertThatThrownBy(() -> RequestHeaders.parseHeader("X-A: 1\r\nX-B: 2")).hasMessageContaining("line break");
        assertThatThrownBy(() -> RequestHeaders.parseHeader("Host: evil.example")).hasMessageContaining("set by the crawler");
        assertThatThrownBy(() -> RequestHeaders.parseHeader("Authorization: Basic eA==")).hasMessageContaining("--auth");
        assertThatThrownBy(() -> RequestHeaders.parseLogin("example.com:alice:topsecret"))
                .hasMessageContaining("HOST=USER:PASS").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> RequestHeaders.parseLogin("https://example.com/=alice:topsecret"))
                .hasMessageContaining("host name alone").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> RequestHeaders.parseLogin("example.com=:topsecret"))
                .hasMessageContaining("user name is empty").hasMessageNotContaining("topsecret");
    }
}
