package dev.crawler.parse;

/**
 * Where an HTML comment ends, by jsoup's comment states: {@code <!-->} and {@code <!--->} are
 * whole (empty) comments; otherwise the comment ends at the first {@code -->} or {@code --!>}
 * (any number of dashes before the {@code >}), or at the end of the text.
 */
final class Comments {

    private enum State { START, START_DASH, COMMENT, END_DASH, END, END_BANG }

    private Comments() {
    }

    /**
     * @param from the index right after {@code <!--}
     * @return the index after the comment
     */
    static int end(String text, int from) {
        int n = text.length();
        State state = State.START;
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            switch (state) {
                case START -> {
                    if (c == '>') {
                        return i + 1;
                    }
                    if (c != '-') {
                        state = State.COMMENT;
                        continue; // reconsumed as comment text
                    }
                    state = State.START_DASH;
                }
                case START_DASH -> {
                    if (c == '>') {
                        return i + 1;
                    }
                    state = c == '-' ? State.END : State.COMMENT;
                }
                case COMMENT -> {
                    int dash = text.indexOf('-', i);
                    if (dash < 0) {
                        return n;
                    }
                    i = dash;
                    state = State.END_DASH;
                }
                case END_DASH -> state = c == '-' ? State.END : State.COMMENT;
                case END -> {
                    if (c == '>') {
                        return i + 1;
                    }
                    state = c == '!' ? State.END_BANG : c == '-' ? State.END : State.COMMENT;
                }
                case END_BANG -> {
                    if (c == '>') {
                        return i + 1;
                    }
                    state = c == '-' ? State.END_DASH : State.COMMENT;
                }
            }
            i++;
        }
        return n;
    }
}
