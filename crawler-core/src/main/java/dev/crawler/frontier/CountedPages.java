package dev.crawler.frontier;

/** A page budget counted by its one caller: at most {@code max} starts, none if -1. */
final class CountedPages implements PageBudget {

    private final long max;
    private long started;

    CountedPages(long max) {
        if (max < -1 || max == 0) {
            throw new IllegalArgumentException("a page budget is at least 1, or -1 for none; was " + max);
        }
        this.max = max;
    }

    @Override
    public boolean spent() {
        return max > 0 && started >= max;
    }

    @Override
    public void started() {
        started++;
    }
}
