package fr.atelier.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.db.Database;
import fr.atelier.server.db.ProjectStore;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.prioritisation.ProjectSnapshot;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Projects of "Dessine-moi le travail" under {@code /api/projects}: create one (its secret key is
 * returned once), read it with its key (what a new session starts from, and the print view), and
 * export its action plan as CSV. The key travels as {@code Authorization: Bearer KEY}; pages carry it
 * in the URL fragment, which browsers never send. Errors go through {@link HttpApi}'s failure handler.
 */
public final class ProjectApi {
    private static final Pattern PROJECT_ID = Pattern.compile("pj_[A-Za-z0-9_-]{1,37}");

    private final ProjectStore store;
    private final JoinGuard guard;
    private final JoinBase joinBase;

    public ProjectApi(Database db, JoinGuard guard, JoinBase joinBase) {
        this.store = new ProjectStore(db);
        this.guard = guard;
        this.joinBase = joinBase;
    }

    /** Mount after {@link HttpApi}, whose body handler and failure handler cover {@code /api/*}. */
    public void mount(Router router) {
        router.post("/api/projects").handler(this::create);
        router.get("/api/projects/:id").handler(rc -> report(rc).onSuccess(r -> {
            HttpApi.json(rc, 200, Json.MAPPER.valueToTree(r));
        }).onFailure(rc::fail));
        router.get("/api/projects/:id/plan.csv").handler(rc -> report(rc).onSuccess(r -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Content-Disposition", "attachment; filename=\"plan-d-action-" + r.project().id() + ".csv\"")
                .end(PrioritisationCsv.plan(r))).onFailure(rc::fail));
    }

    private void create(RoutingContext rc) {
        guard.create(address(rc));
        JsonNode body = body(rc);
        String name = text(body, "name", ProjectSnapshot.NAME_MAX, false);
        String sector = text(body, "sector", ProjectSnapshot.SECTOR_MAX, true);
        String territory = text(body, "territory", ProjectSnapshot.TERRITORY_MAX, false);
        String targetPublic = text(body, "targetPublic", ProjectSnapshot.PUBLIC_MAX, false);
        if (sector.isEmpty()) {
            throw ApiError.badRequest("Précisez le secteur ou le métier du projet.");
        }
        var owner = fr.atelier.server.workspace.planning.ProjectOwners.of(rc, body);
        store.create(name, sector, territory, targetPublic, owner.creatorId(), owner.territoryId()).onSuccess(created -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("projectId", created.id());
            out.put("projectKey", created.key());
            out.put("projectUrl", baseUrl(rc) + "/projets/" + created.id() + "#k=" + created.key());
            HttpApi.json(rc, 201, out);
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private Future<ProjectStore.Report> report(RoutingContext rc) {
        // A project link is a secret: an unknown project or a wrong key is a miss for the address.
        JoinGuard.Guess guess = guard.secret(address(rc)).orRefuse();
        String id = rc.pathParam("id");
        if (id == null || !PROJECT_ID.matcher(id).matches()) {
            throw unknownProject();
        }
        String key = bearer(rc);
        return store.load(id, key).recover(e -> {
            guess.unanswered();
            return Future.failedFuture(ApiError.unavailable());
        }).map(l -> {
            if (!l.found()) {
                throw unknownProject();
            }
            if (!l.authorised()) {
                throw new ApiError(401, "unauthorized", "Clé de projet invalide : utilisez le lien secret reçu à la création du projet.");
            }
            guess.passed();
            return l.report();
        });
    }

    private static ApiError unknownProject() {
        return new ApiError(404, "unknown_project", "Aucun projet ne correspond à ce lien.");
    }

    private static String bearer(RoutingContext rc) {
        String h = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        return h != null && h.startsWith("Bearer ") ? h.substring(7).trim() : null;
    }

    private String baseUrl(RoutingContext rc) {
        return joinBase.of(rc.request()).base();
    }

    private String address(RoutingContext rc) {
        return guard.address(rc.request().remoteAddress(), rc.request().headers());
    }

    private static JsonNode body(RoutingContext rc) {
        String raw = rc.body() == null ? null : rc.body().asString();
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest("Corps de requête JSON attendu.");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("Un objet JSON est attendu.");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("JSON illisible.");
        }
    }

    /** A cleaned text field ("" when absent and optional). */
    private static String text(JsonNode body, String field, int max, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiError.badRequest("Le champ « " + field + " » est obligatoire.");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest("Le champ « " + field + " » doit être un texte.");
        }
        String t = Text.clean(v.asText()).replaceAll("\\s+", " ");
        if (t.length() > max) {
            throw ApiError.badRequest("Le champ « " + field + " » dépasse " + max + " caractères.");
        }
        return t;
    }
}
