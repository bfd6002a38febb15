package dev.crawler.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the bench's run directories. */
final class RunFiles {

    private RunFiles() {
    }

    /** The page trees of a run (its subdirectories), beside its index, log, spec and result. */
    static List<Path> pageTrees(Path runDir) throws IOException {
        try (var children = Files.list(runDir)) {
            return children.filter(Files::isDirectory).toList();
        }
    }

    /** The regular files under {@code dir}, at any depth (0 if it does not exist): the pages wget2 wrote. */
    static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
