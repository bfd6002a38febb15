package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory served on loopback, checked on the wire with a raw client. */
class StaticServerTest {

    private static final String HOST = StaticServer.HOST;

    @TempDir
    Path tmp;
    Path root;
    StaticServer server;
    RequestLog log = RequestLog.inMemory();

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(root.resolve("index.html"), "<a href=docs/>docs</a>");
        Files.createDirectories(root.resolve("docs/empty"));
        Files.writeString(root.resolve("docs/index.html"), "<p>docs</p>");
        Files.writeString(root.resolve("docs/style.css"), "p{}");
        Files.writeString(root.resolve("with space.html"), "space");
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link-out.txt"), tmp.resolve("secret.txt"));
        server = StaticServer.start(root, log);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesFilesOverOneKeptAliveConnection() throws Exception {
        try (RawHttpClient c = client()) {
            RawHttpClient.Response index = c.get(HOST, "/");
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.text()).isEqualTo("<a href=docs/>docs</a>");
            assertThat(index.header("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(index.header("content-length")).isEqualTo("22");
            assertThat(index.header("connection")).isNull();

            RawHttpClient.Response redirect = c.get(HOST, "/docs?q=1");
            assertThat(redirect.status()).isEqualTo(301);
            assertThat(redirect.header("location")).isEqualTo("/docs/?q=1");

            assertThat(c.get(HOST, "/docs/").text()).isEqualTo("<p>docs</p>");
            assertThat(c.get(HOST, "/docs/style.css").header("content-type")).startsWith("text/css");
            assertThat(c.get(HOST, "/with%20space.html").text()).isEqualTo("space");
            assertThat(c.get(HOST, "/missing.html").status()).isEqualTo(404);
            assertThat(c.get(HOST, "/docs/empty/").status()).as("no index.html: 404, no listing").isEqualTo(404);
            assertThat(c.get(HOST, "/").status()).as("still the same connection").isEqualTo(200);
        }
        assertThat(server.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void traversalAttemptsServeNothingFromOutsideTheRoot() throws Exception {
        String[] targets = {"/../secret.txt", "/%2e%2e/secret.txt", "/docs/%2E%2E%2F%2E%2E%2Fsecret.txt",
            "/..%2Fsecret.txt", "//" + tmp.resolve("secret.txt"), "/%2F" + tmp.resolve("secret.txt").toString().substring(1),
            "/docs%5C..%5C..%5Csecret.txt", "/a%zz", "/a%00.html"};
        try (RawHttpClient c = client()) {
            for (String target : targets) {
                RawHttpClient.Response r = c.get(HOST, target);
                assertThat(r.status()).as(target).isEqualTo(400);
                assertThat(r.text()).as(target).doesNotContain("secret\n").isNotEqualTo("secret");
            }
            RawHttpClient.Response link = c.get(HOST, "/link-out.txt");
            assertThat(link.status()).isEqualTo(403);
            assertThat(link.text()).isNotEqualTo("secret");
        }
    }

    @Test
    void headGivesTheLengthWithoutTheBodyAndKeepsTheConnection() throws Exception {
        try (RawHttpClient c = client()) {
            c.send("HEAD", HOST, "/docs/index.html");
            RawHttpClient.Response head = c.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo("11");
            c.send("HEAD", HOST, "/missing");
            assertThat(c.readHead().status()).isEqualTo(404);
            assertThat(c.get(HOST, "/docs/index.html").text()).as("no stray body bytes before it").isEqualTo("<p>docs</p>");
        }
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        try (RawHttpClient c = client()) {
            c.sendRaw("POST / HTTP/1.1\r\nHost: " + HOST + "\r\nContent-Length: 2\r\n\r\nhi");
            RawHttpClient.Response r = c.read();
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.header("allow")).isEqualTo("GET, HEAD");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttpClient c = client()) {
            c.sendRaw("GET /docs/index.html HTTP/1.1\r\nHost: x\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.read().text()).isEqualTo("<p>docs</p>");
            assertThat(c.read().status()).isEqualTo(404);
            assertThat(c.read().text()).startsWith("<a href");
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (RawHttpClient c = client()) {
            RawHttpClient.Response r = c.get(HOST, "/", "Connection: close");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("connection")).isEqualTo("close");
            assertThat(c.closedByPeer()).isTrue();
        }
    }

    @Test
    void aBigFileIsStreamedWhole() throws Exception {
        byte[] big = new byte[24 << 20];
        new Random(7).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        try (RawHttpClient c = client()) {
            RawHttpClient.Response r = c.get(HOST, "/big.bin");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).isEqualTo("application/octet-stream");
            assertThat(r.wireBody()).isEqualTo(big);
            assertThat(c.get(HOST, "/docs/index.html").text()).isEqualTo("<p>docs</p>");
        }
    }

    @Test
    void everyAnswerIsRecorded() throws Exception {
        try (RawHttpClient c = client()) {
            c.get(HOST, "/");
            c.get(HOST, "/missing");
        }
        for (int i = 0; i < 100 && log.records().size() < 2; i++) {
            Thread.sleep(10); // recorded once the write completes
        }
        assertThat(log.records()).extracting(RequestRecord::path, RequestRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/", 200), org.assertj.core.groups.Tuple.tuple("/missing", 404));
    }

    @Test
    void aMalformedRequestIsABadRequestAndClosed() throws Exception {
        try (RawHttpClient c = client()) {
            c.sendRaw("GET / HTTP/1.1\r\nHost: x\r\nBroken header line without colon\r\n" + "X".repeat(20_000) + "\r\n\r\n");
            RawHttpClient.Response r = c.read();
            assertThat(r.status()).isGreaterThanOrEqualTo(400);
        }
    }

    @Test
    void describesItself() {
        assertThat(server.seedUrl()).isEqualTo("http://static.sim:" + server.port() + "/");
        assertThat(server.resolveMap()).containsEntry("static.sim", "127.0.1.1");
        assertThatThrownBy(() -> StaticServer.start(tmp.resolve("nope"), RequestSink.discard()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable directory");
    }

    private RawHttpClient client() throws Exception {
        return new RawHttpClient(InetAddress.getByName(server.address()), server.port());
    }
}
