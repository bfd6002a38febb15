package dev.crawler.cli.demo;

import dev.crawler.cli.output.IndexLine;
import dev.crawler.sim.GroundTruth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a crawl's index with the simulated web's ground truth: every URL that must be fetched
 * was, with the expected status, once; none that must not be fetched was. Pure.
 *
 * @param expected URLs of the ground truth that must be fetched
 * @param verified of those, the ones fetched with the expected status
 * @param missing ground-truth URLs not fetched
 * @param unexpected URLs fetched that are not in the ground truth (including forbidden ones)
 * @param forbidden URLs fetched that must never be fetched
 * @param wrongStatus URLs fetched with another status than expected, as {@code url (got X, expected Y)}
 * @param duplicates URLs that appear more than once in the index
 */
public record GroundTruthCheck(int expected, int verified, Set<String> missing, Set<String> unexpected,
        Set<String> forbidden, List<String> wrongStatus, Set<String> duplicates) {

    /** Checks {@code index} against {@code truth}. */
    public static GroundTruthCheck of(GroundTruth truth, List<IndexLine> index) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new TreeSet<>();
        Set<String> fetched = new TreeSet<>();
        List<String> wrongStatus = new ArrayList<>();
        int verified = 0;
        for (IndexLine line : index) {
            if (!seen.add(line.url())) {
                duplicates.add(line.url());
                continue;
            }
            if (line.status().isEmpty()) {
                continue; // refused before a request: robots.txt, address policy
            }
            fetched.add(line.url());
            Integer want = truth.expectedStatus().get(line.url());
            if (want != null && want.equals(line.status().get())) {
                verified++;
            } else if (want != null) {
                wrongStatus.add(line.url() + " (got " + line.status().get() + ", expected " + want + ")");
            }
        }
        Set<String> missing = new TreeSet<>(truth.mustFetch());
        missing.removeAll(fetched);
        Set<String> unexpected = new TreeSet<>(fetched);
        unexpected.removeAll(truth.mustFetch());
        Set<String> forbidden = new TreeSet<>(fetched);
        forbidden.retainAll(truth.mustNotFetch());
        return new GroundTruthCheck(truth.mustFetch().size(), verified, missing, unexpected, forbidden,
                wrongStatus, duplicates);
    }

    /** Whether the crawl did exactly what the ground truth says. */
    public boolean passed() {
        return verified == expected && missing.isEmpty() && unexpected.isEmpty() && wrongStatus.isEmpty()
                && duplicates.isEmpty();
    }

    /** {@code verified: 512/512 pages of the ground truth, 0 missing, 0 unexpected, ...}. */
    public String headline() {
        return (passed() ? "verified: " : "verification FAILED: ") + verified + "/" + expected
                + " URLs of the ground truth fetched with the expected status, "
                + missing.size() + " missing, " + unexpected.size() + " unexpected ("
                + forbidden.size() + " forbidden), " + wrongStatus.size() + " wrong status, "
                + duplicates.size() + " fetched twice";
    }

    /** Up to {@code limit} examples of each kind of problem, one per line. */
    public List<String> examples(int limit) {
        List<String> out = new ArrayList<>();
        addExamples(out, "missing", missing, limit);
        addExamples(out, "unexpected", unexpected, limit);
        addExamples(out, "wrong status", wrongStatus, limit);
        addExamples(out, "fetched twice", duplicates, limit);
        return out;
    }

    private static void addExamples(List<String> out, String kind, Collection<String> urls, int limit) {
        urls.stream().limit(limit).forEach(u -> out.add(kind + ": " + u));
    }
}
