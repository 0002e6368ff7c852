package fr.atelier.server.workspace.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.moderation.NameFilters;
import fr.atelier.server.workspace.Audit;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.NameFilter;
import fr.atelier.workshops.core.Text;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The administrators' edits of the name filter (issue 15, item 4): words refused on top of the
 * bundled lists, and exceptions (entries of those lists accepted here). Under {@code /api/admin/},
 * so {@link AdminApi}'s role check runs first; one audit line per change.
 */
public final class ModerationAdminApi {
    private final NameFilters names;
    private final Audit audit;

    public ModerationAdminApi(NameFilters names, Audit audit) {
        this.names = names;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.get("/api/admin/moderation/words").handler(rc -> names.words().onSuccess(ws -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode refused = out.putArray("refused");
            ArrayNode allowed = out.putArray("allowed");
            for (NameFilters.Word w : ws) {
                (w.kind().equals(NameFilters.ALLOW) ? allowed : refused).addObject().put("word", w.word())
                        .put("addedAt", w.addedAt().toInstant().toString());
            }
            out.put("bundled", NameFilter.bundledWords().size());
            AuthApi.json(rc, 200, out);
        }).onFailure(rc::fail));
        router.post("/api/admin/moderation/words").handler(rc -> change(rc, true));
        router.post("/api/admin/moderation/words/remove").handler(rc -> change(rc, false));
        router.get("/api/admin/moderation/check").handler(rc -> {
            String name = rc.queryParams().get("name");
            AuthApi.json(rc, 200, Json.MAPPER.createObjectNode().put("refused", names.current().refuses(name)));
        });
    }

    private void change(RoutingContext rc, boolean add) {
        JsonNode body = AuthApi.body(rc);
        String kind = AuthApi.text(body, "kind", 10);
        if (!NameFilters.REFUSE.equals(kind) && !NameFilters.ALLOW.equals(kind)) {
            throw ApiError.badRequest("« kind » vaut refuse (mot refusé) ou allow (exception).");
        }
        String word = Text.clean(AuthApi.text(body, "word", 200)).replaceAll("\\s+", " ");
        if (word.isEmpty() || word.length() > NameFilters.WORD_MAX) {
            throw ApiError.badRequest("Un mot ou une expression de 1 à " + NameFilters.WORD_MAX + " caractères, sur une ligne.");
        }
        String stored = word.toLowerCase(java.util.Locale.ROOT);
        String by = WebSessions.current(rc).orElseThrow().id();
        Future<Boolean> done = add ? names.add(kind, stored, by) : names.remove(kind, stored);
        done.compose(changed -> !changed ? Future.succeededFuture(changed)
                        : audit.record(by, add ? "moderation.word_added" : "moderation.word_removed", kind, stored).map(changed))
                .onSuccess(changed -> AuthApi.json(rc, add && changed ? 201 : 200,
                        Json.MAPPER.createObjectNode().put("kind", kind).put("word", stored).put("changed", changed)))
                .onFailure(rc::fail);
    }
}
