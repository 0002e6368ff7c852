package fr.atelier.server.formats.hackathon;

import fr.atelier.server.db.FormatArchive;
import static fr.atelier.server.db.generated.Tables.HACKATHON_CANVAS_FIELD;
import static fr.atelier.server.db.generated.Tables.HACKATHON_CHALLENGE;
import static fr.atelier.server.db.generated.Tables.HACKATHON_CRITERION;
import static fr.atelier.server.db.generated.Tables.HACKATHON_IDEA;
import static fr.atelier.server.db.generated.Tables.HACKATHON_JURY_SEAT;
import static fr.atelier.server.db.generated.Tables.HACKATHON_MEMBER;
import static fr.atelier.server.db.generated.Tables.HACKATHON_SCORE;
import static fr.atelier.server.db.generated.Tables.HACKATHON_TEAM;

import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.hackathon.Canvas;
import fr.atelier.workshops.hackathon.HackathonFormat;
import fr.atelier.workshops.hackathon.HackathonKit;
import fr.atelier.workshops.hackathon.HackathonScoring;
import fr.atelier.workshops.hackathon.HackathonState;
import fr.atelier.workshops.hackathon.HackathonState.Ballot;
import fr.atelier.workshops.hackathon.HackathonState.FieldValue;
import fr.atelier.workshops.hackathon.HackathonState.Idea;
import fr.atelier.workshops.hackathon.HackathonState.JurySeat;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The hackathon's challenges, rubric, teams with their canvases, ideas and members, jury seats and
 * every ballot, for reports by query. Every row is an upsert keyed by its identity in the session:
 * an ended session's state never changes, so archiving it again writes the same rows.
 */
public final class HackathonArchive implements FormatArchive {
    @Override
    public String format() {
        return HackathonFormat.ID;
    }

    @Override
    public void write(DSLContext tx, String sessionId, Object activityState) {
        HackathonState s = (HackathonState) activityState;
        List<Query> parents = new ArrayList<>();
        List<Query> children = new ArrayList<>();
        HackathonKit kit = s.kit();
        if (kit != null) {
            int position = 0;
            for (HackathonKit.Challenge c : kit.challenges()) {
                int teams = s.teamsOn(c.id());
                parents.add(tx.insertInto(HACKATHON_CHALLENGE)
                        .set(HACKATHON_CHALLENGE.SESSION_ID, sessionId)
                        .set(HACKATHON_CHALLENGE.CHALLENGE_ID, c.id())
                        .set(HACKATHON_CHALLENGE.POSITION, ++position)
                        .set(HACKATHON_CHALLENGE.KIT_ID, kit.id())
                        .set(HACKATHON_CHALLENGE.TITLE, c.title())
                        .set(HACKATHON_CHALLENGE.CAPACITY, c.capacity())
                        .set(HACKATHON_CHALLENGE.TEAM_COUNT, teams)
                        .onConflict(HACKATHON_CHALLENGE.SESSION_ID, HACKATHON_CHALLENGE.CHALLENGE_ID)
                        .doUpdate()
                        .set(HACKATHON_CHALLENGE.TITLE, c.title())
                        .set(HACKATHON_CHALLENGE.TEAM_COUNT, teams));
            }
            position = 0;
            for (HackathonKit.Criterion c : kit.rubric()) {
                parents.add(tx.insertInto(HACKATHON_CRITERION)
                        .set(HACKATHON_CRITERION.SESSION_ID, sessionId)
                        .set(HACKATHON_CRITERION.CRITERION_ID, c.id())
                        .set(HACKATHON_CRITERION.POSITION, ++position)
                        .set(HACKATHON_CRITERION.LABEL, c.label())
                        .set(HACKATHON_CRITERION.WEIGHT, c.weight())
                        .onConflict(HACKATHON_CRITERION.SESSION_ID, HACKATHON_CRITERION.CRITERION_ID)
                        .doUpdate()
                        .set(HACKATHON_CRITERION.LABEL, c.label())
                        .set(HACKATHON_CRITERION.WEIGHT, c.weight()));
            }
        }
        Map<String, HackathonScoring.Tally> jury = HackathonScoring.tallies(s, true);
        Map<String, HackathonScoring.Tally> crowd = HackathonScoring.tallies(s, false);
        List<String> juryPrize = HackathonScoring.winners(jury);
        List<String> publicPrize = HackathonScoring.winners(crowd);
        for (Teams.Team t : s.teams().teams()) {
            TeamWork w = s.workOf(t.id());
            HackathonScoring.Tally j = jury.get(t.id());
            HackathonScoring.Tally p = crowd.get(t.id());
            int pitchPosition = s.pitchOrder().indexOf(t.id());
            String projectName = blankToNull(w.field("name").text());
            String pitch = blankToNull(w.field("pitch").text());
            parents.add(tx.insertInto(HACKATHON_TEAM)
                    .set(HACKATHON_TEAM.SESSION_ID, sessionId)
                    .set(HACKATHON_TEAM.TEAM_ID, t.id())
                    .set(HACKATHON_TEAM.NAME, t.name())
                    .set(HACKATHON_TEAM.CHALLENGE_ID, w.challengeId())
                    .set(HACKATHON_TEAM.MEMBER_COUNT, t.members().size())
                    .set(HACKATHON_TEAM.PROJECT_NAME, projectName)
                    .set(HACKATHON_TEAM.PITCH, pitch)
                    .set(HACKATHON_TEAM.PITCH_POSITION, pitchPosition < 0 ? null : pitchPosition + 1)
                    .set(HACKATHON_TEAM.IDEA_COUNT, w.ideas().size())
                    .set(HACKATHON_TEAM.JURY_BALLOTS, j.ballots())
                    .set(HACKATHON_TEAM.JURY_SCORE, decimal(j.total()))
                    .set(HACKATHON_TEAM.JURY_RANK, j.rank())
                    .set(HACKATHON_TEAM.PUBLIC_BALLOTS, p.ballots())
                    .set(HACKATHON_TEAM.PUBLIC_SCORE, decimal(p.total()))
                    .set(HACKATHON_TEAM.PUBLIC_RANK, p.rank())
                    .set(HACKATHON_TEAM.JURY_PRIZE, juryPrize.contains(t.id()))
                    .set(HACKATHON_TEAM.PUBLIC_PRIZE, publicPrize.contains(t.id()))
                    .onConflict(HACKATHON_TEAM.SESSION_ID, HACKATHON_TEAM.TEAM_ID)
                    .doUpdate()
                    .set(HACKATHON_TEAM.NAME, t.name())
                    .set(HACKATHON_TEAM.CHALLENGE_ID, w.challengeId())
                    .set(HACKATHON_TEAM.MEMBER_COUNT, t.members().size())
                    .set(HACKATHON_TEAM.PROJECT_NAME, projectName)
                    .set(HACKATHON_TEAM.PITCH, pitch)
                    .set(HACKATHON_TEAM.IDEA_COUNT, w.ideas().size())
                    .set(HACKATHON_TEAM.JURY_BALLOTS, j.ballots())
                    .set(HACKATHON_TEAM.JURY_SCORE, decimal(j.total()))
                    .set(HACKATHON_TEAM.JURY_RANK, j.rank())
                    .set(HACKATHON_TEAM.PUBLIC_BALLOTS, p.ballots())
                    .set(HACKATHON_TEAM.PUBLIC_SCORE, decimal(p.total()))
                    .set(HACKATHON_TEAM.PUBLIC_RANK, p.rank())
                    .set(HACKATHON_TEAM.JURY_PRIZE, juryPrize.contains(t.id()))
                    .set(HACKATHON_TEAM.PUBLIC_PRIZE, publicPrize.contains(t.id())));
            for (String member : t.members()) {
                children.add(tx.insertInto(HACKATHON_MEMBER)
                        .set(HACKATHON_MEMBER.SESSION_ID, sessionId)
                        .set(HACKATHON_MEMBER.TEAM_ID, t.id())
                        .set(HACKATHON_MEMBER.PARTICIPANT_ID, member)
                        .onConflictDoNothing());
            }
            int position = 0;
            for (Canvas.Field f : Canvas.FIELDS) {
                FieldValue v = w.field(f.id());
                OffsetDateTime edited = v.rev() == 0 ? null : time(v.at());
                children.add(tx.insertInto(HACKATHON_CANVAS_FIELD)
                        .set(HACKATHON_CANVAS_FIELD.SESSION_ID, sessionId)
                        .set(HACKATHON_CANVAS_FIELD.TEAM_ID, t.id())
                        .set(HACKATHON_CANVAS_FIELD.CANVAS, f.canvas())
                        .set(HACKATHON_CANVAS_FIELD.FIELD_ID, f.id())
                        .set(HACKATHON_CANVAS_FIELD.POSITION, ++position)
                        .set(HACKATHON_CANVAS_FIELD.TEXT, v.text())
                        .set(HACKATHON_CANVAS_FIELD.REVISIONS, v.rev())
                        .set(HACKATHON_CANVAS_FIELD.LAST_EDITOR, v.by())
                        .set(HACKATHON_CANVAS_FIELD.EDITED_AT, edited)
                        .onConflict(HACKATHON_CANVAS_FIELD.SESSION_ID, HACKATHON_CANVAS_FIELD.TEAM_ID, HACKATHON_CANVAS_FIELD.FIELD_ID)
                        .doUpdate()
                        .set(HACKATHON_CANVAS_FIELD.TEXT, v.text())
                        .set(HACKATHON_CANVAS_FIELD.REVISIONS, v.rev())
                        .set(HACKATHON_CANVAS_FIELD.LAST_EDITOR, v.by())
                        .set(HACKATHON_CANVAS_FIELD.EDITED_AT, edited));
            }
            for (Idea i : w.ideas()) {
                children.add(tx.insertInto(HACKATHON_IDEA)
                        .set(HACKATHON_IDEA.SESSION_ID, sessionId)
                        .set(HACKATHON_IDEA.TEAM_ID, t.id())
                        .set(HACKATHON_IDEA.IDEA_ID, i.id())
                        .set(HACKATHON_IDEA.TEXT, i.text())
                        .set(HACKATHON_IDEA.AUTHOR_ID, i.by())
                        .set(HACKATHON_IDEA.DOTS, i.dots().size())
                        .set(HACKATHON_IDEA.CREATED_AT, time(i.at()))
                        .onConflict(HACKATHON_IDEA.SESSION_ID, HACKATHON_IDEA.IDEA_ID)
                        .doUpdate()
                        .set(HACKATHON_IDEA.DOTS, i.dots().size()));
            }
        }
        for (JurySeat seat : s.jury()) {
            parents.add(tx.insertInto(HACKATHON_JURY_SEAT)
                    .set(HACKATHON_JURY_SEAT.SESSION_ID, sessionId)
                    .set(HACKATHON_JURY_SEAT.SEAT_ID, seat.id())
                    .set(HACKATHON_JURY_SEAT.LABEL, seat.label())
                    .set(HACKATHON_JURY_SEAT.PARTICIPANT_ID, seat.holder())
                    .onConflict(HACKATHON_JURY_SEAT.SESSION_ID, HACKATHON_JURY_SEAT.SEAT_ID)
                    .doUpdate()
                    .set(HACKATHON_JURY_SEAT.PARTICIPANT_ID, seat.holder()));
        }
        for (Ballot b : s.ballots().values()) {
            for (Map.Entry<String, Integer> score : b.scores().entrySet()) {
                children.add(tx.insertInto(HACKATHON_SCORE)
                        .set(HACKATHON_SCORE.SESSION_ID, sessionId)
                        .set(HACKATHON_SCORE.TEAM_ID, b.teamId())
                        .set(HACKATHON_SCORE.CRITERION_ID, score.getKey())
                        .set(HACKATHON_SCORE.VOTER_KIND, b.jury() ? "jury" : "public")
                        .set(HACKATHON_SCORE.VOTER_ID, b.voter())
                        .set(HACKATHON_SCORE.SCORE, score.getValue().shortValue())
                        .set(HACKATHON_SCORE.SCORED_AT, time(b.at()))
                        .onConflict(HACKATHON_SCORE.SESSION_ID, HACKATHON_SCORE.TEAM_ID, HACKATHON_SCORE.CRITERION_ID,
                                HACKATHON_SCORE.VOTER_KIND, HACKATHON_SCORE.VOTER_ID)
                        .doUpdate()
                        .set(HACKATHON_SCORE.SCORE, score.getValue().shortValue())
                        .set(HACKATHON_SCORE.SCORED_AT, time(b.at())));
            }
        }
        // Teams, challenges and criteria first: the other rows reference them.
        batch(tx, parents);
        batch(tx, children);
    }

    private static void batch(DSLContext tx, List<Query> queries) {
        for (int i = 0; i < queries.size(); i += 500) {
            tx.batch(queries.subList(i, Math.min(queries.size(), i + 500))).execute();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime time(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }
}
