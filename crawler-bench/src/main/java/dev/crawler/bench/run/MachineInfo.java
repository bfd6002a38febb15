package dev.crawler.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Where and when a bench ran, printed with its results.
 *
 * @param cores processors the JVM sees
 * @param cpu the processor's model name ({@code /proc/cpuinfo}), or {@code unknown}
 * @param os operating system, version and architecture
 * @param java the Java runtime's version and vendor
 * @param date when the bench started (local time, ISO-8601)
 */
public record MachineInfo(int cores, String cpu, String os, String java, String date) {

    static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
                ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** {@code 2 cores (AMD EPYC), Linux 6.1 amd64, Java 25+36 (Eclipse Adoptium), 2026-11-24T10:00:00Z}. */
    public String describe() {
        return cores + " cores (" + cpu + "), " + os + ", Java " + java + ", " + date;
    }
}
