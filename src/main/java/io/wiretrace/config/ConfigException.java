package io.wiretrace.config;

/** A configuration or usage problem found before any work starts (exit code 2). */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
