package dev.crawler.export;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WARC file names by the usual convention (IIPC, Heritrix):
 * {@code prefix-timestamp-serial-host.warc.gz}, such as
 * {@code crawl-20250131120000123-00007-crawlhost.warc.gz}: the 17-digit UTC time the file was
 * started, a five-digit serial number that goes on across runs of a crawl, and the name of the
 * machine that wrote it. A file being written carries the extra suffix {@code .open}.
 */
final class WarcFileNames {

    static final String SUFFIX = ".warc.gz";
    static final String OPEN_SUFFIX = ".open";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("(.+)-(\\d{17})-(\\d{5,})-([^/]+)\\.warc\\.gz(\\.open)?");

    private WarcFileNames() {
    }

    static String name(String prefix, Instant started, int serial, String host) {
        return prefix + "-" + TIMESTAMP.format(started) + "-" + String.format("%05d", serial) + "-" + host + SUFFIX;
    }

    /** The serial number of a WARC file name of this convention, open or not. */
    static OptionalInt serialOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(3))) : OptionalInt.empty();
    }

    /** The machine's name as a file name part: letters, digits, '.' and '_' only (no '-'). */
    static String localHost() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.nio.file.Files.readString(Path.of("/etc/hostname")).trim();
            } catch (java.io.IOException | RuntimeException e) {
                name = "localhost";
            }
        }
        String clean = name.replaceAll("[^A-Za-z0-9._]", "_");
        return clean.isEmpty() ? "localhost" : clean;
    }
}
