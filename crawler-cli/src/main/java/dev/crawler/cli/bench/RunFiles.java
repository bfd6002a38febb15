package dev.crawler.cli.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Files of the bench's run directories: removing page trees after the check, and whole trees. */
final class RunFiles {

    private RunFiles() {
    }

    /** The page trees of a run (its subdirectories), beside its index, log, spec and result. */
    static List<Path> pageTrees(Path runDir) throws IOException {
        try (var children = Files.list(runDir)) {
            return children.filter(Files::isDirectory).toList();
        }
    }

    /** Deletes {@code root} and everything under it, without following links. */
    static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
