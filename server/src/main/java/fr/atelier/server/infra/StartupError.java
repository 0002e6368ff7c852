package fr.atelier.server.infra;

/**
 * A node cannot start for a reason its operator must fix (folder in use, port taken, services of
 * another installation): the message says which and what to do; no stack trace is needed.
 */
public final class StartupError extends RuntimeException {
    public StartupError(String message) {
        super(message);
    }

    public StartupError(String message, Throwable cause) {
        super(message, cause);
    }
}
