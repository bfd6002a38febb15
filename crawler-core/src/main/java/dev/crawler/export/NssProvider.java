package dev.crawler.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system's NSS library (Debian's {@code libnss3}) as a source of message digests, through the
 * JDK's own PKCS#11 provider, loaded once per JVM on first use.
 *
 * <p>The launcher runs the crawler with the C1 JIT only, under which the JDK's SHA-256 is plain Java
 * at about 170 MB/s on the development machine; NSS uses the CPU's SHA instructions and runs at about
 * 1.8 GB/s, calls through JNI included. It is used only when its library directory is found, the
 * provider configures, and it agrees with the JDK on a known input; otherwise, or with
 * {@code -Dcrawler.nss=false}, every digest is the JDK's. Loading takes about 70 ms, so the first
 * caller should not be an event-loop thread.
 */
final class NssProvider {

    /** System property that turns NSS off when set to {@code false}. */
    static final String PROPERTY = "crawler.nss";

    private static final Logger log = LoggerFactory.getLogger(NssProvider.class);

    /** Where distributions put libnss3 and libsoftokn3 (Debian and Ubuntu, Fedora, Arch and Alpine). */
    private static final List<String> DIRECTORIES = List.of(
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib");

    private NssProvider() {
    }

    /** The provider, or empty when NSS is off, missing or unusable. */
    static Optional<Provider> get() {
        return Holder.PROVIDER;
    }

    /** The NSS digest of {@code algorithm}, or empty when NSS cannot give one. */
    static Optional<MessageDigest> digest(String algorithm) {
        return get().flatMap(p -> instance(algorithm, p));
    }

    private static final class Holder {
        static final Optional<Provider> PROVIDER = load();
    }

    private static Optional<Provider> load() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            log.debug("NSS digests are off (-D{}=false)", PROPERTY);
            return Optional.empty();
        }
        Optional<Path> dir = DIRECTORIES.stream().map(Path::of)
                .filter(d -> Files.isRegularFile(d.resolve("libnss3.so")) && Files.isRegularFile(d.resolve("libsoftokn3.so")))
                .findFirst();
        Provider pkcs11 = Security.getProvider("SunPKCS11");
        if (dir.isEmpty() || pkcs11 == null) {
            log.debug("NSS digests unavailable ({}): the JDK's are used", dir.isEmpty() ? "no libnss3" : "no SunPKCS11 provider");
            return Optional.empty();
        }
        try {
            Provider nss = pkcs11.configure("--name=CrawlerNSS\nnssLibraryDirectory=" + dir.get()
                    + "\nnssDbMode=noDb\nattributes=compatibility\n");
            if (!agreesWithJdk(nss)) {
                log.warn("NSS in {} gives SHA-256 digests that differ from the JDK's: the JDK's are used", dir.get());
                return Optional.empty();
            }
            log.debug("SHA digests of large inputs come from NSS in {}", dir.get());
            return Optional.of(nss);
        } catch (RuntimeException e) {
            log.debug("NSS in {} could not be loaded ({}): the JDK's digests are used", dir.get(), e.toString());
            return Optional.empty();
        }
    }

    private static boolean agreesWithJdk(Provider nss) {
        byte[] sample = new byte[4099];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = (byte) (i * 31 + (i >>> 7));
        }
        Optional<MessageDigest> native256 = instance("SHA-256", nss);
        try {
            return native256.isPresent()
                    && Arrays.equals(native256.get().digest(sample), MessageDigest.getInstance("SHA-256").digest(sample));
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    private static Optional<MessageDigest> instance(String algorithm, Provider provider) {
        try {
            return Optional.of(MessageDigest.getInstance(algorithm, provider));
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
