package dev.crawler.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in lower-case hex, as written to {@code index.jsonl}. */
public final class Sha256 {

    /** One digest per thread: {@code digest(bytes)} leaves it reset for the next use. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {
    }

    /** The lower-case hex SHA-256 of {@code bytes} (64 characters). */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(DIGEST.get().digest(bytes));
    }

    /** The lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
