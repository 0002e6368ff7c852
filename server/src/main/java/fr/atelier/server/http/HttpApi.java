package fr.atelier.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.db.ArchiveReader;
import fr.atelier.server.live.Outcome;
import fr.atelier.server.live.SessionHandle;
import fr.atelier.server.live.SessionRegistry;
import fr.atelier.server.live.Synthesis;
import fr.atelier.server.live.Tokens;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.ContentLibrary;
import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.NameFilter;
import fr.atelier.workshops.core.PlatformCommand;
import fr.atelier.workshops.core.Text;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON API under {@code /api}: create, look up, join, QR code, synthesis and CSV. */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    public static final int BODY_LIMIT = 16 * 1024;
    public static final int LIBRARY_LIMIT = 1024 * 1024;
    /** A context key: who wants to know about a session created by this request (issue 14: its owner). */
    public static final String CREATED_HOOK = "atelier.sessionCreated";

    private final SessionRegistry registry;
    private final ArchiveReader archive;
    private final JoinBase joinBase;
    private final JoinGuard guard;

    private final Map<String, FormatExtras> modules = new HashMap<>();

    /** The name filter of the moment (issue 15, item 4): checked here, before the join command, so the decider stays pure. */
    private final Supplier<NameFilter> names;

    public HttpApi(SessionRegistry registry, ArchiveReader archive, JoinBase joinBase, List<? extends FormatExtras> modules, JoinGuard guard) {
        this(registry, archive, joinBase, modules, guard, () -> NameFilter.NONE);
    }

    public HttpApi(SessionRegistry registry, ArchiveReader archive, JoinBase joinBase, List<? extends FormatExtras> modules, JoinGuard guard,
                   Supplier<NameFilter> names) {
        this.names = names;
        this.guard = guard;
        modules.forEach(m -> this.modules.put(m.formatId(), m));
        this.registry = registry;
        this.archive = archive;
        this.joinBase = joinBase;
    }

    public void mount(Router router) {
        // Imported banks and decks are larger than any other request: their own limit, first.
        router.post("/api/formats/:format/library/*").handler(BodyHandler.create().setBodyLimit(LIBRARY_LIMIT).setHandleFileUploads(false));
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false));
        router.get("/api/formats").handler(this::formats);
        router.post("/api/sessions").handler(this::create);
        router.get("/api/sessions/:code").handler(this::info);
        router.post("/api/sessions/:code/join").handler(this::join);
        router.get("/api/sessions/:code/qr.svg").handler(this::qr);
        router.get("/api/sessions/:code/synthesis").handler(rc -> synthesis(rc).onSuccess(s -> Requests.json(rc, 200, Json.MAPPER.valueToTree(s))).onFailure(rc::fail));
        router.get("/api/sessions/:code/export.csv").handler(rc -> synthesis(rc).onSuccess(s -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"atelier-" + s.code() + ".csv\"")
                .end(csv(s))).onFailure(rc::fail));
        router.get("/api/formats/:format/library").handler(rc -> Requests.json(rc, 200, Json.MAPPER.valueToTree(library(rc).catalogue())));
        router.get("/api/formats/:format/library/:id").handler(this::libraryItem);
        router.post("/api/formats/:format/library/parse").handler(this::libraryParse);
        router.post("/api/formats/:format/library/export").handler(this::libraryExport);
        router.route("/api/*").failureHandler(HttpApi::failure);
        // Last of all routes (after the other APIs and the static files): an unknown API address
        // answers the JSON error body too.
        router.route("/api/*").order(Integer.MAX_VALUE)
                .handler(rc -> rc.fail(new ApiError(404, "not_found", "Cette adresse de l'API n'existe pas.")));
    }

    /** The CSV export of a session's synthesis, with its format's own rows. */
    public String csv(Synthesis s) {
        return CsvExport.of(s, csvRows(s.format()));
    }

    private java.util.function.BiConsumer<JsonNode, List<List<String>>> csvRows(String format) {
        FormatExtras m = modules.get(format);
        return m == null ? null : m.csvRows();
    }

    private ContentLibrary<?> library(RoutingContext rc) {
        FormatExtras m = modules.get(rc.pathParam("format"));
        if (m == null || m.library() == null) {
            throw new ApiError(404, "not_found", "Ce format n'a pas de contenu modifiable.");
        }
        return m.library();
    }

    private void libraryItem(RoutingContext rc) {
        ContentLibrary<?> library = library(rc);
        String id = rc.pathParam("id");
        boolean known = library.catalogue().stream().anyMatch(i -> i.id().equals(id));
        if (!known) {
            throw new ApiError(404, "not_found", "Contenu introuvable : « " + id + " ».");
        }
        Requests.json(rc, 200, Json.MAPPER.valueToTree(library.load(id)));
    }

    /** Imports YAML or CSV text; answers the content, or every problem found with its line. */
    private void libraryParse(RoutingContext rc) {
        ContentLibrary<?> library = library(rc);
        String kind = kind(rc);
        String text = rc.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("Le fichier à importer est vide.");
        }
        ContentLibrary.Parsed<?> parsed = library.parse(text, kind);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("ok", parsed.ok());
        if (parsed.content() != null) {
            out.set("content", Json.MAPPER.valueToTree(parsed.content()));
        }
        out.set("problems", Json.MAPPER.valueToTree(parsed.problems()));
        Requests.json(rc, parsed.ok() ? 200 : 422, out);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void libraryExport(RoutingContext rc) {
        ContentLibrary library = library(rc);
        String kind = kind(rc);
        Object content;
        try {
            content = Json.MAPPER.readValue(rc.body().asString(), library.type());
        } catch (IOException | RuntimeException e) {
            throw ApiError.badRequest("Contenu illisible : " + e.getMessage());
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, kind.equals("csv") ? "text/csv; charset=utf-8" : "application/yaml; charset=utf-8")
                .end(library.export(content, kind));
    }

    private static String kind(RoutingContext rc) {
        String kind = rc.queryParams().get("kind");
        if (kind == null) {
            return "yaml";
        }
        if (!kind.equals("yaml") && !kind.equals("csv")) {
            throw ApiError.badRequest("Type de fichier inconnu : yaml ou csv.");
        }
        return kind;
    }

    private void formats(RoutingContext rc) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Format<?, ?, ?> f : registry.formats().all()) {
            list.addObject().put("id", f.id()).put("title", f.title());
        }
        Requests.json(rc, 200, list);
    }

    private void create(RoutingContext rc) {
        String address = address(rc);
        guard.create(address);
        JsonNode body = Requests.body(rc);
        String formatId = Requests.text(body, "format", 40, true);
        String title = Requests.text(body, "title", 120, false);
        Format<?, ?, ?> format = registry.formats().find(formatId)
                .orElseThrow(() -> ApiError.badRequest("Format inconnu : « " + formatId + " »."));
        registry.create(format, title).onSuccess(created -> {
            guard.reached(address, created.code());
            java.util.function.Consumer<SessionRegistry.Created> hook = rc.get(CREATED_HOOK);
            if (hook != null) {
                hook.accept(created);
            }
            String base = baseUrl(rc);
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("code", created.code());
            out.put("hostToken", created.hostToken());
            out.put("consoleUrl", base + "/h/" + created.code() + "#k=" + created.hostToken());
            out.put("screenUrl", base + "/s/" + created.code() + "/screen");
            out.put("joinUrl", base + "/j/" + created.code());
            out.put("synthesisUrl", base + "/s/" + created.code() + "/synthese#k=" + created.hostToken());
            Requests.json(rc, 201, out);
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void info(RoutingContext rc) {
        session(rc).compose(handle -> handle.query("info", null)).onSuccess(out -> Requests.json(rc, 200, out)).onFailure(rc::fail);
    }

    private void join(RoutingContext rc) {
        JsonNode body = Requests.body(rc);
        String nickname = Requests.text(body, "nickname", 200, false);
        String participantId = Tokens.id("p_");
        String token = Tokens.secret();
        String typed = nickname == null ? "" : nickname;
        session(rc).compose(handle -> {
            guard.join(address(rc), Tokens.normaliseCode(rc.pathParam("code")));
            if (names.get().refuses(typed)) {
                return Future.failedFuture(new ApiError(400, NameFilter.CODE, NameFilter.REFUSAL));
            }
            return Future.succeededFuture(handle);
        }).compose(handle -> handle.submit(Actor.GUEST, "join:" + participantId,
                new PlatformCommand.Join(participantId, typed, Tokens.hash(token)))
                .compose(outcome -> outcome.accepted()
                        ? Future.succeededFuture(Text.clean(typed))
                        : Future.failedFuture(joinError(outcome))))
                .onSuccess(name -> {
                    ObjectNode out = Json.MAPPER.createObjectNode();
                    out.put("participantId", participantId).put("nickname", name).put("rejoinToken", token);
                    Requests.json(rc, 201, out);
                }).onFailure(rc::fail);
    }

    private static ApiError joinError(Outcome o) {
        int status = switch (o.code()) {
            case "nickname_taken" -> 409;
            case "session_ended" -> 410;
            case "joining_closed" -> 403;
            case "unavailable" -> 503;
            default -> 400;
        };
        return new ApiError(status, o.code(), o.message());
    }

    private void qr(RoutingContext rc) {
        String code = code(rc);
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml")
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .end(QrCodes.svg(baseUrl(rc) + "/j/" + code));
    }

    /**
     * Live sessions come from their actor; archived ones (live keys expired) from PostgreSQL. The
     * host token is a secret: a wrong one (or an unknown code) is a miss for the address.
     */
    private Future<Synthesis> synthesis(RoutingContext rc) {
        String code = code(rc);
        String token = Requests.bearer(rc);
        if (token == null) {
            throw ApiError.unauthorized();
        }
        JoinGuard.Guess guess = guard.secret(address(rc)).orRefuse();
        return registry.byCode(code).compose(handle -> {
            if (handle != null) {
                return handle.query("synthesis", token).recover(e -> Future.failedFuture(
                        "unauthorized".equals(e.getMessage()) || e instanceof SecurityException ? ApiError.unauthorized() : e))
                        .map(node -> {
                            try {
                                return Json.MAPPER.treeToValue(node, Synthesis.class);
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        });
            }
            return archive.synthesis(code, token).map(l -> {
                if (!l.found()) {
                    throw ApiError.unknownSession();
                }
                if (!l.authorised()) {
                    throw ApiError.unauthorized();
                }
                return l.synthesis();
            });
        }).onSuccess(s -> guess.passed());
    }

    /** Looks a code up; unknown codes are misses for the address (codes must not be guessable). */
    private Future<SessionHandle> session(RoutingContext rc) {
        String code = code(rc);
        JoinGuard.Guess guess = guard.code(address(rc), code).orRefuse();
        return registry.byCode(code)
                .recover(e -> {
                    guess.unanswered();
                    return Future.failedFuture(ApiError.unavailable());
                })
                .compose(handle -> {
                    if (handle == null) {
                        return Future.failedFuture(ApiError.unknownSession());
                    }
                    guess.found();
                    return Future.succeededFuture(handle);
                });
    }

    /** The code of the path; one that cannot exist is a miss like an unknown one. */
    private String code(RoutingContext rc) {
        String code = Tokens.normaliseCode(rc.pathParam("code"));
        if (code == null) {
            guard.code(address(rc), null).orRefuse();
            throw ApiError.unknownSession();
        }
        return code;
    }


    private String baseUrl(RoutingContext rc) {
        return joinBase.of(rc.request()).base();
    }

    private String address(RoutingContext rc) {
        return guard.address(rc.request().remoteAddress(), rc.request().headers());
    }




    /** The one error path: typed errors become {"error":{code,message}}; anything else is a 500. */
    static void failure(RoutingContext rc) {
        Throwable f = rc.failure();
        ApiError error;
        if (f instanceof ApiError e) {
            error = e;
        } else if (rc.statusCode() == 413) {
            error = new ApiError(413, "too_large", "Requête trop volumineuse (16 Kio au plus).");
        } else if (rc.statusCode() > 0 && rc.statusCode() < 500 && f == null) {
            error = new ApiError(rc.statusCode(), "bad_request", "Requête invalide.");
        } else {
            LOG.atError().setCause(f).addKeyValue("path", rc.request().path()).log("request failed");
            error = new ApiError(500, "internal", "Erreur interne : l'équipe technique en a été informée.");
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putObject("error").put("code", error.code()).put("message", error.getMessage());
        if (error.retryAfterSeconds() > 0 && !rc.response().headWritten()) {
            rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
        }
        if (!rc.response().ended()) {
            Requests.json(rc, error.status(), out);
        }
    }
}
