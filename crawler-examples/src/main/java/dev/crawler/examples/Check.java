package dev.crawler.examples;

/** An example's check of its own result: a failed one ends the example with an error. */
final class Check {

    private Check() {
    }

    static void that(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("check failed: " + what);
        }
    }

    /** Runs {@code example} as a program: exit code 0 if it ran and its checks held, 1 if not. */
    static void main(String name, ThrowingRunnable example) {
        try {
            example.run();
            System.out.println(name + ": ok");
            System.exit(0);
        } catch (Exception | AssertionError e) {
            System.err.println(name + ": FAILED: " + e);
            System.exit(1);
        }
    }

    /** An example's body. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
