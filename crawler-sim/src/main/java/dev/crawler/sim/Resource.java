package dev.crawler.sim;

/** What a path on a simulated host names; see {@link SimPaths} for the scheme. */
sealed interface Resource {

    /** HTTP status this resource is served with. */
    int status();

    /** A content page with links: the root (0) or /page/N. */
    record Content(int page) implements Resource {
        @Override
        public int status() {
            return 200;
        }
    }

    /** A 200 page without links (disallowed or nofollow-only targets). */
    record Leaf(String label) implements Resource {
        @Override
        public int status() {
            return 200;
        }
    }

    /**
     * A redirect.
     *
     * @param host 1-based target host, 0 for the same host
     * @param location target path and query on that host
     */
    record Redirect(int host, String location, int status, LocationForm form) implements Resource {
    }

    /** robots.txt. */
    record Robots() implements Resource {
        @Override
        public int status() {
            return 200;
        }
    }

    /** Nothing here. */
    record NotFound() implements Resource {
        @Override
        public int status() {
            return 404;
        }
    }

    /** How a Location header is written. */
    enum LocationForm {
        /** {@code http://site-1.sim:PORT/page/3} */
        ABSOLUTE,
        /** {@code /page/3} */
        ROOT_RELATIVE,
        /** {@code ../../page/3}, relative to the redirecting URL */
        DOT_RELATIVE
    }
}
