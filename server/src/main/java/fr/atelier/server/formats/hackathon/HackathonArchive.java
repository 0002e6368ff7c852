package fr.atelier.server.formats.hackathon;

import static fr.atelier.server.db.generated.Tables.HACKATHON_CANVAS_FIELD;
import static fr.atelier.server.db.generated.Tables.HACKATHON_CHALLENGE;
import static fr.atelier.server.db.generated.Tables.HACKATHON_CRITERION;
import static fr.atelier.server.db.generated.Tables.HACKATHON_IDEA;
import static fr.atelier.server.db.generated.Tables.HACKATHON_JURY_SEAT;
import static fr.atelier.server.db.generated.Tables.HACKATHON_MEMBER;
import static fr.atelier.server.db.generated.Tables.HACKATHON_SCORE;
import static fr.atelier.server.db.generated.Tables.HACKATHON_TEAM;

import fr.atelier.server.db.FormatArchive;
import fr.atelier.server.db.Upsert;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.hackathon.Canvas;
import fr.atelier.workshops.hackathon.HackathonKit;
import fr.atelier.workshops.hackathon.HackathonResultRows;
import fr.atelier.workshops.hackathon.HackathonState.Ballot;
import fr.atelier.workshops.hackathon.HackathonState.FieldValue;
import fr.atelier.workshops.hackathon.HackathonState.Idea;
import fr.atelier.workshops.hackathon.HackathonState.JurySeat;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import fr.atelier.workshops.hackathon.HackathonState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The hackathon's challenges, rubric, teams with their canvases, ideas and members, jury seats and
 * every ballot, for reports by query. Every row is an upsert keyed by its identity in the session:
 * an ended session's state never changes, so archiving it again writes the same rows.
 */
public final class HackathonArchive implements FormatArchive<HackathonState> {
    @Override
    public void write(DSLContext tx, String sessionId, HackathonState s) {
        List<Query> parents = new ArrayList<>();
        List<Query> children = new ArrayList<>();
        HackathonKit kit = s.kit();
        if (kit != null) {
            int position = 0;
            for (HackathonKit.Challenge c : kit.challenges()) {
                int teams = s.teamsOn(c.id());
                parents.add(Upsert.into(tx, HACKATHON_CHALLENGE)
                        .key(HACKATHON_CHALLENGE.SESSION_ID, sessionId)
                        .key(HACKATHON_CHALLENGE.CHALLENGE_ID, c.id())
                        .setOnInsert(HACKATHON_CHALLENGE.POSITION, ++position)
                        .setOnInsert(HACKATHON_CHALLENGE.KIT_ID, kit.id())
                        .set(HACKATHON_CHALLENGE.TITLE, c.title())
                        .setOnInsert(HACKATHON_CHALLENGE.CAPACITY, c.capacity())
                        .set(HACKATHON_CHALLENGE.TEAM_COUNT, teams)
                        .query());
            }
            position = 0;
            for (HackathonKit.Criterion c : kit.rubric()) {
                parents.add(Upsert.into(tx, HACKATHON_CRITERION)
                        .key(HACKATHON_CRITERION.SESSION_ID, sessionId)
                        .key(HACKATHON_CRITERION.CRITERION_ID, c.id())
                        .setOnInsert(HACKATHON_CRITERION.POSITION, ++position)
                        .set(HACKATHON_CRITERION.LABEL, c.label())
                        .set(HACKATHON_CRITERION.WEIGHT, c.weight())
                        .query());
            }
        }
        // Tallies, ranks, prizes and pitch positions come from the rows the CSV also reads.
        Map<String, HackathonResultRows.Team> rows = new HashMap<>();
        for (HackathonResultRows.Team r : HackathonResultRows.of(s, Roster.EMPTY).teams()) {
            rows.put(r.teamId(), r);
        }
        for (Teams.Team t : s.teams().teams()) {
            TeamWork w = s.workOf(t.id());
            HackathonResultRows.Team r = rows.get(t.id());
            parents.add(Upsert.into(tx, HACKATHON_TEAM)
                    .key(HACKATHON_TEAM.SESSION_ID, sessionId)
                    .key(HACKATHON_TEAM.TEAM_ID, t.id())
                    .set(HACKATHON_TEAM.NAME, r.name())
                    .set(HACKATHON_TEAM.CHALLENGE_ID, r.challengeId())
                    .set(HACKATHON_TEAM.MEMBER_COUNT, r.members().size())
                    .set(HACKATHON_TEAM.PROJECT_NAME, r.solutionOrNull("name"))
                    .set(HACKATHON_TEAM.PITCH, r.solutionOrNull("pitch"))
                    .setOnInsert(HACKATHON_TEAM.PITCH_POSITION, r.pitchPosition())
                    .set(HACKATHON_TEAM.IDEA_COUNT, r.ideas())
                    .set(HACKATHON_TEAM.JURY_BALLOTS, r.jury().ballots())
                    .set(HACKATHON_TEAM.JURY_SCORE, decimal(r.jury().total()))
                    .set(HACKATHON_TEAM.JURY_RANK, r.jury().rank())
                    .set(HACKATHON_TEAM.PUBLIC_BALLOTS, r.publicVote().ballots())
                    .set(HACKATHON_TEAM.PUBLIC_SCORE, decimal(r.publicVote().total()))
                    .set(HACKATHON_TEAM.PUBLIC_RANK, r.publicVote().rank())
                    .set(HACKATHON_TEAM.JURY_PRIZE, r.juryPrize())
                    .set(HACKATHON_TEAM.PUBLIC_PRIZE, r.publicPrize())
                    .query());
            for (String member : t.members()) {
                children.add(Upsert.into(tx, HACKATHON_MEMBER)
                        .setOnInsert(HACKATHON_MEMBER.SESSION_ID, sessionId)
                        .setOnInsert(HACKATHON_MEMBER.TEAM_ID, t.id())
                        .setOnInsert(HACKATHON_MEMBER.PARTICIPANT_ID, member)
                        .query());
            }
            int position = 0;
            for (Canvas.Field f : Canvas.FIELDS) {
                FieldValue v = w.field(f.id());
                OffsetDateTime edited = v.rev() == 0 ? null : time(v.at());
                children.add(Upsert.into(tx, HACKATHON_CANVAS_FIELD)
                        .key(HACKATHON_CANVAS_FIELD.SESSION_ID, sessionId)
                        .key(HACKATHON_CANVAS_FIELD.TEAM_ID, t.id())
                        .setOnInsert(HACKATHON_CANVAS_FIELD.CANVAS, f.canvas())
                        .key(HACKATHON_CANVAS_FIELD.FIELD_ID, f.id())
                        .setOnInsert(HACKATHON_CANVAS_FIELD.POSITION, ++position)
                        .set(HACKATHON_CANVAS_FIELD.TEXT, v.text())
                        .set(HACKATHON_CANVAS_FIELD.REVISIONS, v.rev())
                        .set(HACKATHON_CANVAS_FIELD.LAST_EDITOR, v.by())
                        .set(HACKATHON_CANVAS_FIELD.EDITED_AT, edited)
                        .query());
            }
            for (Idea i : w.ideas()) {
                children.add(Upsert.into(tx, HACKATHON_IDEA)
                        .key(HACKATHON_IDEA.SESSION_ID, sessionId)
                        .setOnInsert(HACKATHON_IDEA.TEAM_ID, t.id())
                        .key(HACKATHON_IDEA.IDEA_ID, i.id())
                        .setOnInsert(HACKATHON_IDEA.TEXT, i.text())
                        .setOnInsert(HACKATHON_IDEA.AUTHOR_ID, i.by())
                        .set(HACKATHON_IDEA.DOTS, i.dots().size())
                        .setOnInsert(HACKATHON_IDEA.CREATED_AT, time(i.at()))
                        .query());
            }
        }
        for (JurySeat seat : s.jury()) {
            parents.add(Upsert.into(tx, HACKATHON_JURY_SEAT)
                    .key(HACKATHON_JURY_SEAT.SESSION_ID, sessionId)
                    .key(HACKATHON_JURY_SEAT.SEAT_ID, seat.id())
                    .setOnInsert(HACKATHON_JURY_SEAT.LABEL, seat.label())
                    .set(HACKATHON_JURY_SEAT.PARTICIPANT_ID, seat.holder())
                    .query());
        }
        for (Ballot b : s.ballots().values()) {
            for (Map.Entry<String, Integer> score : b.scores().entrySet()) {
                children.add(Upsert.into(tx, HACKATHON_SCORE)
                        .key(HACKATHON_SCORE.SESSION_ID, sessionId)
                        .key(HACKATHON_SCORE.TEAM_ID, b.teamId())
                        .key(HACKATHON_SCORE.CRITERION_ID, score.getKey())
                        .key(HACKATHON_SCORE.VOTER_KIND, b.jury() ? "jury" : "public")
                        .key(HACKATHON_SCORE.VOTER_ID, b.voter())
                        .set(HACKATHON_SCORE.SCORE, score.getValue().shortValue())
                        .set(HACKATHON_SCORE.SCORED_AT, time(b.at()))
                        .query());
            }
        }
        // Teams, challenges and criteria first: the other rows reference them.
        Upsert.batch(tx, parents);
        Upsert.batch(tx, children);
    }

    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime time(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }
}
