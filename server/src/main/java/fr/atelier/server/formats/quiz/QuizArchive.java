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
import fr.atelier.workshops.quiz.QuizScoring;
import fr.atelier.workshops.quiz.QuizState.TeamAnswer;
import fr.atelier.workshops.quiz.QuizState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The quiz's teams, questions, answers and participants, one row each, for reports by query.
 * Idempotent: the session's rows are deleted and written again in the archive's transaction, so
 * archiving twice gives the same tables (an answer cleared since an earlier archive is gone).
 */
public final class QuizArchive implements FormatArchive<QuizState> {
    @Override
    public void write(DSLContext tx, String sessionId, QuizState s) {
        if (s.bank() == null) {
            return;
        }
        List<Question> inPlay = s.stage() == QuizState.Stage.SETUP ? List.of() : s.inPlay();
        Set<String> counted = new HashSet<>();
        inPlay.forEach(q -> counted.add(q.id()));
        Map<String, QuizScoring.Standing> standings = new HashMap<>();
        for (QuizScoring.Standing st : QuizScoring.standings(s, counted::contains, id -> id)) {
            standings.put(st.teamId(), st);
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

        var settings = s.settings();
        rows.add(Upsert.into(tx, QUIZ_GAME)
                .key(QUIZ_GAME.SESSION_ID, sessionId)
                .setOnInsert(QUIZ_GAME.BANK_ID, s.bank().id())
                .setOnInsert(QUIZ_GAME.BANK_TITLE, cut(s.bank().title(), 200))
                .setOnInsert(QUIZ_GAME.PACING, settings.live() ? "live" : "challenge")
                .set(QUIZ_GAME.QUESTIONS_PLAYED, inPlay.size())
                .set(QUIZ_GAME.TEAM_COUNT, standings.size())
                .setOnInsert(QUIZ_GAME.SPEED_BONUS, settings.speedBonus())
                .setOnInsert(QUIZ_GAME.PARTIAL_CREDIT, settings.partialCredit())
                .setOnInsert(QUIZ_GAME.SECONDS_PER_QUESTION, settings.live() ? settings.secondsPerQuestion() : null)
                .setOnInsert(QUIZ_GAME.TIME_LIMIT_MINUTES, settings.live() ? null : settings.timeLimitMinutes())
                .set(QUIZ_GAME.STARTED_AT, time(s.startedAt()))
                .set(QUIZ_GAME.FINISHED_AT, time(s.finishedAt()))
                .query());

        Set<String> teamKeys = new LinkedHashSet<>();
        for (Teams.Team t : s.teams().teams()) {
            teamKeys.add(t.id());
            QuizScoring.Standing st = standings.get(t.id());
            Integer rank = st == null ? null : st.rank();
            int score = st == null ? 0 : st.score();
            int right = st == null ? 0 : st.right();
            int answered = st == null ? 0 : st.answered();
            long timeMs = st == null ? 0 : st.timeMs();
            rows.add(Upsert.into(tx, QUIZ_TEAM)
                    .key(QUIZ_TEAM.SESSION_ID, sessionId)
                    .key(QUIZ_TEAM.TEAM_ID, t.id())
                    .set(QUIZ_TEAM.NAME, t.name())
                    .set(QUIZ_TEAM.FINAL_RANK, rank)
                    .set(QUIZ_TEAM.SCORE, score)
                    .set(QUIZ_TEAM.RIGHT_COUNT, right)
                    .set(QUIZ_TEAM.ANSWERED, answered)
                    .set(QUIZ_TEAM.TIME_MS, timeMs)
                    .set(QUIZ_TEAM.MEMBER_COUNT, t.members().size())
                    .query());
        }

        Map<String, int[]> people = new HashMap<>();
        for (int i = 0; i < inPlay.size(); i++) {
            Question q = inPlay.get(i);
            Map<String, TeamAnswer> byTeam = s.answersTo(q.id());
            int right = 0;
            for (TeamAnswer a : byTeam.values()) {
                if (QuizScoring.right(q, a.value())) {
                    right++;
                }
            }
            String rightAnswer = cut(QuizScoring.rightLabel(q), 2500);
            String sourceName = q.source() == null ? null : cut(q.source().name(), 200);
            String sourceUrl = q.source() == null ? null : cut(q.source().url(), 500);
            rows.add(Upsert.into(tx, QUIZ_QUESTION)
                    .key(QUIZ_QUESTION.SESSION_ID, sessionId)
                    .key(QUIZ_QUESTION.QUESTION_ID, q.id())
                    .set(QUIZ_QUESTION.POSITION, i + 1)
                    .setOnInsert(QUIZ_QUESTION.BANK_ID, s.bank().id())
                    .setOnInsert(QUIZ_QUESTION.TYPE, q.type().wire())
                    .setOnInsert(QUIZ_QUESTION.TEXT, cut(q.text(), 600))
                    .setOnInsert(QUIZ_QUESTION.RIGHT_ANSWER, rightAnswer)
                    .setOnInsert(QUIZ_QUESTION.SOURCE_NAME, sourceName)
                    .setOnInsert(QUIZ_QUESTION.SOURCE_URL, sourceUrl)
                    .set(QUIZ_QUESTION.ANSWERED, byTeam.size())
                    .set(QUIZ_QUESTION.RIGHT_COUNT, right)
                    .query());
            for (Map.Entry<String, TeamAnswer> e : byTeam.entrySet()) {
                TeamAnswer a = e.getValue();
                if (!teamKeys.contains(e.getKey())) { // a team removed since
                    continue;
                }
                String label = cut(QuizScoring.label(q, a.value()), 2500);
                boolean isRight = QuizScoring.right(q, a.value());
                int points = QuizScoring.points(s, q, a);
                rows.add(Upsert.into(tx, QUIZ_TEAM_ANSWER)
                        .key(QUIZ_TEAM_ANSWER.SESSION_ID, sessionId)
                        .key(QUIZ_TEAM_ANSWER.QUESTION_ID, q.id())
                        .key(QUIZ_TEAM_ANSWER.TEAM_ID, e.getKey())
                        .set(QUIZ_TEAM_ANSWER.ANSWER, label)
                        .set(QUIZ_TEAM_ANSWER.IS_RIGHT, isRight)
                        .set(QUIZ_TEAM_ANSWER.POINTS, points)
                        .set(QUIZ_TEAM_ANSWER.ANSWERED_BY, a.by())
                        .set(QUIZ_TEAM_ANSWER.ANSWERED_AT, time(a.at()))
                        .query());
                int[] p = people.computeIfAbsent(a.by(), k -> new int[3]);
                p[0]++;
                p[1] += isRight ? 1 : 0;
                p[2] += points;
            }
            for (Map.Entry<String, TeamAnswer> e : s.proposals().getOrDefault(q.id(), Map.of()).entrySet()) {
                TeamAnswer a = e.getValue();
                TeamAnswer teams = byTeam.get(a.teamId());
                boolean countedAnswer = teams != null && teams.by().equals(e.getKey()) && teams.value().equals(a.value());
                String label = cut(QuizScoring.label(q, a.value()), 2500);
                boolean isRight = QuizScoring.right(q, a.value());
                rows.add(Upsert.into(tx, QUIZ_PARTICIPANT_ANSWER)
                        .key(QUIZ_PARTICIPANT_ANSWER.SESSION_ID, sessionId)
                        .key(QUIZ_PARTICIPANT_ANSWER.QUESTION_ID, q.id())
                        .key(QUIZ_PARTICIPANT_ANSWER.PARTICIPANT_ID, e.getKey())
                        .set(QUIZ_PARTICIPANT_ANSWER.TEAM_ID, a.teamId())
                        .set(QUIZ_PARTICIPANT_ANSWER.ANSWER, label)
                        .set(QUIZ_PARTICIPANT_ANSWER.IS_RIGHT, isRight)
                        .set(QUIZ_PARTICIPANT_ANSWER.COUNTED, countedAnswer)
                        .set(QUIZ_PARTICIPANT_ANSWER.ANSWERED_AT, time(a.at()))
                        .query());
            }
        }

        Set<String> everyone = new LinkedHashSet<>();
        for (Teams.Team t : s.teams().teams()) {
            everyone.addAll(t.members());
        }
        everyone.addAll(s.changes().keySet());
        for (String id : everyone) {
            int[] p = people.getOrDefault(id, new int[3]);
            String team = s.teams().teamIdOf(id);
            int changes = s.changes().getOrDefault(id, 0);
            rows.add(Upsert.into(tx, QUIZ_PARTICIPANT)
                    .key(QUIZ_PARTICIPANT.SESSION_ID, sessionId)
                    .key(QUIZ_PARTICIPANT.PARTICIPANT_ID, id)
                    .set(QUIZ_PARTICIPANT.TEAM_ID, team)
                    .set(QUIZ_PARTICIPANT.CHANGES, changes)
                    .set(QUIZ_PARTICIPANT.FINAL_ANSWERS, p[0])
                    .set(QUIZ_PARTICIPANT.RIGHT_ANSWERS, p[1])
                    .set(QUIZ_PARTICIPANT.POINTS, p[2])
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
