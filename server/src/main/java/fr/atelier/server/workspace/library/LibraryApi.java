package fr.atelier.server.workspace.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.Requests;
import fr.atelier.server.workspace.planning.Viewer;
import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.BiConsumer;

/**
 * The content library's HTTP API under {@code /api/library} (issue 16; the contract is
 * {@code docs/library.md}): list, read, create, save with optimistic concurrency, copy, delete,
 * import and export. Signed-in accounts only; every write goes to the audit log.
 */
public final class LibraryApi {
    /** An imported file or an editor's save: the largest content (a 200-question bank) fits well within. */
    static final int BODY_LIMIT = 2 * 1024 * 1024;
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LibraryStore store;
    private final LibraryKinds kinds;
    private final Viewer.Source viewers;
    private final Recorder recorder;

    /** Where the library reports what people did (the audit log); never a secret. */
    public interface Recorder {
        void record(String accountId, String action, String target, String detail);
    }

    public LibraryApi(LibraryStore store, LibraryKinds kinds, Viewer.Source viewers, Recorder recorder) {
        this.store = store;
        this.kinds = kinds;
        this.viewers = viewers;
        this.recorder = recorder;
    }

    /** Mount before the shared API's body handler (our own limit) and after the web-session handler. */
    public void mount(Router router) {
        router.get("/api/library").handler(this::list);
        router.post("/api/library").handler(this::create);
        router.post("/api/library/import").handler(this::importText);
        router.get("/api/library/:id").handler(rc -> withItem(rc, LibraryAccess::checkRead, (v, i) -> json(rc, 200, out(v, i))));
        router.put("/api/library/:id").handler(rc -> withItem(rc, LibraryAccess::checkEdit, (v, i) -> save(rc, v, i)));
        router.delete("/api/library/:id").handler(rc -> withItem(rc, LibraryAccess::checkEdit, (v, i) -> delete(rc, v, i)));
        router.post("/api/library/:id/copy").handler(rc -> withItem(rc, LibraryAccess::checkRead, (v, i) -> copy(rc, v, i)));
        router.get("/api/library/:id/export").handler(rc -> withItem(rc, LibraryAccess::checkRead, (v, i) -> export(rc, i)));
    }

    static String newId(String prefix) {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }

    Viewer viewer(RoutingContext rc) {
        return viewers.current(rc).orElseThrow(() -> new ApiError(401, "unauthenticated",
                "Connectez-vous pour utiliser la bibliothèque de contenus."));
    }

    private void list(RoutingContext rc) {
        Viewer v = viewer(rc);
        String kind = rc.queryParams().get("kind");
        if (kind != null && !kind.isBlank()) {
            kinds.of(kind);
        } else {
            kind = null;
        }
        store.list(kind, v).onSuccess(items -> {
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode arr = body.putArray("items");
            items.forEach(i -> arr.add(out(v, i)));
            json(rc, 200, body);
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void withItem(RoutingContext rc, BiConsumer<Viewer, LibraryItem> check, BiConsumer<Viewer, LibraryItem> then) {
        Viewer v = viewer(rc);
        store.byId(rc.pathParam("id")).onSuccess(i -> {
            try {
                if (i == null) {
                    throw new ApiError(404, "not_found", "Contenu introuvable : il a peut-être été supprimé.");
                }
                check.accept(v, i);
                then.accept(v, i);
            } catch (RuntimeException e) {
                rc.fail(e);
            }
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void create(RoutingContext rc) {
        Viewer v = viewer(rc);
        JsonNode body = Requests.body(rc);
        String kind = Requests.text(body, "kind", 20, true);
        kinds.of(kind);
        String territory = Requests.text(body, "territoryId", 40, false);
        LibraryAccess.checkWriteInto(v, territory);
        String title = title(body);
        String description = description(body);
        String id = newId("lib-");
        LibraryKinds.Checked checked = kinds.check(kind, body.get("content"), id, title);
        if (!checked.ok()) {
            invalid(rc, checked);
            return;
        }
        Instant now = Instant.now();
        LibraryItem item = new LibraryItem(id, kind, territory, null, title, description, checked.content(), checked.size(), 1, null,
                v.id(), now, v.id(), null, now);
        insert(rc, v, item, "library.create", kind + " " + title);
    }

    private void insert(RoutingContext rc, Viewer v, LibraryItem item, String action, String detail) {
        territoryExists(item.territoryId()).compose(ok -> store.insert(item)).onSuccess(saved -> {
            recorder.record(v.id(), action, saved.id(), detail);
            json(rc, 201, out(v, saved));
        }).onFailure(rc::fail);
    }

    private Future<Void> territoryExists(String territoryId) {
        if (territoryId == null) {
            return Future.succeededFuture();
        }
        return store.territoryName(territoryId).compose(name -> name == null
                ? Future.failedFuture(new ApiError(404, "not_found", "Territoire inconnu."))
                : Future.<Void>succeededFuture(), e -> Future.failedFuture(ApiError.unavailable()));
    }

    private void save(RoutingContext rc, Viewer v, LibraryItem i) {
        JsonNode body = Requests.body(rc);
        JsonNode version = body.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw ApiError.badRequest("Le champ « version » (la version modifiée) est obligatoire.");
        }
        String title = title(body);
        String description = description(body);
        LibraryKinds.Checked checked = kinds.check(i.kind(), body.get("content"), i.id(), title);
        if (!checked.ok()) {
            invalid(rc, checked);
            return;
        }
        store.update(i.id(), version.asInt(), title, description, checked.content(), checked.size(), v.id(), Instant.now())
                .onSuccess(saved -> {
                    if (saved == null) {
                        rc.fail(new ApiError(404, "not_found", "Contenu introuvable : il a peut-être été supprimé."));
                    } else if (saved.stale()) {
                        ObjectNode out = Json.MAPPER.createObjectNode();
                        String message = "Quelqu’un a enregistré ce contenu entre-temps (version " + saved.item().version()
                                + ") : rien n’a été écrasé. Comparez les deux versions avant d’enregistrer.";
                        out.put("code", "stale").put("message", message);
                        out.putObject("error").put("code", "stale").put("message", message);
                        out.set("current", out(v, saved.item()));
                        json(rc, 409, out);
                    } else {
                        recorder.record(v.id(), "library.edit", i.id(), "version " + saved.item().version());
                        json(rc, 200, out(v, saved.item()));
                    }
                }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void delete(RoutingContext rc, Viewer v, LibraryItem i) {
        store.delete(i.id(), v.id(), Instant.now()).onSuccess(done -> {
            recorder.record(v.id(), "library.delete", i.id(), i.kind() + " " + i.title());
            rc.response().setStatusCode(204).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void copy(RoutingContext rc, Viewer v, LibraryItem source) {
        JsonNode body = Requests.body(rc);
        String territory = Requests.text(body, "territoryId", 40, false);
        LibraryAccess.checkWriteInto(v, territory);
        Instant now = Instant.now();
        LibraryItem copy = new LibraryItem(newId("lib-"), source.kind(), territory, null, source.title(), source.description(),
                source.content(), source.size(), 1, source.id(), v.id(), now, v.id(), null, now);
        insert(rc, v, copy, "library.copy", "from " + source.id());
    }

    private void importText(RoutingContext rc) {
        Viewer v = viewer(rc);
        JsonNode body = Requests.body(rc);
        String kind = Requests.text(body, "kind", 20, true);
        ContentLibrary<?> library = kinds.of(kind);
        String territory = Requests.text(body, "territoryId", 40, false);
        LibraryAccess.checkWriteInto(v, territory);
        String format = Requests.text(body, "format", 10, false);
        format = format == null ? "yaml" : format;
        if (!format.equals("yaml") && !format.equals("csv")) {
            throw ApiError.badRequest("Type de fichier inconnu : yaml ou csv.");
        }
        String text = Requests.text(body, "text", BODY_LIMIT, true);
        ContentLibrary.Parsed<?> parsed = library.parse(text, format);
        if (!parsed.ok()) {
            invalid(rc, "Le fichier n’a pas été importé", parsed.problems());
            return;
        }
        LibraryKinds.Checked kept = LibraryKinds.kept(library, parsed.content());
        String title = Requests.line(body, "title", TITLE_MAX, false);
        if (title == null || title.isBlank()) {
            title = kept.content().path("title").asText("");
        }
        if (title.isBlank()) {
            title = "Contenu importé";
        }
        title = title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX) : title;
        String description = kept.content().path("description").isTextual() ? kept.content().path("description").asText() : null;
        if (description != null && description.length() > DESCRIPTION_MAX) {
            description = description.substring(0, DESCRIPTION_MAX);
        }
        Instant now = Instant.now();
        LibraryItem item = new LibraryItem(newId("lib-"), kind, territory, null, title, description, kept.content(), kept.size(), 1,
                null, v.id(), now, v.id(), null, now);
        insert(rc, v, item, "library.import", kind + " " + format + " " + kept.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void export(RoutingContext rc, LibraryItem i) {
        String as = rc.queryParams().get("as");
        as = as == null || as.isBlank() ? "yaml" : as;
        if (!as.equals("yaml") && !as.equals("csv")) {
            throw ApiError.badRequest("Export en yaml ou csv.");
        }
        ContentLibrary library = kinds.of(i.kind());
        String text;
        try {
            text = library.export(LibraryKinds.typed(library, i.content()), as);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Ce contenu s’exporte en YAML seulement.");
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, (as.equals("csv") ? "text/csv" : "application/yaml") + "; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + i.kind() + "-" + i.id() + "." + as + "\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(text);
    }

    private static String title(JsonNode body) {
        String t = Requests.line(body, "title", TITLE_MAX, true);
        if (t.isBlank()) {
            throw ApiError.badRequest("Donnez un titre à ce contenu.");
        }
        return t;
    }

    private static String description(JsonNode body) {
        String d = Requests.text(body, "description", DESCRIPTION_MAX, false);
        return d == null || d.isBlank() ? null : d.strip();
    }

    private static void invalid(RoutingContext rc, LibraryKinds.Checked checked) {
        invalid(rc, "Le contenu n’a pas été enregistré", checked.problems());
    }

    /** The 422 every refused content gets: the count in French, and each problem (a line or a path). */
    private static void invalid(RoutingContext rc, String what, java.util.List<?> problems) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        String message = what + " : " + problems.size() + (problems.size() > 1 ? " problèmes à corriger." : " problème à corriger.");
        out.put("code", "invalid").put("message", message);
        out.putObject("error").put("code", "invalid").put("message", message);
        out.set("problems", Json.MAPPER.valueToTree(problems));
        json(rc, 422, out);
    }

    static ObjectNode out(Viewer v, LibraryItem i) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", i.id()).put("kind", i.kind()).put("title", i.title()).put("description", i.description()).put("size", i.size())
                .put("territoryId", i.territoryId()).put("territoryName", i.territoryName()).put("version", i.version())
                .put("sourceId", i.sourceId()).put("editedBy", i.editedByName()).put("editedById", i.editedBy())
                .put("editedAt", i.editedAt() == null ? null : i.editedAt().toString())
                .put("editable", LibraryAccess.canEdit(v, i));
        if (i.content() != null) {
            o.set("content", i.content());
        }
        return o;
    }

    static void json(RoutingContext rc, int status, JsonNode body) {
        Requests.json(rc, status, body);
    }
}
