package fr.atelier.server.workspace.accounts;

import fr.atelier.server.db.Database;
import fr.atelier.server.infra.EmbeddedServices;
import fr.atelier.server.infra.StartupError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar atelier.jar admin invite EMAIL --role admin}: prints a one-time link to set a
 * password. Needs only PostgreSQL: ATELIER_DATABASE_URL when set; else the embedded one under
 * ATELIER_DATA_DIR, started for the command, or, when a server already runs on that folder (it
 * holds the folder's lock), that server's own embedded PostgreSQL, found by its postmaster.pid.
 */
public final class AdminCli {
    private AdminCli() {}

    public static final String USAGE = "Usage : java -jar atelier.jar admin invite EMAIL --role admin|coordinator|facilitator";

    /** Runs the command; the exit status (0 done, 2 bad usage, 1 failure). */
    /** Where the command acts: the database (or the data directory of the embedded one) and the links' base. */
    public record Target(String databaseUrl, java.nio.file.Path dataDir, String publicUrl, int httpPort) {}

    public static int run(String[] args, Target config, PrintStream out, PrintStream err) {
        if (args.length < 3 || !"admin".equals(args[0]) || !"invite".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        String email = AccountStore.normaliseEmail(args[2]);
        Role role = Role.ADMIN;
        for (int i = 3; i < args.length; i++) {
            if ("--role".equals(args[i]) && i + 1 < args.length) {
                role = Role.of(args[++i]);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (role == null || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            err.println(role == null ? USAGE : "Adresse e-mail invalide : " + args[2]);
            return 2;
        }
        try {
            String link = invite(config, email, role);
            out.println("Invitation créée pour " + email + " (" + role.label() + "). Lien à usage unique, valable 7 jours :");
            out.println(link);
            return 0;
        } catch (RuntimeException e) {
            err.println("L'invitation n'a pas pu être créée / the invitation could not be created: " + e.getMessage());
            return 1;
        }
    }

    /** Creates the invitation and returns its link. Blocking: for the command line and tests. */
    public static String invite(Target config, String email, Role role) {
        EmbeddedServices embedded = new EmbeddedServices();
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        Database db = null;
        try {
            String url = config.databaseUrl();
            if (url == null) {
                url = runningServerDatabase(config.dataDir());
                if (url == null) {
                    embedded.startPostgres(config.dataDir(), false);
                    url = embedded.databaseUrl();
                }
            }
            db = Database.connect(vertx, url, 2); // Flyway holds one connection for its lock, migrates on another
            String token = new Invitations(db).create(Invitations.Kind.INVITE, email, role, List.of(), null).await();
            new fr.atelier.server.workspace.Audit(db).record(null, "account.invited", email, "rôle " + role.dbName() + ", en ligne de commande").await();
            String base = config.publicUrl() != null ? config.publicUrl() : "http://localhost:" + config.httpPort();
            return base + Invitations.PAGE + "#t=" + token;
        } finally {
            if (db != null) {
                db.close();
            }
            vertx.close().await();
            embedded.close();
        }
    }

    /**
     * The embedded PostgreSQL of a server running on this data folder, or null when none runs. The
     * folder's lock file names the live server's process; its postmaster.pid names the port.
     */
    static String runningServerDatabase(Path dataDir) {
        Path lock = dataDir.resolve("atelier.lock");
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(lock) || !Files.exists(pid)) {
                return null;
            }
            String owner = Files.readString(lock).trim();
            if (owner.isEmpty() || ProcessHandle.of(Long.parseLong(owner)).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                return null;
            }
            List<String> lines = Files.readAllLines(pid);
            if (lines.size() < 4) {
                return null;
            }
            return "jdbc:postgresql://127.0.0.1:" + Integer.parseInt(lines.get(3).trim()) + "/postgres?user=postgres";
        } catch (IOException | NumberFormatException e) {
            throw new StartupError("Impossible de lire le dossier de données " + dataDir + " : " + e.getMessage()
                    + " / cannot read the data folder", e);
        }
    }
}
