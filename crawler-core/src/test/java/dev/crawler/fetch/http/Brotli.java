package dev.crawler.fetch.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Brotli bodies for the raw server's responders, made with brotli4j's encoder. */
public final class Brotli {

    private Brotli() {
    }

    /** {@code data} compressed with brotli (brotli4j's encoder). */
    public static byte[] compress(byte[] data) {
        com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
        try {
            return com.aayushatharva.brotli4j.encoder.Encoder.compress(data,
                    new com.aayushatharva.brotli4j.encoder.Encoder.Parameters().setQuality(11).setWindow(24));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code megabytes} MB of zeros compressed with brotli, streamed so they are never held whole. */
    public static byte[] bomb(int megabytes) {
        com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (var out = new com.aayushatharva.brotli4j.encoder.BrotliOutputStream(bytes,
                new com.aayushatharva.brotli4j.encoder.Encoder.Parameters().setQuality(9).setWindow(24))) {
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
