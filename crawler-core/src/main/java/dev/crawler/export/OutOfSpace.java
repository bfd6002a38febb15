package dev.crawler.export;

import java.io.IOException;
import java.util.Locale;

/** Tells a full file system (ENOSPC, EDQUOT) from other write failures, by the JDK's message. */
final class OutOfSpace {

    private OutOfSpace() {
    }

    static boolean is(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("disk quota exceeded")
                        || lower.contains("not enough space")) {
                    return true;
                }
            }
        }
        return false;
    }
}
