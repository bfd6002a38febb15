package dev.crawler;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether and how a crawl writes WARC files ({@code --warc}).
 *
 * @param enabled whether WARC files are written
 * @param prefix the first part of each file name ({@code prefix-timestamp-serial-host.warc.gz})
 * @param maxFileBytes a file is closed and the next one started once it is this large
 */
public record WarcSettings(boolean enabled, String prefix, long maxFileBytes) {

    /** Heritrix's default too: 1 GiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 30;
    public static final String DEFAULT_PREFIX = "crawl";
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._]{0,63}");
    private static final long MIN_FILE_BYTES = 4096;

    public WarcSettings {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("warcPrefix must be 1 to 64 letters, digits, '.' or '_' (no '-',"
                    + " which separates the parts of a WARC file name), was '" + prefix + "'");
        }
        if (maxFileBytes < MIN_FILE_BYTES) {
            throw new IllegalArgumentException("warcMaxSize must be at least 4KB, was " + maxFileBytes + " bytes");
        }
    }

    public static WarcSettings off() {
        return new WarcSettings(false, DEFAULT_PREFIX, DEFAULT_MAX_FILE_BYTES);
    }

    public static WarcSettings on() {
        return new WarcSettings(true, DEFAULT_PREFIX, DEFAULT_MAX_FILE_BYTES);
    }

    public WarcSettings withEnabled(boolean value) {
        return new WarcSettings(value, prefix, maxFileBytes);
    }

    public WarcSettings withPrefix(String value) {
        return new WarcSettings(enabled, value, maxFileBytes);
    }

    public WarcSettings withMaxFileBytes(long value) {
        return new WarcSettings(enabled, prefix, value);
    }
}
