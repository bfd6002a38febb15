package dev.crawler.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@code index.jsonl} left by an earlier run of a crawl: trims a torn last line (a
 * crash in the middle of a write) and finds which URLs it holds. Pure file work, no crawl state.
 */
public final class IndexRecovery {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int TAIL_CHUNK = 64 * 1024;

    private IndexRecovery() {
    }

    /**
     * Cuts {@code index} back to the end of its last complete line.
     *
     * @return how many bytes were cut (0 when the file ends with a newline, is empty or is missing)
     */
    public static long trimTornLine(Path index) throws IOException {
        if (!Files.isRegularFile(index)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(index, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = endOfLastLine(ch, size);
            if (keep < size) {
                ch.truncate(keep);
            }
            return size - keep;
        }
    }

    /** The URLs among {@code wanted} that {@code index} has a line for. */
    public static Set<String> present(Path index, Set<String> wanted) throws IOException {
        Set<String> found = new HashSet<>();
        if (wanted.isEmpty() || !Files.isRegularFile(index)) {
            return found;
        }
        try (BufferedReader r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                urlOf(line).filter(wanted::contains).ifPresent(found::add);
            }
        }
        return found;
    }

    /** The {@code url} field of an index line, if the line has one. */
    public static Optional<String> urlOf(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("url")) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
                }
                p.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long endOfLastLine(FileChannel ch, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(TAIL_CHUNK);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - TAIL_CHUNK);
            buf.clear().limit((int) (end - start));
            while (buf.hasRemaining()) {
                if (ch.read(buf, start + buf.position()) < 0) {
                    break;
                }
            }
            for (int i = buf.position() - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
