package fr.atelier.workshops.quiz;

import fr.atelier.workshops.core.PersistentMap;
import fr.atelier.workshops.core.Teams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A quiz: the bank being played, its settings, the teams, and every team's answers. Answers are
 * kept per question and team ({@code answers}) and, for the per-participant results, each
 * participant's latest proposal ({@code proposals}) and number of changes ({@code changes}).
 *
 * @param played live pacing: the questions shown so far, in order (the last one is the current one)
 * @param deadline challenge pacing: when the challenge ends
 * @param submitted challenge pacing: teams that handed in their answers, with the time
 * @param scoreboard live pacing: the scoreboard is on the projector after the current reveal
 * @param debrief at the end: the debrief item shown (null: the podium)
 */
public record QuizState(
        QuizBank bank,
        QuizSettings settings,
        Teams teams,
        Stage stage,
        Long startedAt,
        Long deadline,
        Long finishedAt,
        List<Played> played,
        Map<String, Map<String, TeamAnswer>> answers,
        Map<String, Map<String, TeamAnswer>> proposals,
        Map<String, Integer> changes,
        Map<String, Long> submitted,
        boolean scoreboard,
        Integer debrief) {

    public enum Stage { SETUP, PLAYING, FINISHED }

    public enum Status { OPEN, LOCKED, REVEALED }

    /** A question shown in live pacing. */
    public record Played(String questionId, int index, Status status, long shownAt, Long deadline, Long lockedAt) {
        Played with(Status s, Long locked) {
            return new Played(questionId, index, s, shownAt, deadline, locked);
        }

        Played withDeadline(Long d) {
            return new Played(questionId, index, status, shownAt, d, lockedAt);
        }
    }

    /** An answer: the value, who set it last, in which team, when. */
    public record TeamAnswer(AnswerValue value, String by, String teamId, long at) {}

    public QuizState {
        played = List.copyOf(played);
        answers = nested(answers);
        proposals = nested(proposals);
        changes = PersistentMap.of(changes);
        submitted = PersistentMap.of(submitted);
    }

    /**
     * Maps built by this class are persistent already and shared as they are; others (read from
     * JSON, written in tests) are converted once. Copying everything on every event would make a
     * room's answer burst quadratic.
     */
    private static Map<String, Map<String, TeamAnswer>> nested(Map<String, Map<String, TeamAnswer>> m) {
        if (m instanceof PersistentMap) {
            return m;
        }
        PersistentMap<String, Map<String, TeamAnswer>> out = PersistentMap.empty();
        for (Map.Entry<String, Map<String, TeamAnswer>> e : m.entrySet()) {
            out = out.plus(e.getKey(), PersistentMap.of(e.getValue()));
        }
        return out;
    }

    public static QuizState initial() {
        return new QuizState(null, QuizSettings.DEFAULT, Teams.EMPTY.withSizeLimit(QuizSettings.DEFAULT.teamSize()),
                Stage.SETUP, null, null, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), false, null);
    }

    // ---- queries ------------------------------------------------------------------------------

    public boolean live() {
        return settings.live();
    }

    /** Live pacing: the question on screen (possibly locked or revealed), or null. */
    public Played current() {
        return played.isEmpty() ? null : played.get(played.size() - 1);
    }

    public Played playedOf(String questionId) {
        for (Played p : played) {
            if (p.questionId().equals(questionId)) {
                return p;
            }
        }
        return null;
    }

    /** Whether the room may know this question's right answer and every team's answer to it. */
    public boolean revealed(String questionId) {
        if (stage == Stage.FINISHED) {
            return !live() || playedOf(questionId) != null;
        }
        Played p = live() ? playedOf(questionId) : null;
        return p != null && p.status() == Status.REVEALED;
    }

    /** The questions of the game, in the order the room saw them (live: shown ones; challenge: all). */
    public List<QuizBank.Question> inPlay() {
        if (bank == null) {
            return List.of();
        }
        if (!live()) {
            return bank.questions();
        }
        List<QuizBank.Question> out = new ArrayList<>();
        for (Played p : played) {
            out.add(bank.question(p.questionId()));
        }
        return out;
    }

    public Map<String, TeamAnswer> answersTo(String questionId) {
        return answers.getOrDefault(questionId, Map.of());
    }

    public TeamAnswer answerOf(String questionId, String teamId) {
        return answersTo(questionId).get(teamId);
    }

    /** How many questions a team has answered (challenge progress). */
    public int answeredBy(String teamId) {
        int n = 0;
        for (Map<String, TeamAnswer> byTeam : answers.values()) {
            if (byTeam.containsKey(teamId)) {
                n++;
            }
        }
        return n;
    }

    // ---- changes (used by evolve) ---------------------------------------------------------------

    QuizState with(QuizBank b, QuizSettings s, Teams t) {
        return new QuizState(b, s, t, stage, startedAt, deadline, finishedAt, played, answers, proposals, changes, submitted,
                scoreboard, debrief);
    }

    QuizState withTeams(Teams t) {
        return with(bank, settings, t);
    }

    QuizState started(long at, Long challengeDeadline) {
        return new QuizState(bank, settings, teams, Stage.PLAYING, at, challengeDeadline, null, played, answers, proposals,
                changes, submitted, false, null);
    }

    QuizState withPlayed(List<Played> p, boolean showScoreboard) {
        return new QuizState(bank, settings, teams, stage, startedAt, deadline, finishedAt, p, answers, proposals, changes,
                submitted, showScoreboard, debrief);
    }

    QuizState replaceCurrent(Played p) {
        List<Played> copy = new ArrayList<>(played);
        copy.set(copy.size() - 1, p);
        return withPlayed(copy, scoreboard);
    }

    QuizState answered(String questionId, String teamId, String participantId, AnswerValue value, long at) {
        TeamAnswer answer = new TeamAnswer(value, participantId, teamId, at);
        PersistentMap<String, TeamAnswer> byTeam = PersistentMap.of(answersTo(questionId));
        PersistentMap<String, TeamAnswer> byPerson = PersistentMap.of(proposals.getOrDefault(questionId, Map.of()));
        if (value == null) {
            byTeam = byTeam.minus(teamId);
            byPerson = byPerson.minus(participantId);
        } else {
            byTeam = byTeam.plus(teamId, answer);
            byPerson = byPerson.plus(participantId, answer);
        }
        PersistentMap<String, Map<String, TeamAnswer>> a = ((PersistentMap<String, Map<String, TeamAnswer>>) answers).plus(questionId, byTeam);
        PersistentMap<String, Map<String, TeamAnswer>> p = ((PersistentMap<String, Map<String, TeamAnswer>>) proposals).plus(questionId, byPerson);
        PersistentMap<String, Integer> c = ((PersistentMap<String, Integer>) changes)
                .plus(participantId, changes.getOrDefault(participantId, 0) + 1);
        return new QuizState(bank, settings, teams, stage, startedAt, deadline, finishedAt, played, a, p, c, submitted,
                scoreboard, debrief);
    }

    QuizState submittedBy(String teamId, long at) {
        Map<String, Long> s = submitted.containsKey(teamId) ? submitted : ((PersistentMap<String, Long>) submitted).plus(teamId, at);
        return new QuizState(bank, settings, teams, stage, startedAt, deadline, finishedAt, played, answers, proposals, changes,
                s, scoreboard, debrief);
    }

    QuizState withDeadline(Long d) {
        return new QuizState(bank, settings, teams, stage, startedAt, d, finishedAt, played, answers, proposals, changes,
                submitted, scoreboard, debrief);
    }

    QuizState finished(long at) {
        return new QuizState(bank, settings, teams, Stage.FINISHED, startedAt, deadline, at, played, answers, proposals,
                changes, submitted, false, null);
    }

    QuizState withDebrief(Integer index) {
        return new QuizState(bank, settings, teams, stage, startedAt, deadline, finishedAt, played, answers, proposals,
                changes, submitted, scoreboard, index);
    }
}
