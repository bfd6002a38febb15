package dev.crawler.fetch;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS client setup both fetchers share: which certificates are trusted (the JDK's by default)
 * and host name verification always on. The async fetcher gets a Netty {@link SslContext}, the
 * blocking one an {@link SSLSocketFactory}; both send SNI for host names.
 */
final class ClientTls {

    private final TrustManagerFactory trust;

    private ClientTls(TrustManagerFactory trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    /** Trusts what the JDK trusts ({@code cacerts}). */
    static ClientTls jdkDefault() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return new ClientTls(tmf);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JDK's trusted certificates: " + e.getMessage(), e);
        }
    }

    /** Trusts exactly what {@code trust} trusts (tests: a certificate made at test time). */
    static ClientTls trusting(TrustManagerFactory trust) {
        return new ClientTls(trust);
    }

    SslContext nettyContext() {
        try {
            return SslContextBuilder.forClient().trustManager(trust).endpointIdentificationAlgorithm("HTTPS").build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    SSLSocketFactory socketFactory() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, trust.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
