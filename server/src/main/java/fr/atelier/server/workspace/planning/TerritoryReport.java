package fr.atelier.server.workspace.planning;

import static fr.atelier.server.db.generated.Tables.SESSION;

import fr.atelier.server.db.ArchiveReader;
import fr.atelier.server.db.CoordinationReport;
import fr.atelier.server.db.Database;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.Requests;
import fr.atelier.server.live.Tokens;
import fr.atelier.workshops.core.Formats;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The coordinators' report and syntheses by account (issue 14, item 7): a coordinator sees their
 * territories' archived sessions, an administrator all; no instance-wide key.
 */
final class TerritoryReport {
    private final Database db;
    private final CoordinationReport report;
    private final ArchiveReader archive;
    private final Viewer.Source viewers;

    TerritoryReport(Database db, Formats formats, ArchiveReader archive, Viewer.Source viewers) {
        this.db = db;
        this.report = new CoordinationReport(db, formats);
        this.archive = archive;
        this.viewers = viewers;
    }

    void mount(Router router) {
        router.get("/api/workspace/report").handler(this::report);
        router.get("/api/workspace/sessions/:code/synthesis").handler(this::synthesis);
    }

    private Viewer reader(RoutingContext rc) {
        Viewer v = viewers.current(rc).orElseThrow(() -> new ApiError(401, "unauthenticated", "Connectez-vous pour consulter le bilan de votre territoire."));
        if (!v.isCoordinator() && !v.isAdmin()) {
            throw new ApiError(403, "forbidden", "Le bilan est réservé aux coordinateur·rices et aux administrateur·rices.");
        }
        return v;
    }

    private void report(RoutingContext rc) {
        Viewer v = reader(rc);
        String territory = rc.queryParams().get("territory");
        if (territory != null && !v.inTerritory(territory)) {
            throw new ApiError(403, "forbidden", Access.OTHER_TERRITORY);
        }
        Set<String> scope = territory != null ? Set.of(territory) : v.isAdmin() ? null : v.territoryIds();
        report.report(Requests.day(rc, "from"), Requests.day(rc, "to"), scope)
                .onSuccess(r -> PlanningApi.json(rc, 200, Json.MAPPER.valueToTree(r)))
                .onFailure(e -> rc.fail(ApiError.unavailable()));
    }

    private void synthesis(RoutingContext rc) {
        Viewer v = reader(rc);
        String code = Tokens.normaliseCode(rc.pathParam("code"));
        if (code == null) {
            throw ApiError.unknownSession();
        }
        db.query(tx -> tx.select(SESSION.ID, SESSION.TERRITORY_ID).from(SESSION).where(SESSION.CODE.eq(code))
                        .orderBy(SESSION.CREATED_AT.desc()).limit(1).fetchOne())
                .compose(row -> {
                    if (row == null) {
                        return Future.failedFuture(ApiError.unknownSession());
                    }
                    if (!v.isAdmin() && (row.value2() == null || !v.inTerritory(row.value2()))) {
                        return Future.failedFuture(new ApiError(403, "forbidden", Access.OTHER_TERRITORY));
                    }
                    return archive.synthesisForCoordinator(code);
                })
                .onSuccess(s -> PlanningApi.json(rc, 200, Json.MAPPER.valueToTree(s)))
                .onFailure(rc::fail);
    }

}
