package fr.atelier.workshops.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.PlatformCommand;
import fr.atelier.workshops.core.PlatformEvent;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionEvent;
import fr.atelier.workshops.core.SessionState;
import fr.atelier.workshops.quiz.QuizBank.Choice;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizBank.Source;
import fr.atelier.workshops.quiz.QuizBank.Type;
import fr.atelier.workshops.quiz.QuizState.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * No phone ever learns a right answer, another team's answer, or a score computed from hidden
 * answers before the reveal. Two checks on random games played through the session decider:
 *
 * <ol>
 *   <li><b>Markers.</b> Every secret of the bank carries a marker naming its question
 *       ({@code SECRET-q3}) and every team's typed answer names its team and question
 *       ({@code ANS-t2-q5-…}); after every step, each phone's JSON is searched for the markers of
 *       what is not revealed yet, for other participants' ids and for token hashes, and its
 *       structure is checked (no reveal, result or count before the reveal).</li>
 *   <li><b>Non-interference.</b> The same game is played twice in lockstep: the second time, the
 *       secrets of a random set D of questions are different (other right answers, explanations,
 *       sources) and so are every other team's answers to them. Until a question of D is revealed,
 *       the phones of one observed team, the phones without a team and the projector must receive
 *       byte-for-byte the same views. Any leak of a hidden answer, of a right answer or of a score
 *       that depends on them would make them differ.</li>
 * </ol>
 *
 * <p>Abstract because Surefire only picks classes named {@code *Test}: see {@link QuizSecrecyPropertiesTest}.
 */
abstract class QuizSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T14:00:00Z");
    static final String HOST_HASH = "HOSTHASH-4b7c19";
    static final int QUESTIONS = 6;

    private final QuizFormat format = new QuizFormat();
    private final Session<QuizState, QuizCommand, QuizEvent> session = new Session<>(format);
    private final SessionCodec codec = new SessionCodec(format);

    static String participantId(int i) {
        return "PID-" + (char) ('A' + i) + "-" + (7301 + 17 * i);
    }

    static String tokenHash(int i) {
        return "TOKHASH-" + (char) ('A' + i) + "-" + (5501 + 31 * i);
    }

    /** The test bank; {@code variant} changes the secrets of the questions whose bit is set in {@code mask}. */
    static QuizBank bank(boolean variant, int mask) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<Choice> abcd = List.of(new Choice("a", "Onisep"), new Choice("b", "France Travail"), new Choice("c", "CIO"),
                new Choice("d", "Mission locale"));
        List<Question> qs = new ArrayList<>();
        for (int n = 1; n <= QUESTIONS; n++) {
            boolean other = variant && (mask & (1 << (n - 1))) != 0;
            String tag = "SECRET-q" + n + (other ? "-B" : "-A");
            Source source = new Source("SRC-" + tag, "https://src-" + tag.toLowerCase() + ".example");
            String explanation = "EXPL-" + tag + " : pourquoi c'est la bonne réponse.";
            Question q = switch (n) {
                case 1 -> new Question("q1", Type.SINGLE, "Quel site pour les fiches métiers ?", abcd, f.textNode(other ? "c" : "b"),
                        null, explanation, source, null, null);
                case 2 -> new Question("q2", Type.MULTIPLE, "Lesquels accueillent les jeunes ?", abcd,
                        other ? f.arrayNode().add("b").add("d") : f.arrayNode().add("a").add("c"), null, explanation, source, null, null);
                case 3 -> new Question("q3", Type.TRUEFALSE, "Le CEP est-il gratuit ?", null, f.booleanNode(!other), null,
                        explanation, source, null, null);
                case 4 -> new Question("q4", Type.NUMBER, "Combien de départements ?", null, f.numberNode(other ? 17 : 42),
                        other ? 2.0 : 0.0, explanation, source, null, null);
                case 5 -> new Question("q5", Type.TEXT, "Le portail régional ?", null,
                        ((ArrayNode) f.arrayNode().add("ACCEPT-" + tag)).add(other ? "Onisep" : "etoile"), null, explanation, source,
                        "/img/portail.png", null);
                default -> new Question("q6", Type.SINGLE, "Et celui-ci ?", abcd, f.textNode(other ? "d" : "a"), null,
                        explanation, source, null, 50);
            };
            qs.add(q);
        }
        return new QuizBank("secrets", "Banque de test", "Pour la propriété de secret", qs);
    }

    enum Kind { SHOW, ANSWER, LOCK, REVEAL, SCOREBOARD, TIMER, SUBMIT, FINISH, DEBRIEF, JOIN, LEAVE, EXTEND }

    /**
     * actor: -1 whoever normally sends this command, 0 facilitator, 1 system, 2 guest, 3 someone who
     * never joined, 4+ the joined participant (actor-4) % n. question: 0 the current one (live),
     * else "q" + k. value: -1 clears the answer, 0–3 one of four answers of the question's type.
     */
    record Step(Kind kind, int actor, int who, int question, int value, int extra) {}

    record Scenario(boolean live, int participants, int teams, long seed, int mask, int observer, boolean bonus,
                    boolean partial, List<Step> steps) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(3, Kind.SHOW), Tuple.of(22, Kind.ANSWER), Tuple.of(1, Kind.LOCK), Tuple.of(2, Kind.REVEAL),
                Tuple.of(1, Kind.SCOREBOARD), Tuple.of(1, Kind.TIMER), Tuple.of(1, Kind.SUBMIT), Tuple.of(1, Kind.FINISH),
                Tuple.of(2, Kind.DEBRIEF), Tuple.of(1, Kind.JOIN), Tuple.of(1, Kind.LEAVE), Tuple.of(1, Kind.EXTEND));
        Arbitrary<Integer> actors = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(-1)),
                Tuple.of(2, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2)),
                Tuple.of(1, Arbitraries.just(3)), Tuple.of(4, Arbitraries.integers().between(4, 11)));
        Arbitrary<Integer> whos = Arbitraries.integers().between(0, 100);
        Arbitrary<Integer> questions = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(0)), Tuple.of(4, Arbitraries.integers().between(1, QUESTIONS + 1)));
        Arbitrary<Integer> values = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(-1)), Tuple.of(8, Arbitraries.integers().between(0, 3)));
        Arbitrary<Integer> extras = Arbitraries.integers().between(0, 100);
        Arbitrary<Step> steps = Combinators.combine(kinds, actors, whos, questions, values, extras).as(Step::new);
        return Combinators.combine(
                Arbitraries.of(true, false), Arbitraries.integers().between(2, 7), Arbitraries.integers().between(2, 3),
                Arbitraries.longs(), Arbitraries.integers().between(1, (1 << QUESTIONS) - 1), Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .flatAs((live, n, teams, seed, mask, observer, bonus, partial) -> steps.list().ofMinSize(10).ofMaxSize(45)
                        .map(list -> new Scenario(live, n, teams, seed, mask, observer % teams, bonus, partial, list)));
    }

    /** One game: its state, its log, its clock. {@code variant}: the second game of the pair. */
    final class Game {
        final Scenario sc;
        final boolean variant;
        final List<SessionEvent> log = new ArrayList<>();
        SessionState<QuizState> s = session.initialState();
        Instant now = START;
        final List<String> decisions = new ArrayList<>();

        Game(Scenario sc, boolean variant) {
            this.sc = sc;
            this.variant = variant;
            apply(session.create("K7QX2M", "Challenge de Dreux", HOST_HASH, now));
            for (int i = 0; i < sc.participants(); i++) {
                must(Actor.GUEST, new PlatformCommand.Join(participantId(i), "Pseudo " + i, tokenHash(i)));
            }
            must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.UseBank(bank(variant, sc.mask()))));
            QuizSettings settings = new QuizSettings(sc.live() ? QuizSettings.Pacing.LIVE : QuizSettings.Pacing.CHALLENGE,
                    sc.live() ? 20 : null, 1, sc.bonus(), sc.partial(), null, true);
            must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.Configure(settings)));
            must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.BalanceTeams(sc.seed(), sc.teams())));
            if (sc.participants() > 2 && (sc.seed() & 1) == 1) {
                // Someone arrives without a team: they may join one during the game.
                must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.MoveMember(participantId(0), null)));
            }
            must(Actor.FACILITATOR, new PlatformCommand.StartActivity());
            must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.Start()));
        }

        void apply(SessionEvent e) {
            log.add(e);
            s = session.evolve(s, e);
        }

        void must(Actor who, SessionCommand c) {
            now = now.plusMillis(250);
            Decision<SessionEvent> d = session.decide(s, who, c, now);
            assertThat(d.accepted()).as("setup %s: %s", c, d).isTrue();
            ((Decision.Accepted<SessionEvent>) d).events().forEach(this::apply);
        }

        void play(Step step) {
            Actor who = step.kind() == Kind.TIMER ? Actor.SYSTEM : actor(step);
            now = now.plusMillis(1_000);
            SessionCommand c = command(step, who);
            if (step.kind() == Kind.TIMER) {
                Instant deadline = format.nextDeadline(s.activity());
                if (deadline != null && deadline.isAfter(now)) {
                    now = deadline;
                }
            }
            Decision<SessionEvent> d = session.decide(s, who, c, now);
            decisions.add(d instanceof Decision.Rejected<SessionEvent> r ? "rejected " + r.code() : "accepted "
                    + ((Decision.Accepted<SessionEvent>) d).events().size());
            if (d instanceof Decision.Accepted<SessionEvent> a) {
                a.events().forEach(this::apply);
            }
        }

        private Actor actor(Step step) {
            int n = sc.participants();
            if (step.actor() == -1) {
                return switch (step.kind()) {
                    case ANSWER, SUBMIT, JOIN, LEAVE -> Actor.participant(participantId(step.who() % n));
                    case TIMER -> Actor.SYSTEM;
                    default -> Actor.FACILITATOR;
                };
            }
            return switch (step.actor()) {
                case 0 -> Actor.FACILITATOR;
                case 1 -> Actor.SYSTEM;
                case 2 -> Actor.GUEST;
                case 3 -> Actor.participant("PID-STRANGER-0000");
                default -> Actor.participant(participantId((step.actor() - 4) % n));
            };
        }

        private SessionCommand command(Step step, Actor who) {
            QuizState q = s.activity();
            QuizState.Played current = q.current();
            String qid = step.question() == 0
                    ? (current != null ? current.questionId() : "q" + (1 + step.extra() % QUESTIONS))
                    : "q" + step.question();
            return switch (step.kind()) {
                case SHOW -> new ActivityCommand(new QuizCommand.Show(step.extra() % 3 == 0 ? step.extra() % (QUESTIONS + 1) : null));
                case ANSWER -> new ActivityCommand(answer(q, who, qid, step.value()));
                case LOCK -> new ActivityCommand(new QuizCommand.Lock(qid));
                case REVEAL -> new ActivityCommand(new QuizCommand.Reveal(qid));
                case SCOREBOARD -> new ActivityCommand(new QuizCommand.ShowScoreboard());
                case TIMER -> {
                    Instant deadline = format.nextDeadline(q);
                    QuizCommand expiry = format.expire(q, deadline == null ? now : deadline);
                    yield new ActivityCommand(expiry == null ? new QuizCommand.Lock(qid) : expiry);
                }
                case SUBMIT -> new ActivityCommand(new QuizCommand.Submit());
                case FINISH -> new ActivityCommand(new QuizCommand.Finish());
                case DEBRIEF -> new ActivityCommand(new QuizCommand.Debrief(step.extra() % 4 == 0 ? null : step.extra() % (QUESTIONS + 1)));
                case JOIN -> new ActivityCommand(new QuizCommand.JoinTeam("t" + (1 + step.extra() % sc.teams())));
                case LEAVE -> new PlatformCommand.Leave();
                case EXTEND -> new ActivityCommand(new QuizCommand.Extend(step.extra() % 2 == 0 ? 30 : 5));
            };
        }

        /** The answer a participant sends; in the variant game, other teams answer D's questions differently. */
        private QuizCommand.Answer answer(QuizState q, Actor who, String qid, int value) {
            String team = who instanceof Actor.Participant p ? q.teams().teamIdOf(p.id()) : null;
            int bit = qid.length() == 2 ? qid.charAt(1) - '1' : -1;
            boolean secret = bit >= 0 && bit < QUESTIONS && (sc.mask() & (1 << bit)) != 0;
            int v = value;
            if (variant && secret && v >= 0 && team != null && !team.equals("t" + (1 + sc.observer()))) {
                v = (v + 1) % 4;
            }
            Question question = q.bank().question(qid);
            Type type = question == null ? Type.SINGLE : question.type();
            List<String> ids = List.of("a", "b", "c", "d");
            return switch (type) {
                case SINGLE -> new QuizCommand.Answer(qid, v < 0 ? List.of() : List.of(ids.get(v)), null, null, null);
                case MULTIPLE -> new QuizCommand.Answer(qid, v < 0 ? List.of()
                        : List.of(List.of("a"), List.of("a", "b"), List.of("c"), List.of("b", "d")).get(v), null, null, null);
                case TRUEFALSE -> new QuizCommand.Answer(qid, null, v < 0 ? null : v % 2 == 0, null, null);
                case NUMBER -> new QuizCommand.Answer(qid, null, null, v < 0 ? null : new double[] {42, 17, 5, 42.5}[v], null);
                case TEXT -> new QuizCommand.Answer(qid, null, null, null, v < 0 ? "" : v == 3 ? "Étoile" : "ANS-" + team + "-" + qid + "-" + v);
            };
        }
    }

    /** What runs went through, so that the coverage checks can tell whether the generator is useful. */
    static final class Seen {
        boolean comparedWithHiddenAnswers;
        boolean revealedWithAnswers;
        boolean finished;
    }

    @Property(tries = 300)
    void no_phone_learns_a_secret_before_its_reveal(@ForAll("scenarios") Scenario sc) {
        Game a = new Game(sc, false);
        Game b = new Game(sc, true);
        Seen seen = new Seen();
        checkMarkers(a, seen);
        compare(a, b, seen);
        for (Step step : sc.steps()) {
            a.play(step);
            b.play(step);
            assertThat(b.decisions).as("both games take the same path").isEqualTo(a.decisions);
            checkMarkers(a, seen);
            checkMarkers(b, seen);
            compare(a, b, seen);
        }
        Statistics.label("views compared while other teams' answers to a secret question were hidden")
                .collect(seen.comparedWithHiddenAnswers);
        Statistics.label("a question was revealed after answers").collect(seen.revealedWithAnswers);
        Statistics.label("the quiz reached its end").collect(seen.finished);
        Statistics.label("views compared while other teams' answers to a secret question were hidden")
                .coverage(c -> c.check(true).percentage(p -> p >= 25));
        Statistics.label("a question was revealed after answers").coverage(c -> c.check(true).percentage(p -> p >= 10));
        Statistics.label("the quiz reached its end").coverage(c -> c.check(true).percentage(p -> p >= 10));
    }

    /** Until a question of D is revealed, the observed phones and the projector see the same thing in both games. */
    private void compare(Game a, Game b, Seen seen) {
        QuizState qa = a.s.activity();
        for (int n = 1; n <= QUESTIONS; n++) {
            if ((a.sc.mask() & (1 << (n - 1))) != 0 && qa.revealed("q" + n)) {
                return;
            }
        }
        String observer = "t" + (1 + a.sc.observer());
        for (int i = 0; i < a.sc.participants(); i++) {
            String id = participantId(i);
            String team = qa.teams().teamIdOf(id);
            if (team != null && !team.equals(observer)) {
                continue;
            }
            Audience phone = new Audience.Participant(id);
            assertThat(toJson(session.view(b.s, phone))).as("phone of %s (team %s) depends on hidden data", id, team)
                    .isEqualTo(toJson(session.view(a.s, phone)));
        }
        assertThat(toJson(session.view(b.s, Audience.PROJECTOR))).as("projector depends on hidden data")
                .isEqualTo(toJson(session.view(a.s, Audience.PROJECTOR)));
        for (int n = 1; n <= QUESTIONS; n++) {
            if ((a.sc.mask() & (1 << (n - 1))) != 0) {
                for (var e : qa.answersTo("q" + n).entrySet()) {
                    if (!e.getKey().equals(observer)) {
                        seen.comparedWithHiddenAnswers = true;
                    }
                }
            }
        }
    }

    private void checkMarkers(Game g, Seen seen) {
        QuizState q = g.s.activity();
        int n = g.sc.participants();
        List<String> forbiddenEverywhere = new ArrayList<>(List.of(HOST_HASH, "tokenHash", "hostTokenHash"));
        for (int i = 0; i < n; i++) {
            forbiddenEverywhere.add(tokenHash(i));
        }
        List<String> hiddenQuestions = new ArrayList<>();
        for (int k = 1; k <= QUESTIONS; k++) {
            if (!q.revealed("q" + k)) {
                hiddenQuestions.add("q" + k);
            } else if (!q.answersTo("q" + k).isEmpty()) {
                seen.revealedWithAnswers = true;
            }
        }
        seen.finished |= q.stage() == Stage.FINISHED;

        for (int i = 0; i < n; i++) {
            String me = participantId(i);
            String myTeam = q.teams().teamIdOf(me);
            String json = toJson(session.view(g.s, new Audience.Participant(me)));
            assertThat(json).as("phone of %s", me).doesNotContain(forbiddenEverywhere);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    assertThat(json).as("phone of %s names %s", me, participantId(j)).doesNotContain(participantId(j));
                }
            }
            for (String hidden : hiddenQuestions) {
                assertThat(json).as("phone of %s sees a secret of %s", me, hidden).doesNotContain("SECRET-" + hidden);
                for (int t = 1; t <= 3; t++) {
                    String team = "t" + t;
                    if (!team.equals(myTeam)) {
                        assertThat(json).as("phone of %s sees %s's answer to %s", me, team, hidden)
                                .doesNotContain("ANS-" + team + "-" + hidden + "-");
                    }
                }
            }
            JsonNode activity = readTree(json).path("activity");
            assertThat(activity.has("questions")).as("bank with answers on a phone").isFalse();
            assertThat(activity.has("content")).as("raw bank on a phone").isFalse();
            assertThat(activity.has("provisional")).as("live scores on a phone").isFalse();
            assertThat(activity.has("unassigned")).isFalse();
            JsonNode live = activity.path("live");
            boolean liveRevealed = "REVEALED".equals(live.path("status").asText());
            if (!liveRevealed) {
                assertThat(live.has("reveal")).as("reveal on %s before the reveal", me).isFalse();
                assertThat(live.has("myResult")).as("result on %s before the reveal", me).isFalse();
                assertThat(live.has("answered")).as("answer count on %s before the reveal", me).isFalse();
            }
            assertThat(live.has("teamAnswers")).as("other teams' answers on %s", me).isFalse();
            if (q.stage() != Stage.FINISHED && !liveRevealed) {
                assertThat(activity.findValues("key")).as("right answer on %s", me).isEmpty();
                assertThat(activity.findValues("explanation")).as("explanation on %s", me).isEmpty();
            }
            if (!q.live()) {
                assertThat(activity.has("scoreboard")).as("challenge scores on %s before the end", me).isFalse();
                JsonNode progress = activity.path("challenge").path("progress");
                for (JsonNode p : progress) {
                    assertThat(p.path("teamId").asText()).as("another team's progress on %s", me).isEqualTo(myTeam);
                }
            }
            if (myTeam == null) {
                assertThat(activity.path("challenge").has("answers")).isFalse();
                assertThat(live.has("teamAnswer")).isFalse();
            }
        }

        String screen = toJson(session.view(g.s, Audience.PROJECTOR));
        assertThat(screen).as("projector").doesNotContain(forbiddenEverywhere);
        for (String hidden : hiddenQuestions) {
            assertThat(screen).as("projector sees a secret of %s", hidden).doesNotContain("SECRET-" + hidden)
                    .doesNotContain("-" + hidden + "-");
        }
        JsonNode screenActivity = readTree(screen).path("activity");
        assertThat(screenActivity.has("questions")).isFalse();
        assertThat(screenActivity.has("content")).isFalse();
        assertThat(screenActivity.has("provisional")).isFalse();
        assertThat(screenActivity.path("live").has("teamAnswers")).isFalse();

        assertThat(toJson(session.view(g.s, Audience.FACILITATOR))).as("console").doesNotContain(forbiddenEverywhere);
    }

    @Property(tries = 200)
    void replaying_the_events_of_a_random_game_gives_the_same_state(@ForAll("scenarios") Scenario sc) {
        Game g = new Game(sc, false);
        for (Step step : sc.steps()) {
            g.play(step);
        }
        assertThat(session.replay(g.log)).isEqualTo(g.s);
        // Storage goes through JSON: the stored events and a snapshot must rebuild the same state.
        assertThat(session.replay(codec.readEvents(codec.writeEvents(g.log)))).isEqualTo(g.s);
        assertThat(codec.readSnapshot(codec.writeSnapshot(g.s))).isEqualTo(g.s);
        assertThat(g.log.get(0)).isInstanceOf(PlatformEvent.SessionCreated.class);
        // Every view and the results serialise (the server sends them as JSON).
        toJson(QuizViews.results(g.s.activity(), g.s.platform().roster()));
    }

    private static String toJson(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
