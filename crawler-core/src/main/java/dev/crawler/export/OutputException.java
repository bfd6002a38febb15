package dev.crawler.export;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Output that a crawl cannot go on without could not be written (disk full, directory gone,
 * permission lost). Unlike a page that cannot be mirrored (recorded in the index and skipped), it
 * stops the crawl; what was written before stays consistent, so the crawl can be resumed once the
 * cause is fixed.
 */
public final class OutputException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    public OutputException(String message, IOException cause) {
        super(message, cause);
    }
}
