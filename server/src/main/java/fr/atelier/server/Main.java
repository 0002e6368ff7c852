package fr.atelier.server;

import fr.atelier.server.infra.StartupError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar atelier.jar}: one node, configured from ATELIER_* environment variables. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    /** Exits non-zero when the node cannot start, so that a supervisor or a script sees it. */
    public static void main(String[] args) {
        try {
            AtelierServer.start(Config.fromEnvironment());
        } catch (StartupError e) {
            LOG.error("Atelier cannot start: {}", e.getMessage());
            System.exit(1);
        } catch (RuntimeException | Error e) {
            LOG.error("Atelier cannot start", e);
            System.exit(1);
        }
    }
}
