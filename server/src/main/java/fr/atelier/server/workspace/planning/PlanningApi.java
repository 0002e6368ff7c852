package fr.atelier.server.workspace.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.db.ArchiveReader;
import fr.atelier.server.db.SessionRecordArchive;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.JoinBase;
import fr.atelier.server.live.Tokens;
import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of sessions prepared ahead, under {@code /api/workspace/planned} (issue 14, items 5–6),
 * and the answer a phone gets when it enters a prepared session's code too early.
 */
public final class PlanningApi {
    /** Prepared content (a whole question bank) is larger than other requests. */
    static final int BODY_LIMIT = 1024 * 1024;
    static final int MAX_FACILITATORS = 20;

    private final Planner planner;
    private final Viewer.Source viewers;
    private final JoinBase joinBase;
    private final ArchiveReader archive;
    private final Recorder recorder;

    /** Where planning reports what people did (the audit log); never a secret. */
    public interface Recorder {
        void record(String accountId, String action, String target, String detail);
    }

    public PlanningApi(Planner planner, Viewer.Source viewers, JoinBase joinBase, ArchiveReader archive, Recorder recorder) {
        this.planner = planner;
        this.viewers = viewers;
        this.joinBase = joinBase;
        this.archive = archive;
        this.recorder = recorder;
    }

    /**
     * The early-phone answers go before the live API's routes (their own order); the rest may be
     * mounted anywhere after the web-session handler.
     */
    public void mount(Router router) {
        router.get("/api/sessions/:code").order(-2).handler(this::notStartedYet);
        router.post("/api/sessions/:code/join").order(-2).handler(this::notStartedYet);
        // Before the live API: a quick session created while signed in is recorded as its creator's.
        router.post("/api/sessions").order(-2).handler(rc -> {
            rc.put(fr.atelier.server.http.HttpApi.CREATED_HOOK, (java.util.function.Consumer<fr.atelier.server.live.SessionRegistry.Created>) c -> adopt(rc, c));
            rc.next();
        });
        router.route("/api/workspace/planned*").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false));
        router.get("/api/workspace/planning/choices").handler(rc -> planner.store().choices(viewer(rc))
                .onSuccess(c -> json(rc, 200, Json.MAPPER.valueToTree(c))).onFailure(e -> rc.fail(ApiError.unavailable())));
        router.get("/api/workspace/planned").handler(rc -> list(rc, viewer(rc)));
        router.post("/api/workspace/planned").handler(rc -> prepare(rc, viewer(rc)));
        router.get("/api/workspace/planned/:id").handler(rc -> withPlan(rc, Access::checkSee, (v, p) -> json(rc, 200, out(rc, v, p))));
        router.put("/api/workspace/planned/:id").handler(rc -> withPlan(rc, Access::checkRun, (v, p) -> update(rc, v, p)));
        router.post("/api/workspace/planned/:id/open").handler(rc -> withPlan(rc, Access::checkRun, (v, p) -> open(rc, v, p)));
        router.post("/api/workspace/planned/:id/duplicate").handler(rc -> withPlan(rc, Access::checkRun, (v, p) -> duplicate(rc, v, p)));
        router.get("/api/workspace/planned/:id/synthesis").handler(rc -> withPlan(rc, Access::checkSee, (v, p) -> synthesis(rc, p)));
    }

    /** A prepared session's code entered before it opens: when to come back, not "unknown code". */
    private void notStartedYet(RoutingContext rc) {
        String code = Tokens.normaliseCode(rc.pathParam("code"));
        if (code == null) {
            rc.next();
            return;
        }
        // The live API's body handler comes next: hold the request while Redis answers.
        rc.request().pause();
        planner.holderOf(code).compose(holder -> holder != null && holder.startsWith("plan:")
                ? planner.store().byCode(code) : Future.succeededFuture(null)).onComplete(ar -> {
            Plan p = ar.succeeded() ? ar.result() : null;
            if (p == null || p.sessionId() != null) {
                rc.next();
                return;
            }
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.putObject("error").put("code", "not_started").put("message", When.notStarted(p.title(), p.startsAt()));
            body.putObject("planned").put("title", p.title()).put("startsAt", p.startsAt() == null ? null : p.startsAt().toString())
                    .put("day", When.day(p.startsAt())).put("time", When.time(p.startsAt()));
            rc.response().putHeader("X-Content-Type-Options", "nosniff");
            json(rc, 409, body);
        });
    }

    private void adopt(RoutingContext rc, fr.atelier.server.live.SessionRegistry.Created created) {
        Optional<Viewer> v = viewers.current(rc);
        if (v.isEmpty()) {
            return;
        }
        JsonNode body = body(rc);
        String format = body.path("format").asText();
        String title = body.path("title").isTextual() ? body.path("title").asText() : null;
        planner.adopt(v.get(), created, format, title, Instant.now())
                .onSuccess(x -> recorder.record(v.get().id(), "session.create", created.sessionId(), format + " " + created.code()))
                .onFailure(e -> LoggerFactory.getLogger(PlanningApi.class).atWarn().addKeyValue("code", created.code())
                        .log("quick session not recorded as its creator's: " + e.getMessage()));
    }

    private Viewer viewer(RoutingContext rc) {
        return viewers.current(rc).orElseThrow(() -> new ApiError(401, "unauthenticated", "Connectez-vous pour préparer et retrouver vos séances."));
    }

    private void withPlan(RoutingContext rc, BiConsumer<Viewer, Plan> check, BiConsumer<Viewer, Plan> then) {
        Viewer v = viewer(rc);
        planner.store().byId(rc.pathParam("id")).onSuccess(p -> {
            try {
                if (p == null) {
                    throw new ApiError(404, "not_found", "Séance préparée introuvable.");
                }
                check.accept(v, p);
                then.accept(v, p);
            } catch (RuntimeException e) {
                rc.fail(e);
            }
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void list(RoutingContext rc, Viewer v) {
        String scope = rc.queryParams().get("scope");
        boolean mine = scope == null || scope.equals("mine");
        if (!mine && !v.isCoordinator() && !v.isAdmin()) {
            throw new ApiError(403, "forbidden", "La liste du territoire est réservée aux coordinateur·rices et aux administrateur·rices.");
        }
        String territory = rc.queryParams().get("territory");
        if (territory != null && !v.inTerritory(territory)) {
            throw new ApiError(403, "forbidden", Access.OTHER_TERRITORY);
        }
        PlanningStore.Filter f = new PlanningStore.Filter(day(rc, "from", 0), day(rc, "to", 1), blank(rc.queryParams().get("format")),
                blank(rc.queryParams().get("place")), status(rc.queryParams().get("status")));
        planner.store().claimArchivedOwners()
                .recover(e -> Future.succeededFuture(0))
                .compose(n -> planner.store().list(v, mine, f))
                .onSuccess(plans -> {
                    ArrayNode arr = Json.MAPPER.createArrayNode();
                    plans.stream().filter(p -> territory == null || territory.equals(p.territoryId())).forEach(p -> arr.add(out(rc, v, p)));
                    ObjectNode body = Json.MAPPER.createObjectNode();
                    body.set("sessions", arr);
                    json(rc, 200, body);
                }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private static Instant day(RoutingContext rc, String name, int plusDays) {
        java.time.LocalDate d = fr.atelier.server.http.Requests.day(rc, name);
        return d == null ? null : d.plusDays(plusDays).atStartOfDay(When.PARIS).toInstant();
    }

    private static Plan.Status status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s) {
            case "prepared" -> Plan.Status.PREPARED;
            case "live" -> Plan.Status.LIVE;
            case "ended" -> Plan.Status.ENDED;
            default -> throw ApiError.badRequest("Statut inconnu : prepared, live ou ended.");
        };
    }

    private void prepare(RoutingContext rc, Viewer v) {
        JsonNode body = body(rc);
        String territory = text(body, "territoryId", 40, true);
        Access.checkPrepare(v, territory);
        Format<?, ?, ?> format = planner.format(text(body, "format", 40, true));
        Plan draft = draft(body, Tokens.id("pl_"), format.id(), territory, v.id(), Instant.now());
        List<String> co = draft.facilitatorIds();
        checkFacilitators(territory, co, v).compose(ok -> planner.record().checkStructures(territory, SessionRecordArchive.structureIds(draft.partners())))
                .compose(ok -> planner.prepare(draft, Instant.now())).onSuccess(p -> {
            recorder.record(v.id(), "session.prepare", p.id(), p.format() + " " + p.code());
            json(rc, 201, out(rc, v, p));
        }).onFailure(rc::fail);
    }

    private void update(RoutingContext rc, Viewer v, Plan p) {
        if (p.sessionId() != null) {
            throw new ApiError(409, "already_opened", "Cette séance est déjà ouverte : modifiez-la depuis la console.");
        }
        JsonNode body = body(rc);
        Plan changed = draft(body, p.id(), p.format(), p.territoryId(), p.creatorId(), p.createdAt());
        Plan next = new Plan(p.id(), p.code(), p.format(), changed.title(), changed.startsAt(), changed.place(), p.territoryId(),
                changed.publics(), changed.partners(), changed.settings(), p.creatorId(),
                body.has("facilitatorIds") ? changed.facilitatorIds() : p.facilitatorIds(), p.createdAt(),
                null, null, Plan.Status.PREPARED);
        checkFacilitators(p.territoryId(), next.facilitatorIds(), v)
                .compose(ok -> planner.record().checkStructures(p.territoryId(), SessionRecordArchive.structureIds(next.partners())))
                .compose(ok -> planner.store().update(next, Instant.now()))
                .onSuccess(x -> {
                    recorder.record(v.id(), "session.edit", p.id(), null);
                    json(rc, 200, out(rc, v, next));
                }).onFailure(rc::fail);
    }

    private void open(RoutingContext rc, Viewer v, Plan p) {
        planner.open(p, Instant.now()).onSuccess(o -> {
            recorder.record(v.id(), "session.open", p.id(), o.code());
            String base = joinBase.of(rc.request()).base();
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("code", o.code());
            body.put("consoleUrl", base + "/h/" + o.code() + "#k=" + o.hostToken());
            body.put("screenUrl", base + "/s/" + o.code() + "/screen");
            body.put("synthesisUrl", base + "/s/" + o.code() + "/synthese#k=" + o.hostToken());
            if (o.project() != null) {
                // The new project's secret link, given once (as at creation) and never stored.
                body.put("projectId", o.project().projectId());
                body.put("projectUrl", base + "/projets/" + o.project().projectId() + "#k=" + o.project().projectKey());
            }
            json(rc, 200, body);
        }).onFailure(rc::fail);
    }

    /** A copy to run again: same content and people, a new code, no date unless one is given. */
    private void duplicate(RoutingContext rc, Viewer v, Plan p) {
        String raw = rc.body() == null ? null : rc.body().asString();
        Instant startsAt = null;
        if (raw != null && !raw.isBlank()) {
            startsAt = When.parse(text(body(rc), "startsAt", 20, false));
        }
        Instant now = Instant.now();
        List<String> co = new ArrayList<>(p.facilitatorIds());
        if (!v.id().equals(p.creatorId())) {
            co.remove(v.id());
            if (p.creatorId() != null) {
                co.add(p.creatorId());
            }
        }
        Plan copy = new Plan(Tokens.id("pl_"), null, p.format(), p.title(), startsAt, p.place(), p.territoryId(), p.publics(),
                p.partners(), p.settings(), v.id(), co, now, null, null, Plan.Status.PREPARED);
        planner.prepare(copy, now).onSuccess(c -> {
            recorder.record(v.id(), "session.duplicate", c.id(), "from " + p.id());
            json(rc, 201, out(rc, v, c));
        }).onFailure(rc::fail);
    }

    private void synthesis(RoutingContext rc, Plan p) {
        if (p.status() != Plan.Status.ENDED) {
            throw new ApiError(409, "not_ended", "La synthèse sera disponible quand la séance sera terminée.");
        }
        archive.synthesisForCoordinator(p.code()).onSuccess(s -> json(rc, 200, Json.MAPPER.valueToTree(s)))
                .onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    /** Co-facilitators must be accounts of the session's territory. */
    private Future<Void> checkFacilitators(String territory, List<String> ids, Viewer v) {
        if (ids.isEmpty()) {
            return Future.succeededFuture();
        }
        return planner.store().membersOf(territory, ids).compose(members -> members.containsAll(ids) ? Future.<Void>succeededFuture()
                : Future.failedFuture(ApiError.badRequest("Les co-animateur·rices doivent être des comptes du territoire de la séance.")));
    }

    private Plan draft(JsonNode body, String id, String format, String territory, String creator, Instant createdAt) {
        String title = text(body, "title", 200, true).strip();
        if (title.isEmpty()) {
            throw ApiError.badRequest("Donnez un titre à la séance.");
        }
        JsonNode settings = body.get("settings");
        if (settings == null || settings.isNull()) {
            settings = Json.MAPPER.createObjectNode();
        }
        if (!settings.isObject()) {
            throw ApiError.badRequest("Le champ « settings » doit être un objet.");
        }
        planner.commands(planner.format(format), settings);
        LinkedHashSet<String> co = new LinkedHashSet<>();
        JsonNode list = body.path("facilitatorIds");
        if (list.isArray()) {
            if (list.size() > MAX_FACILITATORS) {
                throw ApiError.badRequest("Au plus " + MAX_FACILITATORS + " co-animateur·rices.");
            }
            list.forEach(n -> {
                if (!n.isTextual() || n.asText().length() > 40) {
                    throw ApiError.badRequest("Co-animateur·rice inconnu·e.");
                }
                if (!n.asText().equals(creator)) {
                    co.add(n.asText());
                }
            });
        }
        return new Plan(id, null, format, title, When.parse(text(body, "startsAt", 20, false)), blank(text(body, "place", 200, false)),
                territory, PlanRecordFields.publics(body), PlanRecordFields.partners(body), settings, creator,
                List.copyOf(co), createdAt, null, null, Plan.Status.PREPARED);
    }

    private ObjectNode out(RoutingContext rc, Viewer v, Plan p) {
        String base = joinBase.of(rc.request()).base();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", p.id()).put("code", p.code()).put("format", p.format())
                .put("formatTitle", planner.formatTitle(p.format())).put("title", p.title())
                .put("startsAt", p.startsAt() == null ? null : p.startsAt().toString()).put("startsAtLocal", When.local(p.startsAt()))
                .put("day", When.day(p.startsAt())).put("time", When.time(p.startsAt()))
                .put("place", p.place()).put("territoryId", p.territoryId()).put("publics", p.publics()).put("partners", p.partners())
                .put("creatorId", p.creatorId()).put("status", p.status().name().toLowerCase(java.util.Locale.ROOT))
                .put("joinUrl", base + "/j/" + p.code()).put("canRun", Access.runs(v, p));
        o.set("facilitatorIds", Json.MAPPER.valueToTree(p.facilitatorIds()));
        PlanRecordFields.out(o, p);
        o.set("settings", p.settings());
        return o;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static JsonNode body(RoutingContext rc) {
        return fr.atelier.server.http.Requests.body(rc);
    }

    private static String text(JsonNode body, String field, int max, boolean required) {
        return fr.atelier.server.http.Requests.text(body, field, max, required);
    }

    static void json(RoutingContext rc, int status, JsonNode body) {
        fr.atelier.server.http.Requests.json(rc, status, body);
    }
}
