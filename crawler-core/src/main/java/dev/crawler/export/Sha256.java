package dev.crawler.export;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * SHA-256 digests in lower-case hex, as written to {@code index.jsonl}. Bodies are hashed by NSS when
 * the system has it ({@link Digest}).
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The lower-case hex SHA-256 of {@code bytes} (64 characters). */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(Digest.SHA_256.forLength(bytes.length).digest(bytes));
    }

    /** The lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
