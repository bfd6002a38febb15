package dev.crawler.fetch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.fetch.FetchError;
import dev.crawler.sim.hostile.Responders;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocking fetcher's head, framing and chunk parsers, table-driven. */
class HttpHeadTest {

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static HttpHead head(String s) throws Exception {
        return HttpHead.read(in(s), 1024);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 200 OK|1|200",
            "HTTP/1.0 404 Not Found|0|404",
            "HTTP/1.1 301|1|301",
            "HTTP/1.1 503 |1|503",
    })
    void parsesStatusLines(String line, int minor, int status) throws Exception {
        HttpHead h = head(line + "\r\n\r\n");
        assertThat(h.minorVersion()).isEqualTo(minor);
        assertThat(h.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELLO", "HTTP/2 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1  200 OK",
            "ICY 200 OK", "<html>", "HTTP/1.x 200 OK"})
    void rejectsMalformedStatusLines(String line) {
        assertThatThrownBy(() -> head(line + "\r\n\r\n"))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.error()).isEqualTo(FetchError.PROTOCOL));
    }

    @Test
    void parsesHeadersInOrderWithFoldingAndBareLf() throws Exception {
        HttpHead h = head("HTTP/1.1 200 OK\nContent-Type: text/html\r\nX-Long: a\r\n  b\r\nSet-Cookie: 1\r\n"
                + "set-cookie: 2\r\n\r\n");
        assertThat(h.headers().first("content-type")).contains("text/html");
        assertThat(h.headers().first("X-Long")).contains("a b");
        assertThat(h.headers().all("Set-Cookie")).containsExactly("1", "2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no colon here", ": empty name", "bad name: x", "(x): y"})
    void rejectsMalformedHeaderLines(String line) {
        assertThatThrownBy(() -> head("HTTP/1.1 200 OK\r\n" + line + "\r\n\r\n"))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.error()).isEqualTo(FetchError.PROTOCOL));
    }

    @Test
    void headersOverTheLimitAreAProtocolError() {
        String flood = "X-A: " + "a".repeat(100) + "\r\n";
        assertThatThrownBy(() -> head("HTTP/1.1 200 OK\r\n" + flood.repeat(20) + "\r\n"))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.error()).isEqualTo(FetchError.PROTOCOL));
    }

    @Test
    void endBeforeAnyByteIsIoAndMidHeadIsIo() {
        assertThatThrownBy(() -> head(""))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.error()).isEqualTo(FetchError.IO));
        assertThatThrownBy(() -> head("HTTP/1.1 200 OK\r\nX-A: b"))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.error()).isEqualTo(FetchError.IO));
    }

    @ParameterizedTest(name = "{0} / {1} -> keep-alive {2}")
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 200 OK|| true",
            "HTTP/1.1 200 OK|Connection: close|false",
            "HTTP/1.1 200 OK|Connection: Keep-Alive, Close|false",
            "HTTP/1.0 200 OK||false",
            "HTTP/1.0 200 OK|Connection: keep-alive|true",
    })
    void keepAlive(String status, String header, boolean expected) throws Exception {
        String h = header == null ? "" : header + "\r\n";
        assertThat(head(status + "\r\n" + h + "\r\n").keepAlive()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "200|Content-Length: 5|LENGTH",
            "200|Transfer-Encoding: chunked;Content-Length: 5|CHUNKED",
            "200|Transfer-Encoding: gzip, chunked|CHUNKED",
            "200|Transfer-Encoding: gzip|UNTIL_CLOSE",
            "200|X-None: 1|UNTIL_CLOSE",
            "204|Content-Length: 5|NONE",
            "304|X-None: 1|NONE",
    })
    void framing(int status, String headers, BodyFraming.Kind expected) throws Exception {
        String head = "HTTP/1.1 " + status + " X\r\n" + headers.replace(";", "\r\n") + "\r\n\r\n";
        assertThat(BodyFraming.of(head(head)).kind()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5\r\nContent-Length: 6", "Content-Length: 5, 5", "Content-Length: -1",
            "Content-Length: 0x10", "Content-Length: "})
    void badContentLengthIsAProtocolError(String headers) {
        assertThatThrownBy(() -> BodyFraming.of(head("HTTP/1.1 200 OK\r\n" + headers + "\r\n\r\n")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.error()).isEqualTo(FetchError.PROTOCOL));
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailers() throws Exception {
        InputStream body = new ChunkedInputStream(in("3;x=y\r\nabc\r\nA\r\n0123456789\r\n0\r\nTrailer: t\r\n\r\nNEXT"),
                1024);
        assertThat(new String(body.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("abc0123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "", "-1", "1234567890abcdef0"})
    void badChunkSizesAreProtocolErrors(String size) {
        assertThatThrownBy(() -> ChunkedInputStream.parseSize(size))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.error()).isEqualTo(FetchError.PROTOCOL));
    }

    @Test
    void zlibHeaderDetection() {
        assertThat(ContentDecoding.looksLikeZlib(Responders.deflate(new byte[10], false))).isTrue();
        assertThat(ContentDecoding.looksLikeZlib(Responders.deflate(new byte[10], true))).isFalse();
    }
}
