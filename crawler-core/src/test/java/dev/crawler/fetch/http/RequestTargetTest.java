package dev.crawler.fetch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.FetcherContractTest;
import dev.crawler.net.ResolveOverrides;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://example.com|example.com|80|/|example.com",
            "http://Example.COM:8080/a/b?x=1&y=%20#frag|example.com|8080|/a/b?x=1&y=%20|example.com:8080",
            "https://example.com/|example.com|443|/|example.com",
            "https://example.com:443/p|example.com|443|/p|example.com",
            "http://127.0.0.1:9000/x|127.0.0.1|9000|/x|127.0.0.1:9000",
            "http://[::1]:8080/|::1|8080|/|[::1]:8080",
            "http://under_score.example/p|under_score.example|80|/p|under_score.example",
            "http://site-1.sim/?q|site-1.sim|80|/?q|site-1.sim",
    })
    void takesUrisApart(String uri, String host, int port, String path, String hostHeader) throws Exception {
        RequestTarget t = RequestTarget.of(URI.create(uri));
        assertThat(t.host()).isEqualTo(host);
        assertThat(t.port()).isEqualTo(port);
        assertThat(t.path()).isEqualTo(path);
        assertThat(t.hostHeader()).isEqualTo(hostHeader);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)", "mailto:a@b.c",
            "/relative/only"})
    void otherSchemesAreUnsupported(String uri) {
        assertThatThrownBy(() -> RequestTarget.of(URI.create(uri)))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.error()).isEqualTo(FetchError.UNSUPPORTED_SCHEME));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true|keep-alive", "false|close"})
    void requestHeadIsTheSameBytesForEveryMode(boolean keepAlive, String connection) throws Exception {
        FetchSettings s = FetcherContractTest.settings();
        s = new FetchSettings("bot/1", s.connectTimeout(), s.firstByteTimeout(), s.responseTimeout(), s.maxBodyBytes(),
                s.maxHeaderBytes(), keepAlive, s.addressPolicy(), ResolveOverrides.none());
        byte[] head = RequestHead.get(RequestTarget.of(URI.create("http://h.test:81/p?q")), s).encode();
        assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("GET /p?q HTTP/1.1\r\n"
                + "Host: h.test:81\r\nUser-Agent: bot/1\r\nAccept: " + RequestHead.ACCEPT + "\r\n"
                + "Accept-Encoding: " + RequestHead.ACCEPT_ENCODING + "\r\nConnection: " + connection + "\r\n\r\n");
    }
}
