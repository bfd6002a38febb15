package dev.crawler.fetch.connect;

import dev.crawler.fetch.FetchSettings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS client setup the Netty and blocking engines share (busy-poll speaks plain http only): which certificates are trusted (the JDK's by default,
 * plus any given with {@code --trust-cert}), host name verification always on, SNI for host names,
 * and ALPN offering {@code http/1.1} (the protocol spoken; the list is where {@code h2} would go).
 * The async fetcher gets a Netty {@link SslContext}, the blocking one an {@link SSLSocketFactory}.
 */
public final class ClientTls {

    /** The application protocols offered with ALPN. */
    static final List<String> ALPN = List.of(ApplicationProtocolNames.HTTP_1_1);

    private final TrustManagerFactory trust;

    private ClientTls(TrustManagerFactory trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    /** Trusts what the JDK trusts ({@code cacerts}). */
    public static ClientTls jdkDefault() {
        return forCertificates(List.of());
    }

    /** Trusts what the JDK trusts plus the settings' extra certificates. */
    public static ClientTls of(FetchSettings settings) {
        return forCertificates(settings.trustedCertificates());
    }

    private static ClientTls forCertificates(List<X509Certificate> extra) {
        try {
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            if (extra.isEmpty()) {
                return new ClientTls(jdk);
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (TrustManager tm : jdk.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    for (X509Certificate c : x509.getAcceptedIssuers()) {
                        anchors.setCertificateEntry("jdk-" + n++, c);
                    }
                }
            }
            for (X509Certificate c : extra) {
                anchors.setCertificateEntry("trusted-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            return new ClientTls(tmf);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot load the trusted certificates: " + e.getMessage(), e);
        }
    }

    /** Trusts exactly what {@code trust} trusts (tests: a certificate made at test time). */
    public static ClientTls trusting(TrustManagerFactory trust) {
        return new ClientTls(trust);
    }

    public SslContext nettyContext() {
        try {
            return SslContextBuilder.forClient().trustManager(trust).endpointIdentificationAlgorithm("HTTPS")
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ALPN))
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public SSLSocketFactory socketFactory() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, trust.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Host name verification and ALPN on a blocking socket's parameters (SNI is set by the caller). */
    public static void configure(SSLParameters params) {
        params.setEndpointIdentificationAlgorithm("HTTPS");
        params.setApplicationProtocols(ALPN.toArray(String[]::new));
    }
}
