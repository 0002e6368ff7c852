package fr.atelier.server.workspace.privacy;

import static fr.atelier.server.db.generated.Tables.ACCOUNT;
import static fr.atelier.server.db.generated.Tables.AUDIT_EVENT;
import static fr.atelier.server.db.generated.Tables.SESSION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.db.Database;
import fr.atelier.server.db.Retention;
import fr.atelier.server.db.SessionExport;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.Requests;
import fr.atelier.server.live.LiveStore;
import fr.atelier.server.live.Tokens;
import fr.atelier.server.workspace.planning.PlanningApi;
import fr.atelier.server.workspace.planning.Viewer;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/**
 * Personal data (issue 19, items 1, 3 and 7): the administrators' retention setting and audit trail,
 * and, for one ended session, the erasure of its participants' data and the export of its raw data,
 * for the coordinators of its territory, its creator and administrators. Every change is audited.
 */
public final class PrivacyApi {
    static final int BODY_LIMIT = 4 * 1024;
    static final int AUDIT_LIMIT = 500;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Database db;
    private final LiveStore live;
    private final Retention retention;
    private final SessionExport export;
    private final Viewer.Source viewers;
    private final PlanningApi.Recorder audit;
    private final Map<String, Object> about;

    /** {@code about}: what the administration page shows beside the setting (live hours, purge time). */
    public PrivacyApi(Database db, LiveStore live, Retention retention, Viewer.Source viewers, PlanningApi.Recorder audit,
                      Map<String, Object> about) {
        this.db = db;
        this.live = live;
        this.retention = retention;
        this.export = new SessionExport(db);
        this.viewers = viewers;
        this.audit = audit;
        this.about = Map.copyOf(about);
    }

    /** Mount after the workspace, whose /api/admin/* routes check the role and read the body. */
    public void mount(Router router) {
        router.route("/api/workspace/sessions/:code/erase").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false));
        router.get("/api/admin/retention").handler(this::settings);
        router.put("/api/admin/retention").handler(this::setMonths);
        router.post("/api/admin/retention/purge").handler(this::purgeNow);
        router.get("/api/admin/audit").handler(this::auditTrail);
        router.post("/api/workspace/sessions/:code/erase").handler(this::erase);
        router.get("/api/workspace/sessions/:code/export").handler(this::export);
    }

    private Viewer signedIn(RoutingContext rc) {
        return viewers.current(rc).orElseThrow(() -> new ApiError(401, "unauthenticated", "Connectez-vous d'abord."));
    }

    private Viewer admin(RoutingContext rc) {
        Viewer v = signedIn(rc);
        if (!v.isAdmin()) {
            throw new ApiError(403, "forbidden", "Cette page est réservée aux administrateur·rices.");
        }
        return v;
    }

    private void settings(RoutingContext rc) {
        admin(rc);
        Future.all(retention.storedMonths(), retention.lastRun()).onSuccess(all -> {
            Integer stored = all.resultAt(0);
            String last = all.resultAt(1);
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("envMonths", retention.envMonths());
            if (stored == null) {
                out.putNull("storedMonths");
            } else {
                out.put("storedMonths", stored);
            }
            out.put("effectiveMonths", stored != null ? stored : retention.envMonths());
            out.put("maxMonths", Retention.MAX_MONTHS);
            about.forEach((k, v) -> out.set(k, Json.MAPPER.valueToTree(v)));
            if (last != null) {
                String[] p = last.split("\\|");
                ObjectNode run = out.putObject("lastRun");
                run.put("at", p[0]);
                run.put("sessions", p.length > 1 ? Integer.parseInt(p[1]) : 0);
                run.put("rows", p.length > 2 ? Integer.parseInt(p[2]) : 0);
            }
            Requests.json(rc, 200, out);
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void setMonths(RoutingContext rc) {
        Viewer v = admin(rc);
        JsonNode body = Requests.body(rc);
        JsonNode m = body.get("months");
        Integer months;
        if (m == null || m.isNull()) {
            months = null;
        } else if (!m.canConvertToInt() || !m.isIntegralNumber() || m.asInt() < 1 || m.asInt() > Retention.MAX_MONTHS) {
            throw ApiError.badRequest("La durée de conservation est un nombre entier de mois, de 1 à " + Retention.MAX_MONTHS + ".");
        } else {
            months = m.asInt();
        }
        retention.setMonths(months).onSuccess(x -> {
            audit.record(v.id(), "retention.update", "retention_months", months == null ? "valeur de l'environnement" : months + " mois");
            settings(rc);
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void purgeNow(RoutingContext rc) {
        Viewer v = admin(rc);
        retention.purgeExpired().onSuccess(run -> {
            if (run.ran()) {
                audit.record(v.id(), "retention.purge", null, run.sessions() + " séance(s), " + run.months() + " mois");
            }
            Requests.json(rc, 200, Json.MAPPER.valueToTree(run));
        }).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void auditTrail(RoutingContext rc) {
        admin(rc);
        LocalDate from = Requests.day(rc, "from");
        LocalDate to = Requests.day(rc, "to");
        String action = rc.queryParams().get("action");
        db.query(d -> {
            Condition when = DSL.trueCondition();
            if (from != null) {
                when = when.and(AUDIT_EVENT.AT.ge(from.atStartOfDay(PARIS).toOffsetDateTime()));
            }
            if (to != null) {
                when = when.and(AUDIT_EVENT.AT.lt(to.plusDays(1).atStartOfDay(PARIS).toOffsetDateTime()));
            }
            if (action != null && !action.isBlank()) {
                when = when.and(AUDIT_EVENT.ACTION.startsWith(action.strip()));
            }
            ArrayNode events = Json.MAPPER.createArrayNode();
            d.select(AUDIT_EVENT.AT, AUDIT_EVENT.ACTION, AUDIT_EVENT.TARGET, AUDIT_EVENT.DETAIL, AUDIT_EVENT.ACCOUNT_ID,
                            ACCOUNT.DISPLAY_NAME, ACCOUNT.EMAIL)
                    .from(AUDIT_EVENT).leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(AUDIT_EVENT.ACCOUNT_ID))
                    .where(when).orderBy(AUDIT_EVENT.AT.desc(), AUDIT_EVENT.ID.desc()).limit(AUDIT_LIMIT).fetch()
                    .forEach(r -> events.addObject()
                            .put("at", r.value1().toInstant().toString())
                            .put("action", r.value2())
                            .put("target", r.value3())
                            .put("detail", r.value4())
                            .put("accountId", r.value5())
                            .put("account", r.value6() == null ? null : r.value6() + " <" + r.value7() + ">"));
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.set("events", events);
            out.put("limit", AUDIT_LIMIT);
            return out;
        }).onSuccess(out -> Requests.json(rc, 200, out)).onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    /** The archived session of a code that this person may erase or export; 409 while it runs. */
    private Future<String> sessionFor(RoutingContext rc, Viewer v) {
        String code = Tokens.normaliseCode(rc.pathParam("code"));
        if (code == null) {
            return Future.failedFuture(ApiError.unknownSession());
        }
        Future<Record4<String, String, String, java.time.OffsetDateTime>> archived = db.query(d -> d
                .select(SESSION.ID, SESSION.TERRITORY_ID, SESSION.CREATOR_ID, SESSION.ENDED_AT).from(SESSION)
                .where(SESSION.CODE.eq(code)).orderBy(SESSION.CREATED_AT.desc()).limit(1).fetchOne());
        Future<String> running = live.sessionIdForCode(code).compose(id -> id == null ? Future.succeededFuture((String) null)
                : live.meta(id).map(meta -> meta == null || meta.isEmpty() || meta.containsKey("archivedAt") ? null : id));
        return Future.all(archived, running).compose(all -> {
            Record4<String, String, String, java.time.OffsetDateTime> row = all.resultAt(0);
            String runningId = all.resultAt(1);
            if (runningId != null && (row == null || row.value1().equals(runningId))) {
                return Future.failedFuture(new ApiError(409, "session_running",
                        "Cette séance n'est pas terminée : ses données pourront être effacées ou exportées une fois la séance terminée et archivée."));
            }
            if (row == null) {
                return Future.failedFuture(ApiError.unknownSession());
            }
            boolean mayAct = v.isAdmin() || (v.isCoordinator() && row.value2() != null && v.inTerritory(row.value2()))
                    || v.id().equals(row.value3());
            if (!mayAct) {
                return Future.failedFuture(new ApiError(403, "forbidden",
                        "Seul·es les coordinateur·rices du territoire de la séance, la personne qui l'a créée et les administrateur·rices peuvent le faire."));
            }
            return Future.succeededFuture(row.value1());
        });
    }

    private void erase(RoutingContext rc) {
        Viewer v = signedIn(rc);
        String code = Tokens.normaliseCode(rc.pathParam("code"));
        JsonNode body = Requests.body(rc);
        String confirm = Tokens.normaliseCode(Requests.text(body, "confirm", 20, false));
        if (code == null || !code.equals(confirm)) {
            throw ApiError.badRequest("Pour confirmer l'effacement, recopiez le code de la séance.");
        }
        // The live copy in Redis goes too (it would otherwise stay until the live retention delay).
        sessionFor(rc, v).compose(id -> retention.erase(id).compose(rows -> live.forget(id, code)
                .recover(e -> Future.succeededFuture()).map(x -> rows)).map(rows -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("code", code);
            out.put("alreadyErased", rows == null);
            out.set("rows", Json.MAPPER.valueToTree(rows == null ? Map.of() : rows));
            if (rows != null) {
                audit.record(v.id(), "session.erase", id, code + " " + rows.values().stream().mapToInt(Integer::intValue).sum() + " ligne(s)");
            }
            return out;
        })).onSuccess(out -> Requests.json(rc, 200, out)).onFailure(rc::fail);
    }

    private void export(RoutingContext rc) {
        Viewer v = signedIn(rc);
        sessionFor(rc, v).compose(id -> export.export(id).map(doc -> {
            audit.record(v.id(), "session.export", id, doc.path("session").path("code").asText());
            return doc;
        })).onSuccess(doc -> rc.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Content-Disposition", "attachment; filename=\"seance-" + doc.path("session").path("code").asText() + ".json\"")
                .end(doc.toPrettyString()))
                .onFailure(rc::fail);
    }
}
