package fr.atelier.server.formats.prioritisation;

import static fr.atelier.server.db.generated.Tables.PROJECT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.db.Database;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.Requests;
import fr.atelier.server.workspace.planning.Access;
import fr.atelier.server.workspace.planning.Viewer;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jooq.Condition;


/**
 * Dessine-moi projects listed and read per territory (issue 14, item 6): the people of a territory
 * find its projects without a secret link kept on one device. Other territories' are refused.
 */
final class TerritoryProjects {
    private final Database db;
    private final ProjectStore projects;
    private final Viewer.Source viewers;

    TerritoryProjects(Database db, Viewer.Source viewers) {
        this.db = db;
        this.projects = new ProjectStore(db);
        this.viewers = viewers;
    }

    void mount(Router router) {
        router.get("/api/workspace/projects").handler(this::list);
        router.get("/api/workspace/projects/:id").handler(this::read);
    }

    private Viewer viewer(RoutingContext rc) {
        return viewers.current(rc).orElseThrow(() -> new ApiError(401, "unauthenticated", "Connectez-vous pour retrouver les projets de votre territoire."));
    }

    private void list(RoutingContext rc) {
        Viewer v = viewer(rc);
        String territory = rc.queryParams().get("territory");
        if (territory != null && !v.inTerritory(territory)) {
            throw new ApiError(403, "forbidden", Access.OTHER_TERRITORY);
        }
        Condition c = territory != null ? PROJECT.TERRITORY_ID.eq(territory)
                : v.isAdmin() ? PROJECT.TERRITORY_ID.isNotNull() : PROJECT.TERRITORY_ID.in(v.territoryIds());
        db.query(tx -> tx.select(PROJECT.ID, PROJECT.NAME, PROJECT.SECTOR, PROJECT.TERRITORY_ID, PROJECT.CREATOR_ID, PROJECT.UPDATED_AT)
                .from(PROJECT).where(c).orderBy(PROJECT.UPDATED_AT.desc()).limit(500).fetch()).onSuccess(rows -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode list = out.putArray("projects");
            rows.forEach(r -> list.addObject().put("id", r.value1()).put("name", r.value2()).put("sector", r.value3())
                    .put("territoryId", r.value4()).put("creatorId", r.value5()).put("updatedAt", r.value6().toInstant().toString()));
            Requests.json(rc, 200, out);
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void read(RoutingContext rc) {
        Viewer v = viewer(rc);
        String id = rc.pathParam("id");
        db.query(tx -> tx.select(PROJECT.ID, PROJECT.TERRITORY_ID).from(PROJECT).where(PROJECT.ID.eq(id)).fetchOne())
                .compose(found -> {
                    if (found == null) {
                        return Future.failedFuture(new ApiError(404, "unknown_project", "Aucun projet ne correspond à ce lien."));
                    }
                    String territory = found.value2();
                    if (territory == null || !v.inTerritory(territory)) {
                        return Future.failedFuture(new ApiError(403, "forbidden", territory == null
                                ? "Ce projet n'appartient à aucun territoire : ouvrez-le avec son lien secret." : Access.OTHER_TERRITORY));
                    }
                    return projects.loadForTerritory(id, territory);
                })
                .onSuccess(r -> Requests.json(rc, 200, Json.MAPPER.valueToTree(r)))
                .onFailure(rc::fail);
    }

}
