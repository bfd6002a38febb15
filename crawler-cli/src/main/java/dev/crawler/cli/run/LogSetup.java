package dev.crawler.cli.run;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at a log directory. {@code logback.xml} (shipped as {@code config/logback.xml}
 * and inside the jar) writes {@code ${crawler.logdir}/crawler.log} and shows only warnings on the
 * console. The property is set before any logger exists; if Logback was already configured (an
 * earlier crawl in the same JVM, a test), it is configured again so the new directory applies.
 * {@code -Dlogback.configurationFile=...} still chooses another configuration file.
 */
public final class LogSetup {

    /** The system property {@code logback.xml} reads the directory from. */
    public static final String LOG_DIR_PROPERTY = "crawler.logdir";
    public static final String LOG_FILE = "crawler.log";

    private LogSetup() {
    }

    /** Sends the log to {@code dir/crawler.log}; returns that path. */
    public static Path logTo(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        System.setProperty(LOG_DIR_PROPERTY, absolute.toString());
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            reconfigure(context);
        }
        return absolute.resolve(LOG_FILE);
    }

    private static void reconfigure(LoggerContext context) {
        URL config = configuration();
        if (config == null) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
        }
    }

    private static URL configuration() {
        String file = System.getProperty("logback.configurationFile");
        if (file != null) {
            try {
                Path p = Path.of(file);
                return Files.exists(p) ? p.toUri().toURL() : LogSetup.class.getClassLoader().getResource(file);
            } catch (MalformedURLException | RuntimeException e) {
                return null;
            }
        }
        return LogSetup.class.getClassLoader().getResource("logback.xml");
    }
}
