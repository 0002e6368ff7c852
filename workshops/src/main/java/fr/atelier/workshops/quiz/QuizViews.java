package fr.atelier.workshops.quiz;

import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Teams;
import fr.atelier.workshops.quiz.QuizBank.Choice;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizBank.Source;
import fr.atelier.workshops.quiz.QuizScoring.Bucket;
import fr.atelier.workshops.quiz.QuizScoring.Standing;
import fr.atelier.workshops.quiz.QuizState.Played;
import fr.atelier.workshops.quiz.QuizState.Stage;
import fr.atelier.workshops.quiz.QuizState.Status;
import fr.atelier.workshops.quiz.QuizState.TeamAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What each audience sees of a quiz. Before a question is revealed, a phone gets its text and
 * choices and its own team's answer, never the right answer, the explanation, the source, another
 * team's answer, a count of answers, or a score that depends on it. A phone's view only depends on
 * what changes notify it ({@link QuizFormat#impact}): its team's answers and room-wide events.
 */
public final class QuizViews {
    private QuizViews() {}

    public record View(Stage stage, QuizSettings settings, BankInfo bank, List<TeamView> teams, String myTeam,
                       Boolean canChooseTeam, List<Person> unassigned, Integer unassignedCount, Long startedAt, Long finishedAt,
                       LiveView live, ChallengeView challenge, List<Standing> scoreboard, EndView end,
                       List<QuestionAdmin> questions, List<Standing> provisional, QuizBank content) {}

    public record BankInfo(String id, String title, String description, int questions) {}

    /** {@code size}: active members; phones and the projector get at most {@link #NAMES_SHOWN} of their names. */
    public record TeamView(String id, String name, List<Person> members, int size, boolean full) {}

    public static final int NAMES_SHOWN = 12;

    /** {@code id} and {@code active} only for the facilitator. */
    public record Person(String id, String nickname, Boolean active) {}

    public record QuestionView(String id, int index, QuizBank.Type type, String text, List<Choice> choices, QuizBank.Image image,
                               int points) {}

    /** The right answer in the answers' own shape. */
    public record Key(List<String> choices, Boolean truth, Double number, Double tolerance, List<String> texts) {}

    public record RevealView(Key key, String rightLabel, String explanation, Source source, List<Bucket> distribution,
                             int answered, int right) {}

    public record TeamAnswerView(AnswerValue value, String label, String by, Boolean mine, Long at) {}

    public record Result(boolean right, boolean partial, int points) {}

    /** The facilitator's line for one team's answer. */
    public record TeamLine(String teamId, String team, String label, String by, Long at, Boolean right, Integer points) {}

    public record LiveView(int asked, int total, QuestionView question, Status status, Long shownAt, Long deadline,
                           Integer answered, Integer teamCount, TeamAnswerView teamAnswer, RevealView reveal, Result myResult,
                           boolean scoreboard, List<TeamLine> teamAnswers) {}

    public record Progress(String teamId, String name, int answered, int total, Long submittedAt) {}

    public record ChallengeView(Long deadline, int total, List<Progress> progress, List<QuestionView> questions,
                                Map<String, TeamAnswerView> answers, Boolean submitted) {}

    public record DebriefItem(int index, QuestionView question, RevealView reveal, TeamAnswerView myAnswer, Result myResult,
                              List<TeamLine> teamAnswers) {}

    /** A phone's summary of its team's game. */
    public record MyLine(String questionId, int index, String text, String answer, String rightAnswer, boolean right, int points) {}

    public record EndView(List<Standing> ranking, Integer debrief, int debriefCount, DebriefItem current,
                          List<DebriefItem> items, List<MyLine> mine) {}

    /** The facilitator's view of a bank question: everything, with where it stands. */
    public record QuestionAdmin(QuestionView question, Key key, String rightLabel, String explanation, Source source,
                                String status, int answered) {}

    // ---- views ------------------------------------------------------------------------------------

    public static View view(QuizState s, Roster roster, Audience audience) {
        Function<String, String> nick = id -> roster.member(id).map(Roster.Member::nickname).orElse("?");
        BankInfo bank = s.bank() == null ? null
                : new BankInfo(s.bank().id(), s.bank().title(), s.bank().description(), s.bank().size());
        if (audience instanceof Audience.Participant me) {
            return phone(s, roster, me.id(), bank, nick);
        }
        boolean console = audience instanceof Audience.Facilitator;
        List<TeamView> teams = console ? teams(s, roster, true) : memo(s, roster).teams();
        List<Person> unassigned = new ArrayList<>();
        int unassignedCount = 0;
        for (Roster.Member m : roster.all()) {
            if (m.active() && !memo(s, roster).teamOf().containsKey(m.id())) {
                unassignedCount++;
                // The console lists the first ones to place by hand; past that, the automatic draw does it.
                if (console && unassigned.size() < fr.atelier.workshops.core.Session.CONSOLE_NAMES) {
                    unassigned.add(new Person(m.id(), m.nickname(), null));
                }
            }
        }
        LiveView live = null;
        ChallengeView challenge = null;
        List<Standing> scoreboard = null;
        EndView end = null;
        if (s.stage() == Stage.PLAYING && s.live()) {
            live = liveView(s, roster, null, console, nick);
            scoreboard = memo(s, roster).revealedStandings();
        } else if (s.stage() == Stage.PLAYING) {
            List<Progress> progress = new ArrayList<>();
            for (Teams.Team t : s.teams().teams()) {
                if (!t.members().isEmpty() || s.answeredBy(t.id()) > 0) {
                    progress.add(new Progress(t.id(), t.name(), s.answeredBy(t.id()), s.bank().size(), s.submitted().get(t.id())));
                }
            }
            challenge = new ChallengeView(s.deadline(), s.bank().size(), progress, null, null, null);
        } else if (s.stage() == Stage.FINISHED) {
            end = endView(s, roster, null, console, nick);
        }
        List<QuestionAdmin> questions = console ? questionsAdmin(s) : null;
        List<Standing> provisional = console && s.stage() == Stage.PLAYING ? QuizScoring.standings(s, q -> true, nick) : null;
        // The bank itself, for the console's export, except during play when views are frequent.
        QuizBank content = console && s.stage() != Stage.PLAYING ? s.bank() : null;
        return new View(s.stage(), s.settings(), bank, teams, null, null, console ? unassigned : null, unassignedCount,
                s.startedAt(), s.finishedAt(), live, challenge, scoreboard, end, questions, provisional, content);
    }

    private static View phone(QuizState s, Roster roster, String me, BankInfo bank, Function<String, String> nick) {
        Teams.Team team = memo(s, roster).teamOf().get(me);
        String myTeam = team == null ? null : team.id();
        boolean canChoose = s.settings().selfTeams() && s.stage() != Stage.FINISHED && (team == null || s.stage() == Stage.SETUP);
        // Once playing, a team member only needs their own team; others still choose among all. The
        // list of all teams is the same for every phone: built once per state, not once per phone.
        List<TeamView> teams = s.stage() != Stage.SETUP && team != null
                ? List.of(memo(s, roster).teamViews().get(team.id()))
                : memo(s, roster).teams();
        LiveView live = null;
        ChallengeView challenge = null;
        List<Standing> scoreboard = null;
        EndView end = null;
        if (s.stage() == Stage.PLAYING && s.live()) {
            live = liveView(s, roster, me, false, nick);
            // A phone shows its own team's rank; the whole board is the projector's (and would make
            // every phone's view several kilobytes larger at each answer of its team).
            scoreboard = memo(s, roster).revealedStandings().stream().filter(st -> st.teamId().equals(myTeam)).toList();
        } else if (s.stage() == Stage.PLAYING && team != null) {
            List<QuestionView> questions = s.bank().questions().stream().map(q -> question(s, q)).toList();
            Map<String, TeamAnswerView> answers = new LinkedHashMap<>();
            for (Question q : s.bank().questions()) {
                TeamAnswer a = s.answerOf(q.id(), myTeam);
                if (a != null) {
                    answers.put(q.id(), answerView(q, a, me, nick));
                }
            }
            List<Progress> progress = List.of(new Progress(myTeam, team.name(), s.answeredBy(myTeam), s.bank().size(),
                    s.submitted().get(myTeam)));
            challenge = new ChallengeView(s.deadline(), s.bank().size(), progress, questions, answers,
                    s.submitted().containsKey(myTeam));
        } else if (s.stage() == Stage.PLAYING) {
            challenge = new ChallengeView(s.deadline(), s.bank().size(), null, null, null, null);
        } else if (s.stage() == Stage.FINISHED) {
            end = endView(s, roster, me, false, nick);
        }
        return new View(s.stage(), s.settings(), bank, teams, myTeam, canChoose, null, null, s.startedAt(), s.finishedAt(),
                live, challenge, scoreboard, end, null, null, null);
    }

    private static List<TeamView> teams(QuizState s, Roster roster, boolean console) {
        List<TeamView> out = new ArrayList<>();
        for (Teams.Team t : s.teams().teams()) {
            out.add(teamView(s, roster, t, console));
        }
        return List.copyOf(out);
    }

    private static TeamView teamView(QuizState s, Roster roster, Teams.Team t, boolean console) {
        List<Person> members = new ArrayList<>();
        int size = 0;
        for (String id : t.members()) {
            boolean active = roster.isActive(id);
            size += active ? 1 : 0;
            if (console || active && members.size() < NAMES_SHOWN) {
                String nickname = roster.member(id).map(Roster.Member::nickname).orElse("?");
                members.add(new Person(console ? id : null, nickname, console ? active : null));
            }
        }
        return new TeamView(t.id(), t.name(), members, size, s.teams().isFull(t, roster::isActive));
    }

    /** What every phone and the projector share for one state: built once, not once per phone. */
    private record Shared(QuizState state, Roster roster, List<TeamView> teams, Map<String, TeamView> teamViews,
                          List<Standing> revealedStandings, Map<String, Teams.Team> teamOf) {}

    /**
     * The last shared parts computed on this thread. A session's views are all computed on its
     * actor's thread right after a batch, so consecutive phones hit it; the key is the identity of
     * the immutable state and roster, so a hit is always right.
     */
    private static final ThreadLocal<Shared> SHARED = new ThreadLocal<>();

    private static Shared memo(QuizState s, Roster roster) {
        Shared cached = SHARED.get();
        if (cached != null && cached.state() == s && cached.roster() == roster) {
            return cached;
        }
        Map<String, Teams.Team> teamOf = new java.util.HashMap<>();
        for (Teams.Team t : s.teams().teams()) {
            t.members().forEach(m -> teamOf.put(m, t));
        }
        List<TeamView> teams = teams(s, roster, false);
        Map<String, TeamView> teamViews = new java.util.HashMap<>();
        teams.forEach(t -> teamViews.put(t.id(), t));
        Shared fresh = new Shared(s, roster, teams, teamViews,
                s.bank() == null ? List.of() : List.copyOf(QuizScoring.standings(s, s::revealed, null)), teamOf);
        SHARED.set(fresh);
        return fresh;
    }

    private static LiveView liveView(QuizState s, Roster roster, String me, boolean console, Function<String, String> nick) {
        Played p = s.current();
        int total = s.bank().size();
        Integer teamCount = me != null ? null : (int) s.teams().teams().stream().filter(t -> t.size(roster::isActive) > 0).count();
        if (p == null) {
            return new LiveView(0, total, null, null, null, null, null, teamCount, null, null, null, false, null);
        }
        Question q = s.bank().question(p.questionId());
        boolean revealed = p.status() == Status.REVEALED;
        Map<String, TeamAnswer> byTeam = s.answersTo(q.id());
        Teams.Team mine = me == null ? null : memo(s, roster).teamOf().get(me);
        String myTeam = mine == null ? null : mine.id();
        TeamAnswerView teamAnswer = null;
        Result myResult = null;
        if (myTeam != null) {
            TeamAnswer a = byTeam.get(myTeam);
            teamAnswer = a == null ? null : answerView(q, a, me, nick);
            if (revealed) {
                myResult = result(s, q, a);
            }
        }
        Integer answered = me == null || revealed ? byTeam.size() : null;
        RevealView reveal = revealed || console ? reveal(q, byTeam) : null;
        List<TeamLine> lines = console ? teamLines(s, q, true, nick) : null;
        return new LiveView(s.played().size(), total, question(s, q), p.status(), p.shownAt(), p.deadline(), answered,
                teamCount, teamAnswer, reveal, myResult, s.scoreboard(), lines);
    }

    private static EndView endView(QuizState s, Roster roster, String me, boolean console, Function<String, String> nick) {
        List<Standing> ranking = memo(s, roster).revealedStandings();
        List<Question> inPlay = s.inPlay();
        Teams.Team team = me == null ? null : memo(s, roster).teamOf().get(me);
        String myTeam = team == null ? null : team.id();
        DebriefItem current = null;
        if (s.debrief() != null && s.debrief() < inPlay.size()) {
            current = debriefItem(s, s.debrief(), inPlay.get(s.debrief()), me, myTeam, console, nick);
        }
        List<DebriefItem> items = null;
        if (console) {
            items = new ArrayList<>();
            for (int i = 0; i < inPlay.size(); i++) {
                items.add(debriefItem(s, i, inPlay.get(i), null, null, true, nick));
            }
        }
        List<MyLine> mine = null;
        if (myTeam != null) {
            mine = new ArrayList<>();
            for (int i = 0; i < inPlay.size(); i++) {
                Question q = inPlay.get(i);
                TeamAnswer a = s.answerOf(q.id(), myTeam);
                mine.add(new MyLine(q.id(), i, q.text(), a == null ? null : QuizScoring.label(q, a.value()),
                        QuizScoring.rightLabel(q), a != null && QuizScoring.right(q, a.value()), QuizScoring.points(s, q, a)));
            }
        }
        return new EndView(ranking, s.debrief(), inPlay.size(), current, items, mine);
    }

    private static DebriefItem debriefItem(QuizState s, int index, Question q, String me, String myTeam, boolean console,
                                           Function<String, String> nick) {
        Map<String, TeamAnswer> byTeam = s.answersTo(q.id());
        TeamAnswer mine = myTeam == null ? null : byTeam.get(myTeam);
        return new DebriefItem(index, question(s, q), reveal(q, byTeam), mine == null ? null : answerView(q, mine, me, nick),
                myTeam == null ? null : result(s, q, mine), console ? teamLines(s, q, true, nick) : null);
    }

    private static List<TeamLine> teamLines(QuizState s, Question q, boolean withScore, Function<String, String> nick) {
        List<TeamLine> out = new ArrayList<>();
        for (Teams.Team t : s.teams().teams()) {
            TeamAnswer a = s.answerOf(q.id(), t.id());
            if (a == null && t.members().isEmpty()) {
                continue;
            }
            out.add(new TeamLine(t.id(), t.name(), a == null ? null : QuizScoring.label(q, a.value()),
                    a == null ? null : nick.apply(a.by()), a == null ? null : a.at(),
                    a == null ? null : QuizScoring.right(q, a.value()), withScore ? QuizScoring.points(s, q, a) : null));
        }
        return out;
    }

    private static Result result(QuizState s, Question q, TeamAnswer a) {
        if (a == null) {
            return new Result(false, false, 0);
        }
        double f = QuizScoring.fraction(q, a.value(), s.settings().partialCredit());
        return new Result(f == 1, f > 0 && f < 1, QuizScoring.points(s, q, a));
    }

    static QuestionView question(QuizState s, Question q) {
        return new QuestionView(q.id(), s.bank().indexOf(q.id()), q.type(), q.text(), q.choices(), q.image(), q.worth());
    }

    static Key key(Question q) {
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> new Key(new ArrayList<>(q.rightChoices()), null, null, null, null);
            case TRUEFALSE -> new Key(null, q.rightTruth(), null, null, null);
            case NUMBER -> new Key(null, null, q.rightNumber(), q.tolerance0(), null);
            case TEXT -> new Key(null, null, null, null, q.acceptedTexts());
        };
    }

    private static RevealView reveal(Question q, Map<String, TeamAnswer> byTeam) {
        int right = 0;
        for (TeamAnswer a : byTeam.values()) {
            if (QuizScoring.right(q, a.value())) {
                right++;
            }
        }
        return new RevealView(key(q), QuizScoring.rightLabel(q), q.explanation(), q.source(), QuizScoring.distribution(q, byTeam),
                byTeam.size(), right);
    }

    private static TeamAnswerView answerView(Question q, TeamAnswer a, String me, Function<String, String> nick) {
        return new TeamAnswerView(a.value(), QuizScoring.label(q, a.value()), nick.apply(a.by()),
                me == null ? null : me.equals(a.by()), a.at());
    }

    private static List<QuestionAdmin> questionsAdmin(QuizState s) {
        if (s.bank() == null) {
            return null;
        }
        List<QuestionAdmin> out = new ArrayList<>();
        for (Question q : s.bank().questions()) {
            String status;
            if (s.live()) {
                Played p = s.playedOf(q.id());
                status = p == null ? "WAITING" : p.status().name();
            } else {
                status = s.stage() == Stage.FINISHED ? Status.REVEALED.name() : s.stage() == Stage.PLAYING ? Status.OPEN.name() : "WAITING";
            }
            out.add(new QuestionAdmin(question(s, q), key(q), QuizScoring.rightLabel(q), q.explanation(), q.source(), status,
                    s.answersTo(q.id()).size()));
        }
        return out;
    }

    // ---- results ----------------------------------------------------------------------------------

    public record Results(String bankId, String bankTitle, QuizSettings.Pacing pacing, QuizSettings settings, Long startedAt,
                          Long finishedAt, int questionCount, List<TeamResult> teams, List<QuestionResult> questions,
                          List<ParticipantResult> participants) {}

    public record TeamResult(int rank, String teamId, String name, int score, int right, int answered, long timeMs,
                             List<String> members, List<AnswerResult> answers) {}

    public record AnswerResult(String questionId, String answer, boolean right, int points, String by, long at) {}

    public record QuestionResult(int position, String id, QuizBank.Type type, String text, List<Choice> choices,
                                 String rightAnswer, String explanation, Source source, int answered, int right,
                                 List<Bucket> distribution) {}

    /**
     * One participant's part: how many times they changed their team's answer, how many of the
     * answers that counted were theirs, and how many of those were right.
     */
    public record ParticipantResult(String nickname, String teamId, String team, int changes, int finalAnswers,
                                    int rightFinalAnswers, int points) {}

    /** Everything, revealed: the session is over when a coordinator reads it. Null before a bank is chosen. */
    public static Results results(QuizState s, Roster roster) {
        if (s.bank() == null) {
            return null;
        }
        Function<String, String> nick = id -> roster.member(id).map(Roster.Member::nickname).orElse("?");
        List<Question> inPlay = s.stage() == Stage.SETUP ? List.of() : s.inPlay();
        java.util.Set<String> counted = new java.util.HashSet<>();
        inPlay.forEach(q -> counted.add(q.id()));
        List<TeamResult> teams = new ArrayList<>();
        for (Standing st : QuizScoring.standings(s, counted::contains, nick)) {
            List<AnswerResult> answers = new ArrayList<>();
            for (Question q : inPlay) {
                TeamAnswer a = s.answerOf(q.id(), st.teamId());
                if (a != null) {
                    answers.add(new AnswerResult(q.id(), QuizScoring.label(q, a.value()), QuizScoring.right(q, a.value()),
                            QuizScoring.points(s, q, a), nick.apply(a.by()), a.at()));
                }
            }
            teams.add(new TeamResult(st.rank(), st.teamId(), st.name(), st.score(), st.right(), st.answered(), st.timeMs(),
                    st.members(), answers));
        }
        List<QuestionResult> questions = new ArrayList<>();
        for (int i = 0; i < inPlay.size(); i++) {
            Question q = inPlay.get(i);
            RevealView r = reveal(q, s.answersTo(q.id()));
            questions.add(new QuestionResult(i + 1, q.id(), q.type(), q.text(), q.choices(), r.rightLabel(), q.explanation(),
                    q.source(), r.answered(), r.right(), r.distribution()));
        }
        List<ParticipantResult> people = new ArrayList<>();
        Map<String, Teams.Team> teamOf = memo(s, roster).teamOf();
        for (Roster.Member m : roster.all()) {
            Teams.Team t = teamOf.get(m.id());
            int finals = 0;
            int rights = 0;
            int points = 0;
            for (Question q : inPlay) {
                for (TeamAnswer a : s.answersTo(q.id()).values()) {
                    if (a.by().equals(m.id())) {
                        finals++;
                        points += QuizScoring.points(s, q, a);
                        if (QuizScoring.right(q, a.value())) {
                            rights++;
                        }
                    }
                }
            }
            int changes = s.changes().getOrDefault(m.id(), 0);
            if (t == null && changes == 0) {
                continue;
            }
            people.add(new ParticipantResult(m.nickname(), t == null ? null : t.id(), t == null ? null : t.name(), changes, finals,
                    rights, points));
        }
        return new Results(s.bank().id(), s.bank().title(), s.settings().pacing(), s.settings(), s.startedAt(), s.finishedAt(),
                inPlay.size(), teams, questions, people);
    }
}
