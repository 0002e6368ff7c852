package fr.atelier.server.formats.prioritisation;

import static fr.atelier.server.db.generated.Tables.PROJECT;
import static fr.atelier.server.db.generated.Tables.PROJECT_ACTION;
import static fr.atelier.server.db.generated.Tables.PROJECT_CONTRIBUTION;
import static fr.atelier.server.db.generated.Tables.PROJECT_PROPOSAL;
import static fr.atelier.server.db.generated.Tables.PROJECT_SESSION;
import static fr.atelier.server.db.generated.Tables.PROJECT_THEME;
import static fr.atelier.server.db.generated.Tables.PROJECT_VOTE;
import static fr.atelier.server.db.generated.Tables.SESSION;

import fr.atelier.server.db.Database;
import fr.atelier.server.db.generated.tables.records.ProjectRecord;
import fr.atelier.server.live.Outcome;
import fr.atelier.server.live.Tokens;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import fr.atelier.workshops.prioritisation.PrioritisationState;
import fr.atelier.workshops.prioritisation.ProjectSnapshot;
import fr.atelier.workshops.prioritisation.Tally;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Projects of "Dessine-moi le travail" in PostgreSQL: creation, and what a project holds when a new
 * session starts from it or its action plan is printed or exported. Sessions write back through
 * {@link PrioritisationArchive}.
 */
public final class ProjectStore {
    private final Database db;

    public ProjectStore(Database db) {
        this.db = db;
    }

    /** What the creator gets back once, including the secret key. */
    public record Created(String id, String key) {}

    /** One session held in the project. */
    public record SessionRow(String code, String title, Instant startedAt, Instant endedAt, int participants, int contributions,
                             int voters, boolean revealed) {}

    /** One proposal's dots in one session's vote. */
    public record VoteRow(String sessionCode, Instant endedAt, String proposalId, int dots, int voters) {}

    /**
     * A project as its facilitator reads it: {@code project} is what a new session starts from (as
     * sent back in {@code prioritisation.useProject}); the rest is for the print view and exports.
     */
    public record Report(ProjectSnapshot project, Instant createdAt, Instant updatedAt, List<SessionRow> sessions,
                         List<VoteRow> votes, Tally.Overview synthesis) {}

    /** Outcome of a look-up: not found, wrong key, or the report. */
    public record Lookup(boolean found, boolean authorised, Report report) {}

    public Future<Created> create(String name, String sector, String territory, String targetPublic) {
        return create(name, sector, territory, targetPublic, null, null);
    }

    /** A project created by a signed-in person belongs to them and to a territory (issue 14). */
    public Future<Created> create(String name, String sector, String territory, String targetPublic, String creatorId, String territoryId) {
        String id = Tokens.id("pj_");
        String key = Tokens.secret();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.query(tx -> tx.insertInto(PROJECT)
                .set(PROJECT.ID, id)
                .set(PROJECT.KEY_HASH, Tokens.hash(key))
                .set(PROJECT.NAME, ProjectSnapshot.displayName(name, sector, territory))
                .set(PROJECT.SECTOR, sector)
                .set(PROJECT.TERRITORY, territory)
                .set(PROJECT.TARGET_PUBLIC, targetPublic)
                .set(PROJECT.CREATED_AT, now)
                .set(PROJECT.UPDATED_AT, now)
                .set(PROJECT.CREATOR_ID, creatorId)
                .set(PROJECT.TERRITORY_ID, territoryId)
                .execute()).map(n -> new Created(id, key));
    }

    public Future<Lookup> load(String id, String key) {
        return db.query(tx -> {
            ProjectRecord p = tx.selectFrom(PROJECT).where(PROJECT.ID.eq(id)).fetchOne();
            if (p == null) {
                return new Lookup(false, false, null);
            }
            if (!Tokens.matches(key, p.getKeyHash())) {
                return new Lookup(true, false, null);
            }
            return new Lookup(true, true, report(tx, p));
        });
    }

    /** For the workspace, which checked the reader's territory itself: no key needed (null if unknown). */
    public Future<Report> loadForTerritory(String id, String territoryId) {
        return db.query(tx -> {
            ProjectRecord p = tx.selectFrom(PROJECT).where(PROJECT.ID.eq(id)).and(PROJECT.TERRITORY_ID.eq(territoryId)).fetchOne();
            return p == null ? null : report(tx, p);
        });
    }

    /** Whether the project exists and the key is its own, without reading the project. */
    public Future<Lookup> authorise(String id, String key) {
        return db.query(tx -> {
            String hash = tx.select(PROJECT.KEY_HASH).from(PROJECT).where(PROJECT.ID.eq(id)).fetchOne(PROJECT.KEY_HASH);
            return new Lookup(hash != null, hash != null && Tokens.matches(key, hash), null);
        });
    }

    private static Report report(DSLContext tx, ProjectRecord p) {
        String id = p.getId();
        Map<String, Theme> themes = new LinkedHashMap<>();
        tx.selectFrom(PROJECT_THEME).where(PROJECT_THEME.PROJECT_ID.eq(id).and(PROJECT_THEME.REMOVED.isFalse()))
                .orderBy(PROJECT_THEME.CREATED_AT, PROJECT_THEME.ID).limit(ProjectSnapshot.THEMES_MAX).fetch()
                .forEach(t -> themes.put(t.getId(), new Theme(t.getId(), t.getName(), false, true, millis(t.getCreatedAt()),
                        millis(t.getUpdatedAt()))));
        // Hidden contributions are not carried over (nor what is merged into them): they were set aside.
        List<Contribution> all = new ArrayList<>();
        Map<String, Contribution> byId = new LinkedHashMap<>();
        tx.selectFrom(PROJECT_CONTRIBUTION).where(PROJECT_CONTRIBUTION.PROJECT_ID.eq(id))
                .orderBy(PROJECT_CONTRIBUTION.CREATED_AT, PROJECT_CONTRIBUTION.ID).fetch()
                .forEach(c -> byId.put(c.getId(), new Contribution(c.getId(), c.getProfile(), c.getKind(), c.getCategory(), c.getText(),
                        c.getHidden(), c.getMergedInto(), themes.containsKey(c.getThemeId()) ? c.getThemeId() : null, true,
                        millis(c.getCreatedAt()), millis(c.getUpdatedAt()))));
        for (Contribution c : byId.values()) {
            Contribution root = c.mergedInto() == null ? c : byId.get(c.mergedInto());
            if (c.hidden() || root == null || root.hidden() || root.mergedInto() != null) {
                continue;
            }
            all.add(c);
        }
        // The most recent ones when there are too many for one session to start from; duplicates
        // whose original is left out are left out too.
        List<Contribution> carried = all.size() > ProjectSnapshot.CONTRIBUTIONS_MAX
                ? all.subList(all.size() - ProjectSnapshot.CONTRIBUTIONS_MAX, all.size()) : all;
        Set<String> kept = new HashSet<>();
        carried.forEach(c -> kept.add(c.id()));
        carried = carried.stream().filter(c -> c.mergedInto() == null || kept.contains(c.mergedInto())).toList();

        Map<String, Proposal> proposals = new LinkedHashMap<>();
        Set<String> carriedIds = new HashSet<>();
        carried.forEach(c -> carriedIds.add(c.id()));
        tx.selectFrom(PROJECT_PROPOSAL).where(PROJECT_PROPOSAL.PROJECT_ID.eq(id))
                .orderBy(PROJECT_PROPOSAL.CREATED_AT, PROJECT_PROPOSAL.ID).limit(ProjectSnapshot.PROPOSALS_MAX).fetch()
                .forEach(x -> proposals.put(x.getId(), new Proposal(x.getId(), x.getText(),
                        themes.containsKey(x.getThemeId()) ? x.getThemeId() : null,
                        carriedIds.contains(x.getContributionId()) ? x.getContributionId() : null, x.getSource(), x.getProfile(),
                        x.getHidden(), true, millis(x.getCreatedAt()), millis(x.getUpdatedAt()))));
        List<Action> actions = new ArrayList<>();
        tx.selectFrom(PROJECT_ACTION).where(PROJECT_ACTION.PROJECT_ID.eq(id).and(PROJECT_ACTION.REMOVED.isFalse()))
                .orderBy(PROJECT_ACTION.CREATED_AT, PROJECT_ACTION.ID).limit(ProjectSnapshot.ACTIONS_MAX).fetch()
                .forEach(a -> actions.add(new Action(a.getId(), proposals.containsKey(a.getProposalId()) ? a.getProposalId() : null,
                        a.getTitle(), a.getLeadPartner(), a.getDeadline() == null ? null : a.getDeadline().toString(), a.getStatus(),
                        false, true, millis(a.getCreatedAt()), millis(a.getUpdatedAt()))));

        List<SessionRow> sessions = tx.select(SESSION.CODE, SESSION.TITLE, SESSION.STARTED_AT, SESSION.ENDED_AT,
                        SESSION.PARTICIPANT_COUNT, PROJECT_SESSION.CONTRIBUTIONS, PROJECT_SESSION.VOTERS, PROJECT_SESSION.REVEALED)
                .from(PROJECT_SESSION).join(SESSION).on(SESSION.ID.eq(PROJECT_SESSION.SESSION_ID))
                .where(PROJECT_SESSION.PROJECT_ID.eq(id)).orderBy(SESSION.CREATED_AT).fetch()
                .map(r -> new SessionRow(r.value1(), r.value2(), instant(r.value3()), instant(r.value4()), r.value5(), r.value6(),
                        r.value7(), r.value8()));
        List<VoteRow> votes = tx.select(SESSION.CODE, SESSION.ENDED_AT, PROJECT_VOTE.PROPOSAL_ID, DSL.sum(PROJECT_VOTE.DOTS),
                        DSL.count().filterWhere(PROJECT_VOTE.DOTS.gt(0)))
                .from(PROJECT_VOTE).join(SESSION).on(SESSION.ID.eq(PROJECT_VOTE.SESSION_ID))
                .where(PROJECT_VOTE.PROJECT_ID.eq(id))
                .groupBy(SESSION.CODE, SESSION.ENDED_AT, SESSION.CREATED_AT, PROJECT_VOTE.PROPOSAL_ID)
                .orderBy(SESSION.CREATED_AT, DSL.sum(PROJECT_VOTE.DOTS).desc()).fetch()
                .map(r -> new VoteRow(r.value1(), instant(r.value2()), r.value3(), r.value4() == null ? 0 : r.value4().intValue(),
                        r.value5()));

        // The synthesis counts every contribution ever kept, even beyond what a session carries over.
        Map<String, Contribution> counted = new LinkedHashMap<>();
        all.forEach(c -> counted.put(c.id(), c));
        PrioritisationState forCounts = new PrioritisationState(PrioritisationState.Stage.SYNTHESIS, null, null, 0, Map.of(), counted,
                Map.of(), themes, Map.of(), PrioritisationState.VoteSettings.DEFAULT, Map.of(), false, Map.of(), Set.of(), PrioritisationState.Approval.DEFAULT, null);
        ProjectSnapshot snapshot = new ProjectSnapshot(id, p.getName(), p.getSector(), p.getTerritory(), p.getTargetPublic(),
                sessions.size(), carried, List.copyOf(themes.values()), List.copyOf(proposals.values()), actions);
        return new Report(snapshot, instant(p.getCreatedAt()), instant(p.getUpdatedAt()), sessions, votes, Tally.overview(forCounts));
    }

    static long millis(OffsetDateTime t) {
        return t == null ? 0 : t.toInstant().toEpochMilli();
    }

    static OffsetDateTime time(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
