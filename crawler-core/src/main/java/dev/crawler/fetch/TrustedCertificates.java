package dev.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads certificates to trust for https besides the JDK's ({@code --trust-cert FILE}): one or more
 * X.509 certificates, PEM ({@code -----BEGIN CERTIFICATE-----}) or DER, such as a test server's
 * self-signed certificate or a private authority's.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * The certificates in {@code file}.
     *
     * @throws IllegalArgumentException naming the file and the reason if it cannot be read or holds
     *     no certificate
     */
    public static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no X.509 certificate (PEM or DER)");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + " is not an X.509 certificate (PEM or DER): " + e.getMessage(), e);
        }
    }
}
