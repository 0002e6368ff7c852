package fr.atelier.server.workspace.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.http.ApiError;
import fr.atelier.workshops.prioritisation.ProjectSnapshot;

/**
 * The Dessine-moi project a prepared session starts (settings {@code "project": {"new": {...}}}). It
 * is created when the session opens, not when it is prepared: its secret key exists only then, is
 * given to {@code prioritisation.useProject} and to the facilitator once, and is never stored (the
 * server keeps only its hash, so a key could not be read back for a project chosen ahead).
 */
public record PreparedProject(String name, String sector, String territory, String targetPublic) {
    static final String CONTINUE_IN_CONSOLE = "Une séance préparée ne peut pas reprendre un projet existant : le serveur ne garde "
            + "que l'empreinte de sa clé secrète. Reprenez-le le jour même dans la console, avec son lien secret.";

    /** The project setting of a plan, checked; null when there is none. */
    public static PreparedProject of(String format, JsonNode settings) {
        JsonNode p = settings == null ? null : settings.get("project");
        if (p == null || p.isNull()) {
            return null;
        }
        if (!"prioritisation".equals(format)) {
            throw ApiError.badRequest("Seule une séance « Dessine-moi le travail » prépare un projet.");
        }
        if (p.has("id")) {
            throw ApiError.badRequest(CONTINUE_IN_CONSOLE);
        }
        JsonNode n = p.path("new");
        if (!n.isObject()) {
            throw ApiError.badRequest("Le projet préparé attend « new » : nom, secteur, territoire, public.");
        }
        String sector = line(n, "sector", ProjectSnapshot.SECTOR_MAX);
        if (sector.isEmpty()) {
            throw ApiError.badRequest("Précisez le secteur ou le métier du projet.");
        }
        return new PreparedProject(line(n, "name", ProjectSnapshot.NAME_MAX), sector, line(n, "territory", ProjectSnapshot.TERRITORY_MAX),
                line(n, "targetPublic", ProjectSnapshot.PUBLIC_MAX));
    }

    private static String line(JsonNode n, String field, int max) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual() || v.asText().strip().length() > max || v.asText().contains("\n")) {
            throw ApiError.badRequest("Projet : « " + field + " » doit être une ligne d'au plus " + max + " caractères.");
        }
        return v.asText().strip();
    }

    /**
     * Creates the project for an opening plan (owned by its creator and territory) and answers the
     * {@code prioritisation.useProject} command to replay first, with the key in hand only now.
     */
    public interface Starter {
        record Started(JsonNode useProject, String projectId, String projectKey) {}

        io.vertx.core.Future<Started> start(Plan plan, PreparedProject project);

        Starter NONE = (plan, project) -> io.vertx.core.Future.failedFuture(new IllegalStateException("no project starter"));
    }
}
