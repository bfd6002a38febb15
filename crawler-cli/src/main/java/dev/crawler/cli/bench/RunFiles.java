package dev.crawler.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
}
