package fr.atelier.server.formats.prioritisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.formats.FormatRoutes;
import fr.atelier.server.formats.FormatServices;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.JoinBase;
import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.http.Requests;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.prioritisation.ProjectSnapshot;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Projects of "Dessine-moi le travail" under {@code /api/projects}: create one (its secret key is
 * returned once), read it with its key (what a new session starts from, and the print view), and
 * export its action plan as CSV. The key travels as {@code Authorization: Bearer KEY}; pages carry it
 * in the URL fragment, which browsers never send. Errors go through the shared API's failure handler.
 */
public final class ProjectApi implements FormatRoutes {
    private static final Pattern PROJECT_ID = Pattern.compile("pj_[A-Za-z0-9_-]{1,37}");

    private final ProjectStore store;
    /** Signed-in people find their territory's projects without the secret link. */
    private final TerritoryProjects territoryProjects;
    private final JoinGuard guard;
    private final JoinBase joinBase;

    public ProjectApi(FormatServices services) {
        this.store = new ProjectStore(services.db());
        this.territoryProjects = new TerritoryProjects(services.db(), fr.atelier.server.workspace.planning.Viewer.signedIn());
        this.guard = services.guard();
        this.joinBase = services.joinBase();
    }

    @Override
    public void mount(Router router) {
        territoryProjects.mount(router);
        router.post("/api/projects").handler(this::create);
        router.get("/api/projects/:id").handler(rc -> report(rc).onSuccess(r -> {
            Requests.json(rc, 200, Json.MAPPER.valueToTree(r));
        }).onFailure(rc::fail));
        router.get("/api/projects/:id/plan.csv").handler(rc -> report(rc).onSuccess(r -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Content-Disposition", "attachment; filename=\"plan-d-action-" + r.project().id() + ".csv\"")
                .end(PrioritisationCsv.plan(r))).onFailure(rc::fail));
    }

    private void create(RoutingContext rc) {
        guard.create(address(rc));
        JsonNode body = Requests.body(rc);
        String name = orEmpty(Requests.line(body, "name", ProjectSnapshot.NAME_MAX, false));
        String sector = orEmpty(Requests.line(body, "sector", ProjectSnapshot.SECTOR_MAX, true));
        String territory = orEmpty(Requests.line(body, "territory", ProjectSnapshot.TERRITORY_MAX, false));
        String targetPublic = orEmpty(Requests.line(body, "targetPublic", ProjectSnapshot.PUBLIC_MAX, false));
        if (sector.isEmpty()) {
            throw ApiError.badRequest("Précisez le secteur ou le métier du projet.");
        }
        var owner = fr.atelier.server.workspace.planning.ProjectOwners.of(rc, body);
        store.create(name, sector, territory, targetPublic, owner.creatorId(), owner.territoryId()).onSuccess(created -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("projectId", created.id());
            out.put("projectKey", created.key());
            out.put("projectUrl", baseUrl(rc) + "/projets/" + created.id() + "#k=" + created.key());
            Requests.json(rc, 201, out);
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private Future<ProjectStore.Report> report(RoutingContext rc) {
        // A project link is a secret: an unknown project or a wrong key is a miss for the address.
        JoinGuard.Guess guess = guard.secret(address(rc)).orRefuse();
        String id = rc.pathParam("id");
        if (id == null || !PROJECT_ID.matcher(id).matches()) {
            throw unknownProject();
        }
        String key = Requests.bearer(rc);
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


    private String baseUrl(RoutingContext rc) {
        return joinBase.of(rc.request()).base();
    }

    private String address(RoutingContext rc) {
        return guard.address(rc.request().remoteAddress(), rc.request().headers());
    }



    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
