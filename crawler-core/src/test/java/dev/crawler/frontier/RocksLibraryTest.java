package dev.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

class RocksLibraryTest {

    private static final String NAME = Environment.getJniLibraryFileName("rocksdb");
    private static final String LOADED_AS = Environment.getJniLibraryFileName("rocksdbjni");

    @TempDir
    Path root;

    @Test
    void theLibraryIsCopiedOnceWholeAndReusedAfterwards() throws Exception {
        Path dir = RocksLibrary.cachedCopy(root).orElseThrow();
        Path lib = dir.resolve(LOADED_AS);
        JarURLConnection jar = (JarURLConnection) RocksDB.class.getResource("/" + NAME).openConnection();
        assertThat(Files.size(lib)).isEqualTo(jar.getJarEntry().getSize());
        assertThat(crc(lib)).isEqualTo(jar.getJarEntry().getCrc());
        try (var files = Files.list(dir)) {
            assertThat(files).as("no partial copy left").containsExactly(lib);
        }

        FileTime written = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(lib, written);
        assertThat(RocksLibrary.cachedCopy(root)).contains(dir);
        assertThat(Files.getLastModifiedTime(lib)).as("reused, not written again").isEqualTo(written);
    }

    @Test
    void aCutShortCopyIsReplaced() throws Exception {
        Path dir = RocksLibrary.cachedCopy(root).orElseThrow();
        Path lib = dir.resolve(LOADED_AS);
        long size = Files.size(lib);
        Files.write(lib, new byte[] {1, 2, 3});
        assertThat(RocksLibrary.cachedCopy(root)).contains(dir);
        assertThat(Files.size(lib)).isEqualTo(size);
    }

    @Test
    void aCacheThatCannotBeWrittenGivesNoCopy() throws IOException {
        Path file = Files.writeString(root.resolve("a-file"), "not a directory");
        assertThat(RocksLibrary.cachedCopy(file)).isEqualTo(Optional.empty());
    }

    /**
     * A new JVM (this one may have loaded RocksDB already, some other way) loads the library from
     * the copy: the only RocksDB library it maps is the copy under the cache directory.
     */
    @Test
    void aNewProcessLoadsTheCopyAndExtractsNothing() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "-D" + RocksLibrary.CACHE_PROPERTY + "=" + root, LoadAndShow.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        Path copy = RocksLibrary.cachedCopy(root).orElseThrow().resolve(LOADED_AS);
        assertThat(out.lines().filter(l -> l.startsWith("mapped ")).toList()).as(out)
                .containsExactly("mapped " + copy);
    }

    /** Loads RocksDB as the store does, then prints each RocksDB library this process maps. */
    public static final class LoadAndShow {
        public static void main(String[] args) throws IOException {
            RocksLibrary.load();
            Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("rocksdbjni"))
                    .map(l -> "mapped " + l.substring(l.indexOf('/'))).distinct().forEach(System.out::println);
        }
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }
}
