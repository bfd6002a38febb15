package dev.crawler.cli.config;

/**
 * A setting, a config file or a seed list that stops the start: the message names the key (or
 * file and line) and the reason. The command exits with code 2.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
