package dev.crawler.bench.run;

import dev.crawler.cli.demo.GroundTruthCheck;
import dev.crawler.cli.output.IndexFile;
import dev.crawler.cli.output.IndexLine;
import dev.crawler.sim.GroundTruth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a run did the crawl right, judged from its index against the ground truth
 * ({@link GroundTruthCheck}). A complete run must match it exactly. A run stopped by the time
 * budget is partial: what it fetched must still be right (nothing unexpected or forbidden, no
 * wrong status, nothing fetched twice), only the rest is missing. Any fetch that got no response
 * fails the run. A failed run is never reported as a rate.
 *
 * @param status the outcome
 * @param detail one line: the check's headline, or what failed
 */
public record RunVerdict(Status status, String detail) {

    /** The outcome of a run. */
    public enum Status {
        /** Complete and exactly the ground truth. */
        OK,
        /** Stopped at the time budget; everything fetched is right. */
        PARTIAL,
        /** Wrong, incomplete without a budget stop, or not run to the end. */
        FAILED;

        public String label() {
            return switch (this) {
                case OK -> "ok";
                case PARTIAL -> "budget";
                case FAILED -> "FAILED";
            };
        }
    }

    /** Judges the index of a run that stopped as {@code stoppedByBudget} says. */
    public static RunVerdict of(GroundTruth truth, List<IndexLine> index, boolean stoppedByBudget) {
        Map<String, Long> errors = IndexFile.errorsByKind(index);
        if (!errors.isEmpty()) {
            long n = errors.values().stream().mapToLong(Long::longValue).sum();
            return new RunVerdict(Status.FAILED, n + " fetch" + (n == 1 ? "" : "es") + " failed: "
                    + errors.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
        GroundTruthCheck check = GroundTruthCheck.of(truth, index);
        if (!stoppedByBudget) {
            return new RunVerdict(check.passed() ? Status.OK : Status.FAILED, check.headline());
        }
        boolean right = check.unexpected().isEmpty() && check.wrongStatus().isEmpty() && check.duplicates().isEmpty();
        return right
                ? new RunVerdict(Status.PARTIAL, "stopped at the time budget: " + check.verified() + "/"
                        + check.expected() + " URLs of the ground truth fetched with the expected status, 0 unexpected,"
                        + " 0 wrong status, 0 fetched twice")
                : new RunVerdict(Status.FAILED, "stopped at the time budget, and " + check.headline());
    }

    /** A run that did not get as far as an index. */
    public static RunVerdict crashed(String why) {
        return new RunVerdict(Status.FAILED, why);
    }

    public boolean counts() {
        return status != Status.FAILED;
    }
}
