package fr.atelier.server.workspace.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.Requests;
import fr.atelier.workshops.core.Bilan;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Publics;
import fr.atelier.workshops.core.Text;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;

/**
 * The territory's lists for the Région's report (issue 18): the fixed publics, the partner
 * structures and the impact questions. Everyone of the territory reads them (the preparation form);
 * its coordinators and the administrators change them.
 */
final class TerritoryRecordApi {
    private static final String BASE = "/api/workspace/territories/:territoryId";
    private final TerritoryRecordStore store;
    private final Viewer.Source viewers;
    private final PlanningApi.Recorder recorder;

    TerritoryRecordApi(TerritoryRecordStore store, Viewer.Source viewers, PlanningApi.Recorder recorder) {
        this.store = store;
        this.viewers = viewers;
        this.recorder = recorder;
    }

    void mount(Router router) {
        router.route("/api/workspace/territories/*").handler(BodyHandler.create().setBodyLimit(8 * 1024).setHandleFileUploads(false));
        router.get("/api/workspace/publics").handler(rc -> {
            viewer(rc);
            Requests.json(rc, 200, Json.MAPPER.valueToTree(Publics.ALL));
        });
        router.get(BASE + "/structures").handler(rc -> reading(rc, t -> store.structures(t).map(Json.MAPPER::valueToTree)));
        router.post(BASE + "/structures").handler(rc -> changing(rc, 201, (v, t) -> {
            JsonNode body = Requests.body(rc);
            String name = Text.clean(Requests.text(body, "name", 160, true));
            String kind = Text.clean(java.util.Objects.requireNonNullElse(Requests.text(body, "kind", 60, false), ""));
            if (name.isEmpty()) {
                throw ApiError.badRequest("Donnez le nom de la structure.");
            }
            return store.addStructure(t, name, kind).map(s -> {
                recorder.record(v.id(), "territory.structure.add", s.id(), t);
                return Json.MAPPER.valueToTree(s);
            });
        }));
        router.delete(BASE + "/structures/:id").handler(rc -> changing(rc, 200, (v, t) ->
                store.retireStructure(t, rc.pathParam("id")).map(done -> {
                    if (!done) {
                        throw new ApiError(404, "not_found", "Cette structure n’est pas dans la liste du territoire.");
                    }
                    recorder.record(v.id(), "territory.structure.retire", rc.pathParam("id"), t);
                    return Json.MAPPER.createObjectNode().put("retired", true);
                })));
        router.get(BASE + "/impact-questions").handler(rc -> reading(rc, t -> store.questions(t).map(Json.MAPPER::valueToTree)));
        router.post(BASE + "/impact-questions").handler(rc -> changing(rc, 201, (v, t) -> {
            JsonNode body = Requests.body(rc);
            String text = Text.clean(Requests.text(body, "text", Bilan.QUESTION_MAX, true));
            String moments = Requests.text(body, "moments", 12, true);
            String problem = Bilan.questionProblem(text, moments);
            if (problem != null) {
                throw ApiError.badRequest(problem);
            }
            return store.addQuestion(t, text, moments).map(q -> {
                recorder.record(v.id(), "territory.question.add", q.id(), t);
                return Json.MAPPER.valueToTree(q);
            });
        }));
        router.delete(BASE + "/impact-questions/:id").handler(rc -> changing(rc, 200, (v, t) ->
                store.retireQuestion(t, rc.pathParam("id")).map(done -> {
                    if (!done) {
                        throw new ApiError(404, "not_found", "Cette question n’est pas une question du territoire.");
                    }
                    recorder.record(v.id(), "territory.question.retire", rc.pathParam("id"), t);
                    return Json.MAPPER.createObjectNode().put("retired", true);
                })));
    }

    private Viewer viewer(RoutingContext rc) {
        return viewers.current(rc).orElseThrow(() -> new ApiError(401, "unauthenticated", "Connectez-vous pour continuer."));
    }

    private void reading(RoutingContext rc, Function<String, Future<JsonNode>> work) {
        Viewer v = viewer(rc);
        String territory = rc.pathParam("territoryId");
        if (!v.inTerritory(territory)) {
            throw new ApiError(403, "forbidden", "Ce territoire n’est pas le vôtre.");
        }
        work.apply(territory).onSuccess(body -> Requests.json(rc, 200, body)).onFailure(rc::fail);
    }

    private void changing(RoutingContext rc, int status, java.util.function.BiFunction<Viewer, String, Future<JsonNode>> work) {
        Viewer v = viewer(rc);
        String territory = rc.pathParam("territoryId");
        if (!v.isAdmin() && !(v.isCoordinator() && v.inTerritory(territory))) {
            throw new ApiError(403, "forbidden", "Seul·es les coordinateur·rices du territoire et les administrateur·rices modifient ses listes.");
        }
        work.apply(v, territory).onSuccess(body -> Requests.json(rc, status, body)).onFailure(rc::fail);
    }
}
