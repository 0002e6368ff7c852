package fr.atelier.server.infra;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One line, French then English, saying why a node did not start and what to do: a facilitator who
 * double-clicked the jar on a laptop reads this, not a stack trace (the trace goes to DEBUG).
 */
public final class StartupFailures {
    private StartupFailures() {}

    public static String explain(Throwable failure, Path dataDir) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EmbeddedPlatform.UnsupportedPlatform || t instanceof StartupError) {
                return t.getMessage();
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
                return "Disque plein : libérez de la place là où Atelier garde ses données (" + dataDir
                        + ") ou choisissez un autre dossier (ATELIER_DATA_DIR). / Disk full: free some space in "
                        + dataDir + " or choose another folder (ATELIER_DATA_DIR).";
            }
            if (t instanceof BindException || lower.contains("address already in use")) {
                return "Le port est déjà pris par un autre programme : arrêtez-le ou choisissez un autre port (ATELIER_HTTP_PORT)."
                        + " / The port is already in use: stop the other program or set ATELIER_HTTP_PORT.";
            }
            if (t instanceof AccessDeniedException || t instanceof FileSystemException || lower.contains("read-only file system")
                    || lower.contains("permission denied")) {
                String reason = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : message;
                return "Impossible d'écrire dans le dossier de données " + dataDir + " (" + reason
                        + ") : donnez à Atelier un dossier où il peut écrire (ATELIER_DATA_DIR). / Cannot write to the data folder "
                        + dataDir + " (" + reason + "): set ATELIER_DATA_DIR to a folder Atelier can write to.";
            }
            if (t instanceof NumberFormatException) {
                return "Un réglage ATELIER_* attend un nombre (" + message + "). / An ATELIER_* setting expects a number ("
                        + message + ").";
            }
            if (t instanceof IOException && t.getCause() == null && message.isEmpty()) {
                break;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage())
                + (root != failure && root.getMessage() != null ? " (" + root.getMessage() + ")" : "")
                + " — détails / details: ATELIER_LOG_LEVEL=DEBUG";
    }
}
