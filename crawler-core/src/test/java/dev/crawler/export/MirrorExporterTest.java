package dev.crawler.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorExporterTest {

    @TempDir
    Path tmp;

    @Test
    void writesPagesAtMappedPathsAndReturnsThem() throws IOException {
        Path out = tmp.resolve("out");
        try (MirrorExporter mirror = new MirrorExporter(out)) {
            Path a = mirror.write("http://site-1.sim:8080/page/3", bytes("three"));
            Path b = mirror.write("http://site-1.sim:8080/page", bytes("page"));
            Path c = mirror.write("http://site-1.sim:8080/page/", bytes("index"));
            assertThat(a).isEqualTo(Path.of("site-1.sim_8080/page/3.html"));
            assertThat(Files.readString(out.resolve(a))).isEqualTo("three");
            assertThat(Files.readString(out.resolve(b))).isEqualTo("page");
            assertThat(Files.readString(out.resolve(c))).isEqualTo("index");
        }
    }

    @Test
    void replacesAnEarlierCopyAndLeavesNoTemporaryFiles() throws IOException {
        try (MirrorExporter mirror = new MirrorExporter(tmp)) {
            mirror.write("http://a.sim/x", bytes("first"));
            Path p = mirror.write("http://a.sim/x", bytes("second"));
            assertThat(Files.readString(tmp.resolve(p))).isEqualTo("second");
        }
        assertThat(allFiles(tmp)).containsExactly(tmp.resolve("a.sim/x.html"));
    }

    @Test
    void hostileUrlsWriteOnlyInsideTheOutputDirectory() throws IOException {
        Path out = tmp.resolve("deep/out");
        List<String> urls = List.of("http://a.sim/../../escape", "http://a.sim/%2e%2e/%2e%2e/escape", "http://a.sim/..%2f..%2fescape",
                "http://a.sim\\..\\..\\escape", "http://a.sim/a%00b", "http://a.sim/" + "n".repeat(400), "http://a.sim/CON",
                "http://a.sim/.htaccess", "http://a.sim/?../../escape", "http://a.sim/%C0%AE%C0%AE/escape",
                "http://a.sim/x?" + "%E2%82%AC".repeat(300), "http://a.sim" + "/d".repeat(600));
        try (MirrorExporter mirror = new MirrorExporter(out)) {
            for (String url : urls) {
                Path p = mirror.write(url, bytes(url));
                assertThat(Files.readString(out.resolve(p))).isEqualTo(url);
            }
        }
        // The first three are one URL once normalized: http://a.sim/escape.
        assertThat(allFiles(tmp)).hasSize(urls.size() - 2).allMatch(f -> f.startsWith(out));
    }

    @Test
    void refusesToFollowSymbolicLinks() throws IOException {
        Path out = tmp.resolve("out");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("evil.sim"), outside);
        try (MirrorExporter mirror = new MirrorExporter(out)) {
            assertThatThrownBy(() -> mirror.write("http://evil.sim/x", bytes("x")))
                    .isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
            Files.createDirectories(out.resolve("b.sim"));
            Files.createSymbolicLink(out.resolve("b.sim/x.html"), outside.resolve("target"));
            assertThatThrownBy(() -> mirror.write("http://b.sim/x", bytes("x")))
                    .isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        }
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void concurrentWritesAllLandWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (MirrorExporter mirror = new MirrorExporter(tmp)) {
            List<String> urls = new ArrayList<>();
            List<Future<Path>> writes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                // 20 distinct pages in shared new directories, each written 20 times at once.
                String url = "http://host-" + (i % 4) + ".sim/d" + (i % 5) + "/p" + (i % 20);
                byte[] body = bytes(url.repeat(1000));
                urls.add(url);
                writes.add(pool.submit(() -> mirror.write(url, body)));
            }
            for (int i = 0; i < writes.size(); i++) {
                Path p = writes.get(i).get();
                assertThat(p).isEqualTo(new PathMapper().map(urls.get(i)));
                assertThat(Files.readString(tmp.resolve(p))).isEqualTo(urls.get(i).repeat(1000));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allFiles(tmp)).hasSize(20).allMatch(f -> f.toString().endsWith(".html"));
    }

    @Test
    void aFileWhereADirectoryShouldBeIsAnError() throws IOException {
        Files.writeString(tmp.resolve("a.sim"), "not a directory");
        try (MirrorExporter mirror = new MirrorExporter(tmp)) {
            assertThatThrownBy(() -> mirror.write("http://a.sim/x", bytes("x")))
                    .isInstanceOf(IOException.class).hasMessageContaining("not a directory");
        }
        assertThat(Files.readString(tmp.resolve("a.sim"))).isEqualTo("not a directory");
    }

    @Test
    void aDirectoryRemovedDuringTheCrawlIsMadeAgain() throws IOException {
        try (MirrorExporter mirror = new MirrorExporter(tmp)) {
            Path first = mirror.write("http://a.sim/d/one", bytes("one"));
            deleteTree(tmp.resolve("a.sim"));
            Path second = mirror.write("http://a.sim/d/two", bytes("two"));
            assertThat(Files.readString(tmp.resolve(second))).isEqualTo("two");
            assertThat(tmp.resolve(first)).doesNotExist();
        }
    }

    @Test
    void aShortFileLeftByACrashIsReplacedWhole() throws IOException {
        Path relative = new PathMapper().map("http://a.sim/page");
        Files.createDirectories(tmp.resolve(relative).getParent());
        Files.writeString(tmp.resolve(relative), "<html><bo"); // cut short by a kill
        try (MirrorExporter mirror = new MirrorExporter(tmp)) {
            mirror.write("http://a.sim/page", bytes("<html><body>whole</body></html>"));
        }
        assertThat(Files.readString(tmp.resolve(relative))).isEqualTo("<html><body>whole</body></html>");
        assertThat(allFiles(tmp)).containsExactly(tmp.resolve(relative));
    }

    @Test
    void discardRemovesOnlyThatPagesRegularFile() throws IOException {
        try (MirrorExporter mirror = new MirrorExporter(tmp)) {
            Path kept = mirror.write("http://a.sim/kept", bytes("kept"));
            Path left = mirror.write("http://a.sim/left", bytes("<html><bo"));
            mirror.discard("http://a.sim/left");
            mirror.discard("http://a.sim/never-written");
            assertThat(tmp.resolve(left)).doesNotExist();
            assertThat(Files.readString(tmp.resolve(kept))).isEqualTo("kept");
            Path outside = Files.writeString(Files.createTempFile("outside", ".html"), "x");
            Files.createSymbolicLink(tmp.resolve(new PathMapper().map("http://a.sim/link")), outside);
            mirror.discard("http://a.sim/link");
            assertThat(outside).as("a link is not a page file: left alone").exists();
            Files.delete(outside);
        }
    }

    @Test
    void closedExporterRefusesWrites() throws IOException {
        MirrorExporter mirror = new MirrorExporter(tmp);
        mirror.close();
        assertThatThrownBy(() -> mirror.write("http://a.sim/", bytes("x"))).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<Path> allFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
