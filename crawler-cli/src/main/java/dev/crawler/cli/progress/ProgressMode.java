package dev.crawler.cli.progress;

import java.io.Console;
import java.lang.reflect.Method;
import java.time.Duration;

/** How progress is shown while a crawl runs. */
public enum ProgressMode {
    /** {@link #LINE} on an interactive terminal outside CI, {@link #LOG} otherwise. */
    AUTO,
    /** One line redrawn in place with carriage returns, about once a second. */
    LINE,
    /** A plain line every ten seconds, for logs and pipes. */
    LOG,
    /** Nothing until the summary. */
    NONE;

    /** What {@link #AUTO} means here and now. */
    public ProgressMode resolve() {
        if (this != AUTO) {
            return this;
        }
        return interactiveTerminal() ? LINE : LOG;
    }

    /** How often a report is printed. */
    public Duration interval() {
        return this == LINE ? Duration.ofSeconds(1) : Duration.ofSeconds(10);
    }

    /**
     * Whether standard output is a terminal a person watches: there is a console, it is a
     * terminal (JDK 22+ returns a console for redirected streams too, and says so with
     * {@code isTerminal()}), and the {@code CI} environment variable is not set.
     */
    static boolean interactiveTerminal() {
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
