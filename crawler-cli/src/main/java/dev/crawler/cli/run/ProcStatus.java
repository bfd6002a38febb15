package dev.crawler.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Linux's {@code /proc/self/status}: what the kernel says about this process's memory. Only the
 * peak resident set size ({@code VmHWM}, the "high water mark") is read; it is what GNU time and
 * the bench report as peak RSS, so a crawl's summary and the bench agree. Elsewhere (no /proc),
 * nothing is known.
 */
public final class ProcStatus {

    private static final Path SELF = Path.of("/proc/self/status");

    private ProcStatus() {
    }

    /** This process's peak RSS in bytes; empty where there is no /proc (macOS, Windows). */
    public static OptionalLong peakRssBytes() {
        try {
            return peakRssBytes(Files.readString(SELF, StandardCharsets.US_ASCII));
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code VmHWM:   123456 kB} line of a status text, in bytes; empty if it has none. */
    static OptionalLong peakRssBytes(String status) {
        return kilobytes(status, "VmHWM:");
    }

    private static OptionalLong kilobytes(String status, String key) {
        for (String line : status.lines().toList()) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                boolean valid = parts.length == 2 && parts[1].equals("kB") && parts[0].matches("[0-9]{1,15}");
                return valid ? OptionalLong.of(Long.parseLong(parts[0]) * 1024) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
