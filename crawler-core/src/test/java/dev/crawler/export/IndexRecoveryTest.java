package dev.crawler.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRecoveryTest {

    @TempDir
    Path tmp;

    private static String line(String url) throws IOException {
        return new String(IndexWriter.line(IndexEntry.failed(url, Instant.EPOCH, 0, 0, null, "x: y")),
                StandardCharsets.UTF_8);
    }

    @Test
    void aTornLastLineIsCutOffAndWholeLinesAreKept() throws IOException {
        Path index = tmp.resolve("index.jsonl");
        String whole = line("http://a.sim/1") + line("http://a.sim/2");
        Files.writeString(index, whole + "{\"url\":\"http://a.sim/3\",\"fin");
        assertThat(IndexRecovery.trimTornLine(index)).isEqualTo(28);
        assertThat(Files.readString(index)).isEqualTo(whole);
        assertThat(IndexRecovery.trimTornLine(index)).isZero();
    }

    @Test
    void aFileOfOneTornLineBecomesEmptyAndAMissingFileIsFine() throws IOException {
        Path index = tmp.resolve("index.jsonl");
        assertThat(IndexRecovery.trimTornLine(index)).isZero();
        Files.writeString(index, "{\"url\":\"htt");
        IndexRecovery.trimTornLine(index);
        assertThat(Files.size(index)).isZero();
    }

    @Test
    void aTornLineLongerThanTheScanChunkIsFound() throws IOException {
        Path index = tmp.resolve("index.jsonl");
        String whole = line("http://a.sim/1");
        Files.writeString(index, whole + "{\"url\":\"" + "x".repeat(200_000));
        IndexRecovery.trimTornLine(index);
        assertThat(Files.readString(index)).isEqualTo(whole);
    }

    @Test
    void findsWhichUrlsTheIndexHolds() throws IOException {
        Path index = tmp.resolve("index.jsonl");
        Files.writeString(index, line("http://a.sim/1") + line("http://a.sim/\"2\"") + "not json\n");
        assertThat(IndexRecovery.present(index, Set.of("http://a.sim/1", "http://a.sim/\"2\"", "http://a.sim/3")))
                .containsExactlyInAnyOrder("http://a.sim/1", "http://a.sim/\"2\"");
        assertThat(IndexRecovery.urlOf("{\"status\":1,\"url\":\"u\"}")).contains("u");
        assertThat(IndexRecovery.urlOf("{\"url\":null}")).isEmpty();
    }

    @Test
    void aFullDiskFailsTheWriteClearlyAndLaterWritesToo() throws IOException {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "/dev/full is needed to simulate a full disk");
        Path index = tmp.resolve("index.jsonl");
        Files.createSymbolicLink(index, devFull);
        try (IndexWriter writer = new IndexWriter(index)) {
            byte[] l = line("http://a.sim/1").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> writer.writeLine(l)).isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left on device");
            assertThatThrownBy(() -> writer.writeLine(l)).isInstanceOf(IOException.class)
                    .hasMessageContaining("earlier failure");
        }
    }
}
