package fr.atelier.server;

import fr.atelier.server.infra.StartupFailures;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar atelier.jar}: one node, configured from ATELIER_* environment variables. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    /** Exits non-zero when the node cannot start, so that a supervisor or a script sees it. */
    public static void main(String[] args) {
        Config config = null;
        if (args.length > 0 && "admin".equals(args[0])) {
            System.exit(fr.atelier.server.workspace.accounts.AdminCli.run(args, Config.fromEnvironment().adminTarget(), System.out, System.err));
        }
        try {
            config = Config.fromEnvironment();
            AtelierServer.start(config);
        } catch (RuntimeException | Error e) {
            Path dataDir = config != null ? config.dataDir() : Path.of(System.getenv().getOrDefault("ATELIER_DATA_DIR", "./data"));
            LOG.error("Atelier ne peut pas démarrer / Atelier cannot start: {}", StartupFailures.explain(e, dataDir.toAbsolutePath().normalize()));
            LOG.debug("start-up failure", e);
            System.exit(1);
        }
    }
}
