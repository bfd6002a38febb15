package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code crawl --trust-cert FILE} in every blocking and async mode, against an https server on
 * loopback whose self-signed certificate is made at test time: refused with a clear {@code tls}
 * error by default, crawled once the certificate is trusted.
 */
class TrustCertIT {

    private static final String HOST = "secure.test";
    private static HttpsServer server;
    private static X509Certificate certificate;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair keys = g.generateKeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + HOST), BigInteger.TWO,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(7))),
                new X500Name("CN=" + HOST), keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, HOST)));
        certificate = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", keys.getPrivate(), "pw".toCharArray(), new X509Certificate[] {certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            boolean root = exchange.getRequestURI().getPath().equals("/");
            byte[] body = (root ? "<html><body>secure page</body></html>" : "not here").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(root ? 200 : 404, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static List<String> args(Path out, String mode, String... extra) {
        List<String> args = new ArrayList<>(List.of("crawl", "--out", out.toString(), "--mode", mode,
                "--allow-net", "127.0.0.0/8", "--resolve", HOST + "=127.0.0.1", "--delay", "0", "--progress", "log",
                "--max-retries", "0"));
        args.addAll(List.of(extra));
        args.add("https://" + HOST + ":" + server.getAddress().getPort() + "/");
        return args;
    }

    private static JsonNode seedLine(Path out) throws Exception {
        String first = Files.readAllLines(out.resolve("index.jsonl")).get(0);
        return new ObjectMapper().readTree(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"async", "sync", "threads", "virtual"})
    void aSelfSignedServerIsRefusedUntilItsCertificateIsTrusted(String mode, @TempDir Path tmp) throws Exception {
        CliRun refused = CliRun.of(args(tmp.resolve("refused"), mode).toArray(String[]::new));
        assertThat(refused.exitCode()).as(refused.toString()).isZero();
        JsonNode line = seedLine(tmp.resolve("refused"));
        // robots.txt is the first https request: the host is not crawled, and the index says why
        assertThat(line.get("error").asText()).startsWith("robots_unreachable: ")
                .contains("tls: ", "not trusted", "--trust-cert");
        assertThat(refused.out()).contains("robots_unreachable 1");

        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        CliRun trusted = CliRun.of(args(tmp.resolve("trusted"), mode, "--trust-cert", pem.toString())
                .toArray(String[]::new));
        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        assertThat(seedLine(tmp.resolve("trusted")).get("status").asInt()).isEqualTo(200);
        assertThat(trusted.out()).contains("retries", "traps refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"async"})
    void aFileThatIsNoCertificateIsAClearConfigurationError(String mode, @TempDir Path tmp) throws Exception {
        Path junk = tmp.resolve("junk.pem");
        Files.writeString(junk, "not a certificate");
        CliRun run = CliRun.of(args(tmp.resolve("out"), mode, "--trust-cert", junk.toString()).toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("trustCert", "junk.pem");
    }
}
