package fr.atelier.server.formats.prioritisation;

import static fr.atelier.server.db.generated.Tables.PROJECT;
import static fr.atelier.server.db.generated.Tables.PROJECT_ACTION;
import static fr.atelier.server.db.generated.Tables.PROJECT_CONTRIBUTION;
import static fr.atelier.server.db.generated.Tables.PROJECT_PROPOSAL;
import static fr.atelier.server.db.generated.Tables.PROJECT_SESSION;
import static fr.atelier.server.db.generated.Tables.PROJECT_THEME;
import static fr.atelier.server.db.generated.Tables.PROJECT_VOTE;
import static fr.atelier.server.db.generated.Tables.SESSION;

import fr.atelier.server.db.FormatArchive;
import fr.atelier.server.db.Upsert;
import fr.atelier.server.db.generated.tables.records.ProjectActionRecord;
import fr.atelier.server.db.generated.tables.records.ProjectContributionRecord;
import fr.atelier.server.db.generated.tables.records.ProjectProposalRecord;
import fr.atelier.server.db.generated.tables.records.ProjectRecord;
import fr.atelier.server.db.generated.tables.records.ProjectThemeRecord;
import fr.atelier.server.db.generated.tables.records.SessionRecord;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.prioritisation.PrioritisationState.Action;
import fr.atelier.workshops.prioritisation.PrioritisationState.Ballot;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import fr.atelier.workshops.prioritisation.PrioritisationState.Theme;
import fr.atelier.workshops.prioritisation.PrioritisationResultRows;
import fr.atelier.workshops.prioritisation.PrioritisationState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a "Dessine-moi le travail" session back into its project: the items the session created
 * or changed (upserts keyed by their stable ids, never overwriting a newer version), its votes
 * (replaced as a whole, per session) and its line in the project's list of sessions. Idempotent.
 *
 * <p>A session continues a project only if its facilitator held the project's key: the hash the
 * decider recorded must match the project's. A session run without a project gets one of its own,
 * named after the session, whose key is the session's host token, so nothing collected is lost.
 */
public final class PrioritisationArchive implements FormatArchive<PrioritisationState> {
    private static final Logger LOG = LoggerFactory.getLogger(PrioritisationArchive.class);

    @Override
    public void write(DSLContext tx, String sessionId, PrioritisationState s) {
        SessionRecord session = tx.selectFrom(SESSION).where(SESSION.ID.eq(sessionId)).fetchOne();
        if (session == null) {
            throw new IllegalStateException("session row missing for " + sessionId);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String projectId = projectFor(tx, s, session, now);
        if (projectId == null) {
            return;
        }
        List<Query> queries = new ArrayList<>();
        for (String id : s.touched()) {
            Contribution c = s.contributions().get(id);
            if (c != null) {
                queries.add(contribution(tx, projectId, sessionId, s, c));
            }
            Theme t = s.themes().get(id);
            if (t != null) {
                queries.add(theme(tx, projectId, sessionId, t));
            }
            Proposal p = s.proposals().get(id);
            if (p != null) {
                queries.add(proposal(tx, projectId, sessionId, p));
            }
            Action a = s.actions().get(id);
            if (a != null) {
                queries.add(action(tx, projectId, sessionId, a));
            }
        }
        queries.add(tx.deleteFrom(PROJECT_VOTE).where(PROJECT_VOTE.SESSION_ID.eq(sessionId)));
        for (Map.Entry<String, Map<String, Ballot>> e : s.ballots().entrySet()) {
            for (Map.Entry<String, Ballot> b : e.getValue().entrySet()) {
                Ballot ballot = b.getValue();
                boolean something = ballot.dots() > 0 || ballot.impact() != null || ballot.feasibility() != null;
                if (!something || !s.visible(s.proposals().get(b.getKey()))) {
                    continue;
                }
                queries.add(tx.insertInto(PROJECT_VOTE)
                        .set(PROJECT_VOTE.SESSION_ID, sessionId)
                        .set(PROJECT_VOTE.PARTICIPANT_ID, e.getKey())
                        .set(PROJECT_VOTE.PROPOSAL_ID, b.getKey())
                        .set(PROJECT_VOTE.PROJECT_ID, projectId)
                        .set(PROJECT_VOTE.PROFILE, s.profileOf(e.getKey()))
                        .set(PROJECT_VOTE.DOTS, ballot.dots())
                        .set(PROJECT_VOTE.IMPACT, ballot.impact() == null ? null : ballot.impact().shortValue())
                        .set(PROJECT_VOTE.FEASIBILITY, ballot.feasibility() == null ? null : ballot.feasibility().shortValue()));
            }
        }
        // The session's line counts what the CSV's sections list (the rows both read).
        PrioritisationResultRows.Summary summary = PrioritisationResultRows.of(s, Roster.EMPTY).summary();
        queries.add(Upsert.into(tx, PROJECT_SESSION)
                .key(PROJECT_SESSION.PROJECT_ID, projectId)
                .key(PROJECT_SESSION.SESSION_ID, sessionId)
                .setOnInsert(PROJECT_SESSION.TAG, s.tag())
                .set(PROJECT_SESSION.CONTRIBUTIONS, summary.contributions())
                .set(PROJECT_SESSION.VOTERS, summary.voters())
                .set(PROJECT_SESSION.REVEALED, summary.revealed())
                .set(PROJECT_SESSION.ARCHIVED_AT, now)
                .query());
        queries.add(tx.update(PROJECT).set(PROJECT.UPDATED_AT, now).where(PROJECT.ID.eq(projectId)));
        Upsert.batch(tx, queries);
    }

    /** The project to write into, or null when there is none to write (or the key does not match). */
    private static String projectFor(DSLContext tx, PrioritisationState s, SessionRecord session, OffsetDateTime now) {
        if (s.project() == null) {
            if (s.contributions().isEmpty() && s.proposals().isEmpty() && s.actions().isEmpty() && s.themes().isEmpty()) {
                return null;
            }
            String id = "pj_" + session.getId();
            String title = session.getTitle().length() > 120 ? session.getTitle().substring(0, 120) : session.getTitle();
            Upsert.into(tx, PROJECT)
                    .setOnInsert(PROJECT.ID, id)
                    .setOnInsert(PROJECT.KEY_HASH, session.getHostTokenHash())
                    .setOnInsert(PROJECT.NAME, session.getTitle().length() > 160 ? session.getTitle().substring(0, 160) : session.getTitle())
                    .setOnInsert(PROJECT.SECTOR, title)
                    .setOnInsert(PROJECT.TERRITORY, "")
                    .setOnInsert(PROJECT.TARGET_PUBLIC, "")
                    .setOnInsert(PROJECT.CREATED_AT, now)
                    .setOnInsert(PROJECT.UPDATED_AT, now)
                    .execute();
            return id;
        }
        ProjectRecord row = tx.selectFrom(PROJECT).where(PROJECT.ID.eq(s.project().id())).fetchOne();
        if (row == null) {
            LOG.atWarn().addKeyValue("session", session.getId()).addKeyValue("project", s.project().id())
                    .log("unknown project: session results kept, project not updated");
            return null;
        }
        byte[] recorded = s.project().keyHash().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(recorded, row.getKeyHash().getBytes(StandardCharsets.US_ASCII))) {
            LOG.atWarn().addKeyValue("session", session.getId()).addKeyValue("project", s.project().id())
                    .log("project key does not match: session results kept, project not updated");
            return null;
        }
        return row.getId();
    }

    /**
     * The columns every item of a project has: its key (project, id), the session that created it
     * (none when it came from an earlier one) and its times. Every item is upserted the same way,
     * the most recent change winning: two sessions of a project may run side by side.
     */
    private record ItemTable<R extends Record>(Table<R> table, TableField<R, String> project, TableField<R, String> id,
                                               TableField<R, String> session, TableField<R, OffsetDateTime> created,
                                               TableField<R, OffsetDateTime> updated) {
        Upsert<R> upsert(DSLContext tx, String projectId, String sessionId, String itemId, boolean earlier, long createdAt,
                         long updatedAt) {
            OffsetDateTime at = ProjectStore.time(updatedAt);
            return Upsert.into(tx, table)
                    .key(project, projectId)
                    .key(id, itemId)
                    .setOnInsert(session, earlier ? null : sessionId)
                    .setOnInsert(created, ProjectStore.time(createdAt))
                    .set(updated, at)
                    .onlyWhen(updated.le(at));
        }
    }

    private static final ItemTable<ProjectContributionRecord> CONTRIBUTIONS = new ItemTable<>(PROJECT_CONTRIBUTION,
            PROJECT_CONTRIBUTION.PROJECT_ID, PROJECT_CONTRIBUTION.ID, PROJECT_CONTRIBUTION.SESSION_ID, PROJECT_CONTRIBUTION.CREATED_AT,
            PROJECT_CONTRIBUTION.UPDATED_AT);
    private static final ItemTable<ProjectThemeRecord> THEMES = new ItemTable<>(PROJECT_THEME, PROJECT_THEME.PROJECT_ID,
            PROJECT_THEME.ID, PROJECT_THEME.SESSION_ID, PROJECT_THEME.CREATED_AT, PROJECT_THEME.UPDATED_AT);
    private static final ItemTable<ProjectProposalRecord> PROPOSALS = new ItemTable<>(PROJECT_PROPOSAL, PROJECT_PROPOSAL.PROJECT_ID,
            PROJECT_PROPOSAL.ID, PROJECT_PROPOSAL.SESSION_ID, PROJECT_PROPOSAL.CREATED_AT, PROJECT_PROPOSAL.UPDATED_AT);
    private static final ItemTable<ProjectActionRecord> ACTIONS = new ItemTable<>(PROJECT_ACTION, PROJECT_ACTION.PROJECT_ID,
            PROJECT_ACTION.ID, PROJECT_ACTION.SESSION_ID, PROJECT_ACTION.CREATED_AT, PROJECT_ACTION.UPDATED_AT);

    private static Query contribution(DSLContext tx, String projectId, String sessionId, PrioritisationState s, Contribution c) {
        return CONTRIBUTIONS.upsert(tx, projectId, sessionId, c.id(), c.earlier(), c.createdAt(), c.updatedAt())
                .setOnInsert(PROJECT_CONTRIBUTION.PARTICIPANT_ID, s.authors().get(c.id()))
                .setOnInsert(PROJECT_CONTRIBUTION.PROFILE, c.profile())
                .set(PROJECT_CONTRIBUTION.KIND, c.kind())
                .set(PROJECT_CONTRIBUTION.CATEGORY, c.category())
                .set(PROJECT_CONTRIBUTION.TEXT, c.text())
                .set(PROJECT_CONTRIBUTION.HIDDEN, c.hidden())
                .set(PROJECT_CONTRIBUTION.MERGED_INTO, c.mergedInto())
                .set(PROJECT_CONTRIBUTION.THEME_ID, c.themeId())
                .query();
    }

    private static Query theme(DSLContext tx, String projectId, String sessionId, Theme t) {
        return THEMES.upsert(tx, projectId, sessionId, t.id(), t.earlier(), t.createdAt(), t.updatedAt())
                .set(PROJECT_THEME.NAME, t.name())
                .set(PROJECT_THEME.REMOVED, t.removed())
                .query();
    }

    private static Query proposal(DSLContext tx, String projectId, String sessionId, Proposal p) {
        return PROPOSALS.upsert(tx, projectId, sessionId, p.id(), p.earlier(), p.createdAt(), p.updatedAt())
                .set(PROJECT_PROPOSAL.TEXT, p.text())
                .set(PROJECT_PROPOSAL.THEME_ID, p.themeId())
                .setOnInsert(PROJECT_PROPOSAL.CONTRIBUTION_ID, p.contributionId())
                .setOnInsert(PROJECT_PROPOSAL.SOURCE, p.source())
                .setOnInsert(PROJECT_PROPOSAL.PROFILE, p.profile())
                .set(PROJECT_PROPOSAL.HIDDEN, p.hidden())
                .query();
    }

    private static Query action(DSLContext tx, String projectId, String sessionId, Action a) {
        LocalDate deadline = a.deadline() == null ? null : LocalDate.parse(a.deadline());
        return ACTIONS.upsert(tx, projectId, sessionId, a.id(), a.earlier(), a.createdAt(), a.updatedAt())
                .set(PROJECT_ACTION.UPDATED_SESSION_ID, sessionId)
                .setOnInsert(PROJECT_ACTION.PROPOSAL_ID, a.proposalId())
                .set(PROJECT_ACTION.TITLE, a.title())
                .set(PROJECT_ACTION.LEAD_PARTNER, a.lead())
                .set(PROJECT_ACTION.DEADLINE, deadline)
                .set(PROJECT_ACTION.STATUS, a.status())
                .set(PROJECT_ACTION.REMOVED, a.removed())
                .query();
    }
}
