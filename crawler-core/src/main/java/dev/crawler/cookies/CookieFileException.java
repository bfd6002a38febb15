package dev.crawler.cookies;

import java.io.IOException;

/** A cookies.txt line that cannot be read, with its number and what is wrong with it. */
public final class CookieFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    CookieFileException(String source, int lineNumber, String problem) {
        super(source + " line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** The number of the line, counted from 1. */
    public int lineNumber() {
        return lineNumber;
    }
}
