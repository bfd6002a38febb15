package dev.crawler.bench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * wget2 (GNU Wget2, Debian package {@code wget2}), the crawler the {@code realweb} and
 * {@code throughput} presets compare with: where it is, the command lines of its recursive crawls,
 * and what its exit code means. Every command line reads no configuration file
 * ({@code --no-config}), so that a user's {@code ~/.wget2rc} cannot change what is measured.
 */
final class Wget2 {

    /** What to say where wget2 is missing. */
    static final String NOT_INSTALLED = "wget2 is not installed (Debian package wget2: ./src/scripts/realweb-deps"
            + " installs it), so the comparison is skipped";

    private Wget2() {
    }

    /** The wget2 executable on the PATH, if there is one. */
    static Optional<Path> find() {
        return WrkProbe.onPath("wget2");
    }

    /**
     * The recursive download of one site's tree from {@code seed} with {@code threads} threads,
     * robots.txt ignored, into {@code pagesDir} without a directory for the host (realweb).
     */
    static List<String> siteCommand(Path wget2, int threads, String seed, Path pagesDir) {
        return List.of(wget2.toString(), "--no-config", "--recursive", "--level=inf", "--no-parent",
                "--max-threads=" + threads, "--no-robots", "--no-host-directories", "--quiet", "-P", pagesDir.toString(),
                seed);
    }

    /**
     * The recursive download of a whole web from {@code seeds} with {@code threads} threads: across
     * hosts, but only to {@code hosts} ({@code --span-hosts --domains}); robots.txt honoured or not
     * as {@code robots} says; into {@code pagesDir}, a directory per host.
     *
     * <p>wget2 1.99.1 does not decode character references in URLs: {@code http:&#47;/127.0.1.1/}
     * in a page becomes a URL on the host {@code &}, which {@code --domains} lets through. wget2
     * would look that name up and, when it fails, retry that host's robots.txt with a growing pause
     * for minutes; {@code --exclude-domains=&} keeps it to the web's addresses.
     */
    static List<String> webCommand(Path wget2, int threads, List<String> seeds, List<String> hosts, boolean robots,
            Path pagesDir) {
        List<String> cmd = new ArrayList<>(List.of(wget2.toString(), "--no-config", "--recursive", "--level=inf",
                "--span-hosts", "--domains=" + String.join(",", hosts), "--exclude-domains=&",
                "--max-threads=" + threads));
        if (!robots) {
            cmd.add("--no-robots");
        }
        cmd.addAll(List.of("--quiet", "-P", pagesDir.toString()));
        cmd.addAll(seeds);
        return List.copyOf(cmd);
    }

    /** Whether wget2 ended well: 0, or 8 (some answers were HTTP errors, as the 404s every web here has). */
    static boolean succeeded(int exitCode) {
        return exitCode == 0 || exitCode == 8;
    }
}
