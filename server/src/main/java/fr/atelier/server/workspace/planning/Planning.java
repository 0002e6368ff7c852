package fr.atelier.server.workspace.planning;

import fr.atelier.server.db.ArchiveReader;
import fr.atelier.server.db.Database;
import fr.atelier.server.http.JoinBase;
import fr.atelier.server.live.LiveStore;
import fr.atelier.server.live.SessionRegistry;
import fr.atelier.server.workspace.Audit;
import fr.atelier.server.workspace.accounts.WebSessions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Sessions prepared ahead and the history (issue 14, items 5–7, 9): built and mounted in one call. */
public final class Planning {
    /** How often archived sessions opened from a plan get their creator and territory. */
    static final long OWNERS_EVERY_MS = 60_000;

    private final PlanningApi api;
    private final TerritoryReport report;
    private final TerritoryRecordApi record;

    public Planning(Vertx vertx, LiveStore live, SessionRegistry registry, Database db, ArchiveReader archive, JoinBase joinBase,
                    Viewer.Source viewers, PlanningApi.Recorder recorder, PreparedProject.Starter projects) {
        PlanningStore store = new PlanningStore(db);
        TerritoryRecordStore record = new TerritoryRecordStore(db);
        this.api = new PlanningApi(new Planner(live, registry, store, projects, record), viewers, joinBase, archive, recorder);
        this.record = new TerritoryRecordApi(record, viewers, recorder);
        this.report = new TerritoryReport(db, registry.formats(), archive, viewers);
        vertx.setPeriodic(OWNERS_EVERY_MS, t -> store.claimArchivedOwners());
    }

    /**
     * The production wiring: who is signed in comes from the workspace's web sessions, what people do
     * goes to the audit log. Mount after the live API (its failure handler answers our errors).
     */
    public static void mount(Vertx vertx, Router router, LiveStore live, SessionRegistry registry, Database db, ArchiveReader archive,
                             JoinBase joinBase, PreparedProject.Starter projects) {
        Audit audit = new Audit(db);
        Viewer.Source viewers = Viewer.signedIn();
        new Planning(vertx, live, registry, db, archive, joinBase, viewers, audit::record, projects).mount(router);
    }

    public void mount(Router router) {
        api.mount(router);
        report.mount(router);
        record.mount(router);
    }
}
