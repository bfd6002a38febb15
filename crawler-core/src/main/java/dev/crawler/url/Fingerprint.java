package dev.crawler.url;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit fingerprint of a normalized URL that the seen set stores instead of the string: the
 * first 8 bytes (big-endian) of SHA-256 over the URL's UTF-8 bytes. It is stable across runs and
 * JVMs, so it may be persisted.
 *
 * <p>Collision odds: for n URLs, about n&sup2; / 2<sup>65</sup>. At 10<sup>7</sup> URLs that is
 * about 2.7 &times; 10<sup>-6</sup> (one crawl in some 370,000 would lose one URL to a collision);
 * at 10<sup>9</sup> URLs about 2.7 %.
 */
public final class Fingerprint {

    /** One digest per thread: looking SHA-256 up for every URL cost more than hashing it. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Fingerprint::sha256);

    private Fingerprint() {
    }

    /** The fingerprint of {@code normalizedUrl}; callers normalize first. */
    public static long of(String normalizedUrl) {
        return ByteBuffer.wrap(SHA_256.get().digest(normalizedUrl.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
