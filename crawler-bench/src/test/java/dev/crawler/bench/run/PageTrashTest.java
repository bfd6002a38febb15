package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageTrashTest {

    @TempDir
    Path tmp;

    private final StringWriter said = new StringWriter();

    @Test
    void treesAreRemovedOnlyWhenTheBenchIsOver() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("runs/async-epoll"));
        Path pages = Files.createDirectories(run.resolve("site-1.sim_80/a"));
        Files.writeString(pages.resolve("index.html"), "page");
        Files.writeString(run.resolve("index.jsonl"), "{}\n");
        try (PageTrash trash = new PageTrash(new PrintWriter(said))) {
            RunFiles.pageTrees(run).forEach(trash::add);
            assertThat(pages.resolve("index.html")).as("still there while the bench runs").exists();
        }
        assertThat(run.resolve("site-1.sim_80")).doesNotExist();
        assertThat(run.resolve("index.jsonl")).as("the run's own files stay").exists();
        assertThat(said.toString()).contains("removing the page files the runs wrote (1 directory)");
    }

    @Test
    void anEarlierBenchIsMovedAsideAtOnceAndRemovedAtTheEnd() throws IOException {
        Path old = Files.createDirectories(tmp.resolve("bench-out/scale/runs/x"));
        Files.writeString(old.resolve("f"), "x");
        try (PageTrash trash = new PageTrash(new PrintWriter(said))) {
            trash.moveAside(tmp.resolve("bench-out/scale"));
            assertThat(tmp.resolve("bench-out/scale")).as("free for the new bench").doesNotExist();
            try (var left = Files.list(tmp.resolve("bench-out"))) {
                assertThat(left.toList()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                        .startsWith(".scale.old-"));
            }
        }
        try (var left = Files.list(tmp.resolve("bench-out"))) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void leftoversOfAnInterruptedBenchAreRemovedToo() throws IOException {
        Files.createDirectories(tmp.resolve("bench-out/.scale.old-123/runs"));
        Files.createDirectories(tmp.resolve("bench-out/.seed.old-456"));
        try (PageTrash trash = new PageTrash(new PrintWriter(said))) {
            trash.moveAside(tmp.resolve("bench-out/scale")); // no current directory: only the leftover
        }
        try (var left = Files.list(tmp.resolve("bench-out"))) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly(".seed.old-456");
        }
    }

    @Test
    void lowDiskSpaceRemovesWhatItHoldsAtOnce() throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("pages/a"));
        try (PageTrash trash = new PageTrash(new PrintWriter(said))) {
            trash.add(tmp.resolve("pages"));
            trash.removeNowIfSpaceBelow(tmp, 1);
            assertThat(tree).as("more than a byte free: kept").exists();
            trash.removeNowIfSpaceBelow(tmp, Long.MAX_VALUE);
            assertThat(tree).as("never that much free: removed now").doesNotExist();
        }
        assertThat(said.toString()).contains("MB free on the disk of");
    }

    @Test
    void treesAlreadyGoneAreSkippedAndTheRestIsRemoved() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real/sub"));
        Path plainFile = Files.writeString(tmp.resolve("plain-file"), "x");
        try (PageTrash trash = new PageTrash(new PrintWriter(said))) {
            trash.add(tmp.resolve("never-made"));
            trash.add(plainFile.resolve("child")); // a path under a file: nothing there to remove
            trash.add(tmp.resolve("real"));
        }
        assertThat(real).doesNotExist();
        assertThat(tmp.resolve("real")).doesNotExist();
        assertThat(plainFile).exists();
        assertThat(said.toString()).doesNotContain("warning");
    }
}
