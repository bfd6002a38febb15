package dev.crawler.fetch.connect;

import dev.crawler.fetch.http.Messages;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

/**
 * Says in plain words why a TLS handshake failed, the same in every fetcher: an expired or not yet
 * valid certificate, one that is self-signed or issued by an authority nobody trusts here, one made
 * out to another host name, or a server that does not speak TLS at all.
 */
public final class TlsFailures {

    static final String TRUST_HINT = " (to trust it anyway, pass its certificate with --trust-cert FILE)";

    private TlsFailures() {
    }

    /** The reason for the failure {@code cause} of a handshake with {@code host}. */
    static String reason(Throwable cause, String host) {
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CertificateExpiredException) {
                return "the server's certificate has expired: " + c.getMessage();
            }
            if (c instanceof CertificateNotYetValidException) {
                return "the server's certificate is not valid yet: " + c.getMessage();
            }
            if (c instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return "the server's certificate has expired";
            }
            if (c instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return "the server's certificate is not valid yet";
            }
        }
        String root = Messages.rootMessage(cause);
        String lower = root.toLowerCase(Locale.ROOT);
        if (lower.contains("unable to find valid certification path") || lower.contains("path building failed")) {
            return "the server's certificate is not trusted: self-signed or issued by an unknown authority"
                    + TRUST_HINT;
        }
        if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            return "the server's certificate is not valid for " + host + ": " + root;
        }
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
            return "the server does not speak TLS on this port: " + root;
        }
        return root;
    }

    /** The whole failure message. */
    public static String message(Throwable cause, String host) {
        return Messages.tlsFailed(host, reason(cause, host));
    }
}
