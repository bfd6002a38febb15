package dev.crawler.fetch.http;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether brotli ({@code Content-Encoding: br}) can be decoded here: brotli4j's native library
 * (bundled for linux-x86_64) loads once, when a fetcher is built, never on an event loop (loading
 * unpacks a file). Where it is missing, {@code br} is neither asked for nor decoded.
 */
public final class BrotliSupport {

    private static final Logger LOG = LoggerFactory.getLogger(BrotliSupport.class);
    private static final boolean AVAILABLE = load();

    private BrotliSupport() {
    }

    private static boolean load() {
        try {
            if (Brotli4jLoader.isAvailable()) {
                return true;
            }
            LOG.info("brotli is not available here ({}); br bodies are not asked for",
                    Messages.rootMessage(Brotli4jLoader.getUnavailabilityCause()));
        } catch (LinkageError e) {
            LOG.info("brotli is not available here ({}); br bodies are not asked for", e.toString());
        }
        return false;
    }

    public static boolean available() {
        return AVAILABLE;
    }
}
