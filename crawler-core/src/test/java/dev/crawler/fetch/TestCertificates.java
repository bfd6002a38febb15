package dev.crawler.fetch;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time with BouncyCastle, in milliseconds: a test certificate authority,
 * server certificates it issues (valid, expired, for another host), and self-signed ones. Servers
 * get an {@link SSLContext}; clients trust certificates through {@link FetchSettings}, the way the
 * {@code --trust-cert} option does.
 */
public final class TestCertificates {

    private static final char[] PASSWORD = "test".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key pair and its certificate chain (leaf first). */
    public record Identity(KeyPair keys, X509Certificate... chain) {

        public X509Certificate certificate() {
            return chain[0];
        }

        /** A TLS server context presenting this identity. */
        public SSLContext serverContext() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", keys.getPrivate(), PASSWORD, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        }

        /** The certificate in PEM, as a user would hand it to {@code --trust-cert}. */
        public String pem() throws Exception {
            StringWriter w = new StringWriter();
            w.write("-----BEGIN CERTIFICATE-----\n");
            w.write(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate().getEncoded()));
            w.write("\n-----END CERTIFICATE-----\n");
            return w.toString();
        }
    }

    private TestCertificates() {
    }

    /** A certificate authority, valid from yesterday for a year. */
    public static Identity authority(String name) throws Exception {
        KeyPair keys = keys();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + name);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Identity(keys, sign(b, keys));
    }

    /** A server certificate for {@code dnsName} and 127.0.0.1, issued by {@code ca}, valid in [from, until]. */
    public static Identity server(Identity ca, String dnsName, Instant from, Instant until) throws Exception {
        KeyPair keys = keys();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                new X500Name(ca.certificate().getSubjectX500Principal().getName()), serial(), Date.from(from),
                Date.from(until), new X500Name("CN=" + dnsName), keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, dnsName), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return new Identity(keys, sign(b, ca.keys()), ca.certificate());
    }

    /** A server certificate for {@code dnsName} issued by {@code ca}, valid from yesterday for a year. */
    public static Identity server(Identity ca, String dnsName) throws Exception {
        Instant now = Instant.now();
        return server(ca, dnsName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** A self-signed server certificate for {@code dnsName} and 127.0.0.1. */
    public static Identity selfSigned(String dnsName) throws Exception {
        KeyPair keys = keys();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + dnsName);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, dnsName), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return new Identity(keys, sign(b, keys));
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }
}
