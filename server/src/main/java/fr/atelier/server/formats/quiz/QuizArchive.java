package fr.atelier.server.formats.quiz;

import static fr.atelier.server.db.generated.Tables.QUIZ_GAME;
import static fr.atelier.server.db.generated.Tables.QUIZ_PARTICIPANT;
import static fr.atelier.server.db.generated.Tables.QUIZ_PARTICIPANT_ANSWER;
import static fr.atelier.server.db.generated.Tables.QUIZ_QUESTION;
import static fr.atelier.server.db.generated.Tables.QUIZ_TEAM;
import static fr.atelier.server.db.generated.Tables.QUIZ_TEAM_ANSWER;

import fr.atelier.server.db.FormatArchive;
import fr.atelier.server.db.Upsert;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizResultRows;
import fr.atelier.workshops.quiz.QuizScoring;
import fr.atelier.workshops.quiz.QuizSettings;
import fr.atelier.workshops.quiz.QuizState.TeamAnswer;
import fr.atelier.workshops.quiz.QuizState;
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
 * The quiz's teams, questions, answers and participants, one row each, for reports by query: all
 * but the participants' own proposals come from {@link QuizResultRows}, which the CSV also reads.
 * Idempotent: the session's rows are deleted and written again in the archive's transaction, so
 * archiving twice gives the same tables (an answer cleared since an earlier archive is gone).
 */
public final class QuizArchive implements FormatArchive<QuizState> {
    @Override
    public void write(DSLContext tx, String sessionId, QuizState s) {
        QuizResultRows r = QuizResultRows.of(s, QuizResultRows.byId(s));
        if (r == null) {
            return;
        }
        List<Query> rows = new ArrayList<>();
        // An earlier archive of this session (the archive is retried and may run twice) is replaced
        // whole, children first, inside the archive's transaction: readers see the old rows or the
        // new ones. (A "not in (keys)" per table breaks PostgreSQL's stack past a few thousand keys.)
        rows.add(tx.deleteFrom(QUIZ_TEAM_ANSWER).where(QUIZ_TEAM_ANSWER.SESSION_ID.eq(sessionId)));
        rows.add(tx.deleteFrom(QUIZ_PARTICIPANT_ANSWER).where(QUIZ_PARTICIPANT_ANSWER.SESSION_ID.eq(sessionId)));
        rows.add(tx.deleteFrom(QUIZ_QUESTION).where(QUIZ_QUESTION.SESSION_ID.eq(sessionId)));
        rows.add(tx.deleteFrom(QUIZ_TEAM).where(QUIZ_TEAM.SESSION_ID.eq(sessionId)));
        rows.add(tx.deleteFrom(QUIZ_PARTICIPANT).where(QUIZ_PARTICIPANT.SESSION_ID.eq(sessionId)));

        QuizResultRows.Game game = r.game();
        QuizSettings settings = game.settings();
        rows.add(Upsert.into(tx, QUIZ_GAME)
                .key(QUIZ_GAME.SESSION_ID, sessionId)
                .setOnInsert(QUIZ_GAME.BANK_ID, game.bankId())
                .setOnInsert(QUIZ_GAME.BANK_TITLE, cut(game.bankTitle(), 200))
                .setOnInsert(QUIZ_GAME.PACING, game.live() ? "live" : "challenge")
                .set(QUIZ_GAME.QUESTIONS_PLAYED, game.questionsPlayed())
                .set(QUIZ_GAME.TEAM_COUNT, r.teams().size())
                .setOnInsert(QUIZ_GAME.SPEED_BONUS, settings.speedBonus())
                .setOnInsert(QUIZ_GAME.PARTIAL_CREDIT, settings.partialCredit())
                .setOnInsert(QUIZ_GAME.SECONDS_PER_QUESTION, game.live() ? settings.secondsPerQuestion() : null)
                .setOnInsert(QUIZ_GAME.TIME_LIMIT_MINUTES, game.live() ? null : settings.timeLimitMinutes())
                .set(QUIZ_GAME.STARTED_AT, time(game.startedAt()))
                .set(QUIZ_GAME.FINISHED_AT, time(game.finishedAt()))
                .query());

        // Every team, ranked or not (a team with no member and no answer has no rank).
        Map<String, QuizResultRows.Team> ranked = new HashMap<>();
        r.teams().forEach(t -> ranked.put(t.teamId(), t));
        for (Teams.Team t : s.teams().teams()) {
            QuizResultRows.Team st = ranked.get(t.id());
            rows.add(Upsert.into(tx, QUIZ_TEAM)
                    .key(QUIZ_TEAM.SESSION_ID, sessionId)
                    .key(QUIZ_TEAM.TEAM_ID, t.id())
                    .set(QUIZ_TEAM.NAME, t.name())
                    .set(QUIZ_TEAM.FINAL_RANK, st == null ? null : st.rank())
                    .set(QUIZ_TEAM.SCORE, st == null ? 0 : st.score())
                    .set(QUIZ_TEAM.RIGHT_COUNT, st == null ? 0 : st.right())
                    .set(QUIZ_TEAM.ANSWERED, st == null ? 0 : st.answered())
                    .set(QUIZ_TEAM.TIME_MS, st == null ? 0L : st.timeMs())
                    .set(QUIZ_TEAM.MEMBER_COUNT, t.members().size())
                    .query());
        }

        for (QuizResultRows.Question q : r.questions()) {
            rows.add(Upsert.into(tx, QUIZ_QUESTION)
                    .key(QUIZ_QUESTION.SESSION_ID, sessionId)
                    .key(QUIZ_QUESTION.QUESTION_ID, q.questionId())
                    .set(QUIZ_QUESTION.POSITION, q.position())
                    .setOnInsert(QUIZ_QUESTION.BANK_ID, game.bankId())
                    .setOnInsert(QUIZ_QUESTION.TYPE, q.type().wire())
                    .setOnInsert(QUIZ_QUESTION.TEXT, cut(q.text(), 600))
                    .setOnInsert(QUIZ_QUESTION.RIGHT_ANSWER, cut(q.rightAnswer(), 2500))
                    .setOnInsert(QUIZ_QUESTION.SOURCE_NAME, cut(q.sourceName(), 200))
                    .setOnInsert(QUIZ_QUESTION.SOURCE_URL, cut(q.sourceUrl(), 500))
                    .set(QUIZ_QUESTION.ANSWERED, q.answered())
                    .set(QUIZ_QUESTION.RIGHT_COUNT, q.right())
                    .query());
        }
        for (QuizResultRows.Answer a : r.answers()) {
            rows.add(Upsert.into(tx, QUIZ_TEAM_ANSWER)
                    .key(QUIZ_TEAM_ANSWER.SESSION_ID, sessionId)
                    .key(QUIZ_TEAM_ANSWER.QUESTION_ID, a.questionId())
                    .key(QUIZ_TEAM_ANSWER.TEAM_ID, a.teamId())
                    .set(QUIZ_TEAM_ANSWER.ANSWER, cut(a.answer(), 2500))
                    .set(QUIZ_TEAM_ANSWER.IS_RIGHT, a.right())
                    .set(QUIZ_TEAM_ANSWER.POINTS, a.points())
                    .set(QUIZ_TEAM_ANSWER.ANSWERED_BY, a.by())
                    .set(QUIZ_TEAM_ANSWER.ANSWERED_AT, time(a.at()))
                    .query());
        }
        // Every participant's own proposals, which only the archive keeps.
        List<Question> inPlay = s.stage() == QuizState.Stage.SETUP ? List.of() : s.inPlay();
        for (Question q : inPlay) {
            Map<String, TeamAnswer> byTeam = s.answersTo(q.id());
            for (Map.Entry<String, TeamAnswer> e : s.proposals().getOrDefault(q.id(), Map.of()).entrySet()) {
                TeamAnswer a = e.getValue();
                TeamAnswer teams = byTeam.get(a.teamId());
                boolean countedAnswer = teams != null && teams.by().equals(e.getKey()) && teams.value().equals(a.value());
                rows.add(Upsert.into(tx, QUIZ_PARTICIPANT_ANSWER)
                        .key(QUIZ_PARTICIPANT_ANSWER.SESSION_ID, sessionId)
                        .key(QUIZ_PARTICIPANT_ANSWER.QUESTION_ID, q.id())
                        .key(QUIZ_PARTICIPANT_ANSWER.PARTICIPANT_ID, e.getKey())
                        .set(QUIZ_PARTICIPANT_ANSWER.TEAM_ID, a.teamId())
                        .set(QUIZ_PARTICIPANT_ANSWER.ANSWER, cut(QuizScoring.label(q, a.value()), 2500))
                        .set(QUIZ_PARTICIPANT_ANSWER.IS_RIGHT, QuizScoring.right(q, a.value()))
                        .set(QUIZ_PARTICIPANT_ANSWER.COUNTED, countedAnswer)
                        .set(QUIZ_PARTICIPANT_ANSWER.ANSWERED_AT, time(a.at()))
                        .query());
            }
        }
        for (QuizResultRows.Participant p : r.participants()) {
            rows.add(Upsert.into(tx, QUIZ_PARTICIPANT)
                    .key(QUIZ_PARTICIPANT.SESSION_ID, sessionId)
                    .key(QUIZ_PARTICIPANT.PARTICIPANT_ID, p.nickname())
                    .set(QUIZ_PARTICIPANT.TEAM_ID, p.teamId())
                    .set(QUIZ_PARTICIPANT.CHANGES, p.changes())
                    .set(QUIZ_PARTICIPANT.FINAL_ANSWERS, p.finalAnswers())
                    .set(QUIZ_PARTICIPANT.RIGHT_ANSWERS, p.rightFinalAnswers())
                    .set(QUIZ_PARTICIPANT.POINTS, p.points())
                    .query());
        }

        Upsert.batch(tx, rows);
    }

    private static OffsetDateTime time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
