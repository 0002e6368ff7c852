package fr.atelier.workshops.quiz;

import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.quiz.QuizViews.AnswerResult;
import fr.atelier.workshops.quiz.QuizViews.ParticipantResult;
import fr.atelier.workshops.quiz.QuizViews.QuestionResult;
import fr.atelier.workshops.quiz.QuizViews.Results;
import fr.atelier.workshops.quiz.QuizViews.TeamResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quiz's results as rows, computed once from its results records (ranks, points and counts are
 * not recomputed by the readers): the archive writes the game, teams, questions, team answers and
 * participants into its tables, the CSV export lists the same sections. The synthesis carries the
 * same results as JSON. The archive builds them with a roster that names everyone by their id
 * ({@link #byId}), so its {@code by} and {@code nickname} columns hold participant ids.
 */
public record QuizResultRows(Game game, List<Team> teams, List<Question> questions, List<Answer> answers,
                             List<Participant> participants) {
    public QuizResultRows {
        teams = List.copyOf(teams);
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        participants = List.copyOf(participants);
    }

    /** The game as played: its bank, its settings and how many questions were played. */
    public record Game(String bankId, String bankTitle, QuizSettings settings, int questionsPlayed, Long startedAt, Long finishedAt) {
        public boolean live() {
            return settings != null && settings.live();
        }
    }

    /** One ranked team; {@code members} are nicknames (ids in the archive's rows). */
    public record Team(int rank, String teamId, String name, int score, int right, int answered, long timeMs, List<String> members) {}

    /** One played question; {@code position} counts from 1 in the order played. */
    public record Question(int position, String questionId, QuizBank.Type type, String text, String rightAnswer, int answered,
                           int right, String sourceName, String sourceUrl, String explanation) {}

    /** A team's answer that counted; {@code position} is its question's (0: not among the played ones). */
    public record Answer(String teamId, String teamName, String questionId, int position, String answer, boolean right, int points,
                         String by, long at) {}

    /** One participant's part: answer changes, answers that counted (right ones) and the points they brought. */
    public record Participant(String nickname, String teamId, String team, int changes, int finalAnswers, int rightFinalAnswers,
                              int points) {}

    /** The rows of a session, or null before a bank is chosen. */
    public static QuizResultRows of(QuizState s, Roster roster) {
        return of(QuizViews.results(s, roster));
    }

    /** The rows of these results, or null when there are none (no bank chosen). */
    public static QuizResultRows of(Results r) {
        if (r == null) {
            return null;
        }
        List<Team> teams = new ArrayList<>();
        for (TeamResult t : r.teams()) {
            teams.add(new Team(t.rank(), t.teamId(), t.name(), t.score(), t.right(), t.answered(), t.timeMs(),
                    t.members() == null ? List.of() : t.members()));
        }
        List<Question> questions = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (QuestionResult q : r.questions()) {
            positions.put(q.id(), q.position());
            questions.add(new Question(q.position(), q.id(), q.type(), q.text(), q.rightAnswer(), q.answered(), q.right(),
                    q.source() == null ? null : q.source().name(), q.source() == null ? null : q.source().url(), q.explanation()));
        }
        List<Answer> answers = new ArrayList<>();
        for (TeamResult t : r.teams()) {
            for (AnswerResult a : t.answers()) {
                answers.add(new Answer(t.teamId(), t.name(), a.questionId(), positions.getOrDefault(a.questionId(), 0), a.answer(),
                        a.right(), a.points(), a.by(), a.at()));
            }
        }
        List<Participant> participants = new ArrayList<>();
        for (ParticipantResult p : r.participants()) {
            participants.add(new Participant(p.nickname(), p.teamId(), p.team(), p.changes(), p.finalAnswers(), p.rightFinalAnswers(),
                    p.points()));
        }
        Game game = new Game(r.bankId(), r.bankTitle(), r.settings(), r.questionCount(), r.startedAt(), r.finishedAt());
        return new QuizResultRows(game, teams, questions, answers, participants);
    }

    /**
     * A roster naming everyone of the session by their id (team members, whoever changed or gave an
     * answer): what the archive, which stores ids and no nicknames, builds its rows with.
     */
    public static Roster byId(QuizState s) {
        Set<String> ids = new LinkedHashSet<>();
        s.teams().teams().forEach(t -> ids.addAll(t.members()));
        ids.addAll(s.changes().keySet());
        if (s.bank() != null) {
            s.bank().questions().forEach(q -> s.answersTo(q.id()).values().forEach(a -> ids.add(a.by())));
        }
        Roster roster = Roster.EMPTY;
        for (String id : ids) {
            roster = roster.with(new Roster.Member(id, id, null, 0, true));
        }
        return roster;
    }
}
