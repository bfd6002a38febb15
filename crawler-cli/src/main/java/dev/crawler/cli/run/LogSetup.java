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

    /** How {@code crawler.log} is written. */
    public enum Format {
        /** A line of text per event: time, level, thread, logger, message. */
        TEXT,
        /** A JSON object per line (Logback's {@code JsonEncoder}), for log shippers. */
        JSON
    }

    /** Sends the log to {@code dir/crawler.log} as text; returns that path. */
    public static Path logTo(Path dir) {
        return logTo(dir, Format.TEXT);
    }

    /** Sends the log to {@code dir/crawler.log} in {@code format}; returns that path. */
    public static Path logTo(Path dir, Format format) {
        Path absolute = dir.toAbsolutePath().normalize();
        System.setProperty(LOG_DIR_PROPERTY, absolute.toString());
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            reconfigure(context);
            if (format == Format.JSON) {
                jsonLines(context);
            }
        }
        return absolute.resolve(LOG_FILE);
    }

    /** Gives the file appender of {@code logback.xml} ({@code FILE}, behind {@code ASYNC_FILE}) a JSON encoder. */
    private static void jsonLines(LoggerContext context) {
        if (context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("ASYNC_FILE")
                instanceof ch.qos.logback.classic.AsyncAppender async
                && async.getAppender("FILE") instanceof ch.qos.logback.core.FileAppender<?> file) {
            @SuppressWarnings("unchecked")
            ch.qos.logback.core.FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                    (ch.qos.logback.core.FileAppender<ch.qos.logback.classic.spi.ILoggingEvent>) file;
            ch.qos.logback.classic.encoder.JsonEncoder json = new ch.qos.logback.classic.encoder.JsonEncoder();
            json.setContext(context);
            json.setWithFormattedMessage(true); // the message as read, beside its template and arguments
            json.setWithContext(false); // the same on every line
            json.start();
            events.stop();
            events.setEncoder(json);
            events.start();
        }
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
