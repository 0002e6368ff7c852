package fr.atelier.workshops.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static fr.atelier.workshops.core.Playthrough.participantId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Gen;
import fr.atelier.workshops.core.PlatformCommand;
import fr.atelier.workshops.core.Playthrough;
import fr.atelier.workshops.core.Property;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionEvent;
import fr.atelier.workshops.core.Views;
import fr.atelier.workshops.quiz.QuizBank.Choice;
import fr.atelier.workshops.quiz.QuizBank.Question;
import fr.atelier.workshops.quiz.QuizBank.Source;
import fr.atelier.workshops.quiz.QuizBank.Type;
import fr.atelier.workshops.quiz.QuizState.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
 * <p>The playing and the platform's checks are the shared harness ({@link Playthrough}, {@link Property}).
 *
 * <p>Abstract because Surefire only picks classes named {@code *Test}: see {@link QuizSecrecyPropertiesTest}.
 */
abstract class QuizSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T14:00:00Z");
    static final int QUESTIONS = 6;
    static final String COMPARED = "views compared while other teams' answers to a secret question were hidden";
    static final String REVEALED = "a question was revealed after answers";
    static final String FINISHED = "the quiz reached its end";

    private final QuizFormat format = new QuizFormat();
    private final Session<QuizState, QuizCommand, QuizEvent> session = new Session<>(format);

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
                        new QuizBank.Image("/img/portail.png", "Le portail régional"), null);
                default -> new Question("q6", Type.SINGLE, "Et celui-ci ?", abcd, f.textNode(other ? "d" : "a"), null,
                        explanation, source, null, 50);
            };
            qs.add(q);
        }
        return new QuizBank("secrets", "Banque de test", "Pour la propriété de secret", qs);
    }

    enum Kind { SHOW, ANSWER, LOCK, REVEAL, SCOREBOARD, TIMER, SUBMIT, FINISH, DEBRIEF, JOIN, LEAVE, EXTEND }

    /**
     * actor: a {@link Playthrough#senders sender code}. question: 0 the current one (live), else
     * "q" + k. value: -1 clears the answer, 0–3 one of four answers of the question's type.
     */
    record Step(Kind kind, int actor, int who, int question, int value, int extra) {}

    record Scenario(boolean live, int participants, int teams, long seed, int mask, int observer, boolean bonus,
                    boolean partial, List<Step> steps) {}

    static Gen<Scenario> scenarios() {
        Gen<Kind> kinds = Gen.<Kind>weighted()
                .or(3, Kind.SHOW).or(22, Kind.ANSWER).or(1, Kind.LOCK).or(2, Kind.REVEAL)
                .or(1, Kind.SCOREBOARD).or(1, Kind.TIMER).or(1, Kind.SUBMIT).or(1, Kind.FINISH)
                .or(2, Kind.DEBRIEF).or(1, Kind.JOIN).or(1, Kind.LEAVE).or(1, Kind.EXTEND);
        Gen<Integer> actors = Playthrough.senders(40, 2, 1, 1, 1, 4, 8);
        Gen<Integer> whos = Gen.between(0, 100);
        Gen<Integer> questions = Gen.<Integer>weighted().or(6, 0).or(4, Gen.between(1, QUESTIONS + 1));
        Gen<Integer> values = Gen.<Integer>weighted().or(1, -1).or(8, Gen.between(0, 3));
        Gen<Integer> extras = Gen.between(0, 100);
        Gen<Step> step = r -> new Step(kinds.next(r), actors.next(r), whos.next(r), questions.next(r), values.next(r), extras.next(r));
        Gen<List<Step>> steps = step.list(10, 45);
        Gen<Integer> participants = Gen.between(2, 7);
        Gen<Integer> teams = Gen.between(2, 3);
        Gen<Integer> masks = Gen.between(1, (1 << QUESTIONS) - 1);
        Gen<Integer> observers = Gen.between(0, 2);
        return r -> {
            boolean live = r.nextBoolean();
            int n = participants.next(r);
            int t = teams.next(r);
            long seed = r.nextLong();
            int mask = masks.next(r);
            int observer = observers.next(r) % t;
            boolean bonus = r.nextBoolean();
            boolean partial = r.nextBoolean();
            return new Scenario(live, n, t, seed, mask, observer, bonus, partial, steps.next(r));
        };
    }

    /** One game: a playthrough and the decisions it met. {@code variant}: the second game of the pair. */
    final class Game {
        final Scenario sc;
        final boolean variant;
        final Playthrough<QuizState> p;
        final List<String> decisions = new ArrayList<>();

        Game(Scenario sc, boolean variant) {
            this.sc = sc;
            this.variant = variant;
            p = new Playthrough<>(session, "K7QX2M", "Challenge de Dreux", START, sc.participants());
            p.must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.UseBank(bank(variant, sc.mask()))));
            QuizSettings settings = new QuizSettings(sc.live() ? QuizSettings.Pacing.LIVE : QuizSettings.Pacing.CHALLENGE,
                    sc.live() ? 20 : null, 1, sc.bonus(), sc.partial(), null, true);
            p.must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.Configure(settings)));
            p.must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.BalanceTeams(sc.seed(), sc.teams())));
            if (sc.participants() > 2 && (sc.seed() & 1) == 1) {
                // Someone arrives without a team: they may join one during the game.
                p.must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.MoveMember(participantId(0), null)));
            }
            p.must(Actor.FACILITATOR, new PlatformCommand.StartActivity());
            p.must(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.Start()));
        }

        void play(Step step) {
            Actor who = step.kind() == Kind.TIMER ? Actor.SYSTEM : p.sender(step.actor(), usualSender(step));
            p.tick(Duration.ofSeconds(1));
            SessionCommand c = command(step, who);
            if (step.kind() == Kind.TIMER) {
                Instant deadline = format.nextDeadline(p.activity());
                if (deadline != null) {
                    p.advanceTo(deadline);
                }
            }
            Decision<SessionEvent> d = p.play(who, c);
            decisions.add(d instanceof Decision.Rejected<SessionEvent> r ? "rejected " + r.code() : "accepted "
                    + ((Decision.Accepted<SessionEvent>) d).events().size());
        }

        private Actor usualSender(Step step) {
            return switch (step.kind()) {
                case ANSWER, SUBMIT, JOIN, LEAVE -> Actor.participant(participantId(step.who() % sc.participants()));
                case TIMER -> Actor.SYSTEM;
                default -> Actor.FACILITATOR;
            };
        }

        private SessionCommand command(Step step, Actor who) {
            QuizState q = p.activity();
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
                    QuizCommand expiry = format.timeUp(q, deadline == null ? p.now() : deadline);
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

    @Test
    void no_phone_learns_a_secret_before_its_reveal() {
        Property.tries(300).coverage(COMPARED, 25).coverage(REVEALED, 10).coverage(FINISHED, 10).forAll(scenarios(), (sc, trial) -> {
            Game a = new Game(sc, false);
            Game b = new Game(sc, true);
            check(a, b, trial);
            for (Step step : sc.steps()) {
                a.play(step);
                b.play(step);
                assertThat(b.decisions).as("both games take the same path").isEqualTo(a.decisions);
                check(a, b, trial);
            }
        });
    }

    private void check(Game a, Game b, Property.Trial trial) {
        Views va = a.p.views();
        Views vb = b.p.views();
        checkMarkers(a, va, trial);
        checkMarkers(b, vb, trial);
        compare(a, va, vb, trial);
    }

    /** Until a question of D is revealed, the observed phones and the projector see the same thing in both games. */
    private void compare(Game a, Views va, Views vb, Property.Trial trial) {
        QuizState qa = a.p.activity();
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
            assertThat(vb.phone(i)).as("phone of %s (team %s) depends on hidden data", id, team).isEqualTo(va.phone(i));
        }
        assertThat(vb.projector()).as("projector depends on hidden data").isEqualTo(va.projector());
        for (int n = 1; n <= QUESTIONS; n++) {
            if ((a.sc.mask() & (1 << (n - 1))) != 0) {
                for (var e : qa.answersTo("q" + n).entrySet()) {
                    if (!e.getKey().equals(observer)) {
                        trial.saw(COMPARED);
                    }
                }
            }
        }
    }

    private void checkMarkers(Game g, Views views, Property.Trial trial) {
        QuizState q = g.p.activity();
        int n = g.sc.participants();
        views.assertPlatformSecretsKept();
        List<String> hiddenQuestions = new ArrayList<>();
        for (int k = 1; k <= QUESTIONS; k++) {
            if (!q.revealed("q" + k)) {
                hiddenQuestions.add("q" + k);
            } else if (!q.answersTo("q" + k).isEmpty()) {
                trial.saw(REVEALED);
            }
        }
        if (q.stage() == Stage.FINISHED) {
            trial.saw(FINISHED);
        }

        for (int i = 0; i < n; i++) {
            String me = participantId(i);
            String myTeam = q.teams().teamIdOf(me);
            String json = views.phone(i);
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
            JsonNode activity = views.phoneTree(i).path("activity");
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

        String screen = views.projector();
        for (String hidden : hiddenQuestions) {
            assertThat(screen).as("projector sees a secret of %s", hidden).doesNotContain("SECRET-" + hidden)
                    .doesNotContain("-" + hidden + "-");
        }
        JsonNode screenActivity = views.projectorTree().path("activity");
        assertThat(screenActivity.has("questions")).isFalse();
        assertThat(screenActivity.has("content")).isFalse();
        assertThat(screenActivity.has("provisional")).isFalse();
        assertThat(screenActivity.path("live").has("teamAnswers")).isFalse();
    }

    @Test
    void replaying_the_events_of_a_random_game_gives_the_same_state() {
        Property.tries(200).forAll(scenarios(), sc -> {
            Game g = new Game(sc, false);
            for (Step step : sc.steps()) {
                g.play(step);
            }
            g.p.assertReplays();
            // Every view and the results serialise (the server sends them as JSON).
            Views.json(QuizViews.results(g.p.activity(), g.p.state().platform().roster()));
        });
    }
}
