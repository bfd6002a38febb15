package dev.crawler.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One digest algorithm, with one instance per thread: the JDK's for short inputs, where a call into
 * native code costs more than it saves, and {@link NssProvider NSS}'s for longer ones when it is there.
 * An instance handed out is reset, and is reset again by {@code digest()}.
 */
final class Digest {

    /** From this many bytes up, the native digest is faster than the JDK's under C1 (crossover about 128). */
    static final int NATIVE_FROM_BYTES = 256;

    static final Digest SHA_256 = new Digest("SHA-256");
    static final Digest SHA_1 = new Digest("SHA-1");

    private final ThreadLocal<MessageDigest> jdk;
    private final ThreadLocal<MessageDigest> forLarge;

    private Digest(String algorithm) {
        this.jdk = ThreadLocal.withInitial(() -> jdk(algorithm));
        this.forLarge = ThreadLocal.withInitial(() -> NssProvider.digest(algorithm).orElseGet(() -> jdk(algorithm)));
    }

    /** This thread's digest for an input of {@code length} bytes. */
    MessageDigest forLength(int length) {
        return (length >= NATIVE_FROM_BYTES ? forLarge : jdk).get();
    }

    private static MessageDigest jdk(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
