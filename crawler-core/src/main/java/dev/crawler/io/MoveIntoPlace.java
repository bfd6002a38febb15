package dev.crawler.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves a file written under a temporary name to its real name, replacing what was there: in one
 * atomic step where the file system can (a reader then sees the old file or the new one, never
 * half of one), else as a plain move.
 */
public final class MoveIntoPlace {

    private MoveIntoPlace() {
    }

    /** Moves {@code written} to {@code target}, atomically where the file system allows. */
    public static void replace(Path written, Path target) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
