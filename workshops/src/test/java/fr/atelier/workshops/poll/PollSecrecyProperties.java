package fr.atelier.workshops.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * No phone view ever leaks a secret: random command sequences from random actors go through the
 * session decider, and after every step every audience's JSON is searched for what it must not hold.
 *
 * <p>Abstract because Maven Surefire only picks classes named {@code *Test}: the properties run
 * through {@link PollSecrecyPropertiesTest}, and only once even if {@code *Properties} is included later.
 */
abstract class PollSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T14:00:00Z");
    static final String HOST_HASH = "HOSTHASH-9d2f41";
    static final List<String> OPTION_POOL = List.of("Onisep", "France Travail", "CIO", "Mission locale", "Autre",
            "Cap emploi", "Apec", "Je ne sais pas");
    /** Fields a phone's question may carry; anything else is a leak. */
    static final Set<String> PHONE_QUESTION_FIELDS = Set.of("id", "text", "options", "status", "deadline",
            "answered", "myAnswer", "distribution", "correct");

    private final Session<PollState, PollCommand, PollEvent> session = new Session<>(new PollFormat());
    private final SessionCodec codec = new SessionCodec(new PollFormat());

    static String participantId(int i) {
        return "PID-" + (char) ('A' + i) + "-" + (7301 + 17 * i);
    }

    static String tokenHash(int i) {
        return "TOKHASH-" + (char) ('A' + i) + "-" + (5501 + 31 * i);
    }

    // Generated steps are abstract; they are resolved against the state when they run, so that most
    // of them aim at the current question.

    enum Kind { ASK, ANSWER, CLOSE, REVEAL, TIMER, LEAVE }

    /**
     * actor: -1 whoever normally sends this command, 0 facilitator, 1 system, 2 guest, 3 someone who
     * never joined, 4+ the joined participant (actor-4) % n.
     */
    record Step(Kind kind, int actor, int questionRef, int option, int optionCount, int correct, Integer seconds, int textSeed) {}

    record Scenario(int participants, List<Step> steps) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(3, Kind.ASK), Tuple.of(10, Kind.ANSWER), Tuple.of(2, Kind.CLOSE),
                Tuple.of(3, Kind.REVEAL), Tuple.of(1, Kind.TIMER), Tuple.of(1, Kind.LEAVE));
        Arbitrary<Integer> actors = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(-1)),
                Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2)),
                Tuple.of(1, Arbitraries.just(3)), Tuple.of(12, Arbitraries.integers().between(4, 9)));
        // 0: the current question; k > 0: "q" + k, possibly old or not yet asked.
        Arbitrary<Integer> questionRefs = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(0)), Tuple.of(2, Arbitraries.integers().between(1, 6)));
        Arbitrary<Integer> options = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0, 2)), Tuple.of(1, Arbitraries.integers().between(-1, 8)));
        Arbitrary<Integer> optionCounts = Arbitraries.integers().between(2, 8);
        Arbitrary<Integer> corrects = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> seconds = Arbitraries.integers().between(5, 120).injectNull(0.5);
        Arbitrary<Integer> textSeeds = Arbitraries.integers().between(0, 1000);
        Arbitrary<Step> steps = Combinators.combine(kinds, actors, questionRefs, options, optionCounts, corrects, seconds, textSeeds)
                .as(Step::new);
        return Combinators.combine(Arbitraries.integers().between(1, 6), steps.list().ofMinSize(8).ofMaxSize(40))
                .as(Scenario::new);
    }

    /** Runs a scenario; {@code check} sees the state after the setup and after every step. */
    private List<SessionEvent> run(Scenario sc, java.util.function.BiConsumer<SessionState<PollState>, Scenario> check) {
        List<SessionEvent> log = new ArrayList<>();
        SessionState<PollState> s = session.initialState();
        Instant now = START;
        s = apply(s, session.create("K7QX2M", "Atelier de Dreux", HOST_HASH, now), log);
        for (int i = 0; i < sc.participants(); i++) {
            s = decideAndApply(s, Actor.GUEST,
                    new PlatformCommand.Join(participantId(i), "Pseudo " + i, tokenHash(i)), now = now.plusMillis(250), log, true);
        }
        s = decideAndApply(s, Actor.FACILITATOR, new PlatformCommand.StartActivity(), now = now.plusMillis(250), log, true);
        check.accept(s, sc);
        for (Step step : sc.steps()) {
            // The timer's command is the format's expiry, always sent by the system.
            Actor who = step.kind() == Kind.TIMER ? Actor.SYSTEM : actor(step, sc.participants());
            SessionCommand command = command(step, s, who);
            s = decideAndApply(s, who, command, now = now.plusMillis(1_000), log, false);
            check.accept(s, sc);
        }
        return log;
    }

    private SessionState<PollState> apply(SessionState<PollState> s, SessionEvent e, List<SessionEvent> log) {
        log.add(e);
        return session.evolve(s, e);
    }

    private SessionState<PollState> decideAndApply(SessionState<PollState> s, Actor who, SessionCommand c, Instant now,
                                                   List<SessionEvent> log, boolean mustPass) {
        Decision<SessionEvent> d = session.decide(s, who, c, now);
        if (mustPass) {
            assertThat(d.accepted()).as("setup %s: %s", c, d).isTrue();
        }
        if (d instanceof Decision.Accepted<SessionEvent> a) {
            for (SessionEvent e : a.events()) {
                s = apply(s, e, log);
            }
        }
        return s;
    }

    private static Actor actor(Step step, int participants) {
        if (step.actor() == -1) {
            return switch (step.kind()) {
                case ANSWER, LEAVE -> Actor.participant(participantId(step.textSeed() % participants));
                case TIMER -> Actor.SYSTEM;
                default -> Actor.FACILITATOR;
            };
        }
        return switch (step.actor()) {
            case 0 -> Actor.FACILITATOR;
            case 1 -> Actor.SYSTEM;
            case 2 -> Actor.GUEST;
            case 3 -> Actor.participant("PID-STRANGER-0000");
            default -> Actor.participant(participantId((step.actor() - 4) % participants));
        };
    }

    private static SessionCommand command(Step step, SessionState<PollState> s, Actor who) {
        Poll current = s.activity().current();
        String qid = step.questionRef() == 0
                ? (current == null ? "q1" : current.id())
                : "q" + step.questionRef();
        return switch (step.kind()) {
            case ASK -> {
                List<String> opts = new ArrayList<>();
                for (int i = 0; i < step.optionCount(); i++) {
                    opts.add(OPTION_POOL.get((step.textSeed() + i) % OPTION_POOL.size()) + " " + i);
                }
                yield new ActivityCommand(new PollCommand.Ask("Question " + step.textSeed() + " ?", opts,
                        step.correct() % step.optionCount(), step.seconds()));
            }
            case ANSWER -> new ActivityCommand(new PollCommand.Answer(qid, step.option()));
            case CLOSE -> new ActivityCommand(new PollCommand.Close(qid));
            case REVEAL -> new ActivityCommand(new PollCommand.Reveal(qid));
            case TIMER -> {
                PollFormat format = new PollFormat();
                Instant deadline = format.nextDeadline(s.activity());
                PollCommand expiry = format.expire(s.activity(), deadline == null ? START : deadline);
                yield new ActivityCommand(expiry == null ? new PollCommand.Close(qid) : expiry);
            }
            case LEAVE -> new PlatformCommand.Leave();
        };
    }

    @Property(tries = 400)
    void no_view_ever_leaks_a_secret(@ForAll("scenarios") Scenario scenario) {
        Seen seen = new Seen();
        run(scenario, (s, sc) -> checkSecrecy(s, sc, seen));

        // The property is only worth something if runs reach the interesting states.
        Statistics.label("a secret was guarded while others had answered").collect(seen.guardedSecret);
        Statistics.label("a result was revealed after answers").collect(seen.revealedAnswers);
        Statistics.label("a secret was guarded while others had answered")
                .coverage(c -> c.check(true).percentage(p -> p >= 25));
        Statistics.label("a result was revealed after answers")
                .coverage(c -> c.check(true).percentage(p -> p >= 10));
    }

    /** What a run went through, to check that the generator reaches the states worth checking. */
    static final class Seen {
        boolean guardedSecret;
        boolean revealedAnswers;
    }

    private void checkSecrecy(SessionState<PollState> s, Scenario sc, Seen seen) {
        Poll current = s.activity().current();
        boolean revealed = current != null && current.status() == Poll.Status.REVEALED;
        if (current != null && !current.answers().isEmpty()) {
            if (revealed) {
                seen.revealedAnswers = true;
            } else if (current.correct() != null && sc.participants() > 1) {
                seen.guardedSecret = true;
            }
        }
        List<String> allIds = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(HOST_HASH, "tokenHash", "hostTokenHash"));
        for (int i = 0; i < sc.participants(); i++) {
            allIds.add(participantId(i));
            secrets.add(tokenHash(i));
        }

        for (int i = 0; i < sc.participants(); i++) {
            String me = participantId(i);
            String json = toJson(session.view(s, new Audience.Participant(me)));
            assertThat(json).as("phone of %s", me).doesNotContain(secrets);
            for (String other : allIds) {
                if (!other.equals(me)) {
                    assertThat(json).as("phone of %s names %s", me, other).doesNotContain(other);
                }
            }
            JsonNode tree = readTree(json);
            assertThat(tree.findValues("answers")).as("phone of %s: raw answers", me).isEmpty();
            assertThat(tree.path("participants").isMissingNode()).isTrue();
            JsonNode q = tree.path("activity").path("question");
            if (current == null) {
                assertThat(q.isMissingNode()).isTrue();
                continue;
            }
            Iterator<String> names = q.fieldNames();
            names.forEachRemaining(n -> assertThat(PHONE_QUESTION_FIELDS).as("phone field").contains(n));
            assertThat(tree.path("activity").has("history")).as("phone sees the history").isFalse();
            Integer mine = current.answers().get(me);
            if (mine == null) {
                assertThat(q.has("myAnswer")).as("phone of %s has an answer it never gave", me).isFalse();
            } else {
                assertThat(q.path("myAnswer").asInt()).as("phone of %s: own answer", me).isEqualTo(mine);
            }
            if (!revealed) {
                assertThat(q.has("correct")).as("phone of %s sees the correct answer of %s (%s)", me, current.id(), current.status()).isFalse();
                assertThat(q.has("distribution")).as("phone of %s sees the distribution (%s)", me, current.status()).isFalse();
                assertThat(q.path("answered").asInt()).as("phone of %s sees the live count", me).isZero();
            } else {
                if (current.correct() != null) {
                    assertThat(q.path("correct").asInt()).isEqualTo(current.correct());
                }
                assertThat(q.path("distribution").size()).isEqualTo(current.options().size());
            }
        }

        String screen = toJson(session.view(s, Audience.PROJECTOR));
        assertThat(screen).as("projector").doesNotContain(secrets).doesNotContain("myAnswer");
        JsonNode screenTree = readTree(screen);
        assertThat(screenTree.findValues("answers")).as("projector: raw answers").isEmpty();
        assertThat(screenTree.path("activity").has("history")).isFalse();
        JsonNode sq = screenTree.path("activity").path("question");
        if (current != null && !revealed) {
            assertThat(sq.has("correct")).as("projector sees the correct answer (%s)", current.status()).isFalse();
            assertThat(sq.has("distribution")).as("projector sees the distribution (%s)", current.status()).isFalse();
        }

        String console = toJson(session.view(s, Audience.FACILITATOR));
        assertThat(console).as("console").doesNotContain(secrets);
    }

    @Property(tries = 300)
    void replaying_the_events_of_a_random_run_gives_the_same_state(@ForAll("scenarios") Scenario scenario) {
        List<SessionState<PollState>> last = new ArrayList<>(1);
        last.add(null);
        List<SessionEvent> log = run(scenario, (s, sc) -> last.set(0, s));
        SessionState<PollState> stepByStep = last.get(0);

        assertThat(session.replay(log)).isEqualTo(stepByStep);
        // Storage goes through JSON: the stored events and a snapshot must rebuild the same state.
        assertThat(session.replay(codec.readEvents(codec.writeEvents(log)))).isEqualTo(stepByStep);
        assertThat(codec.readSnapshot(codec.writeSnapshot(stepByStep))).isEqualTo(stepByStep);
        // And the log is well formed: it starts with the creation, and only once.
        assertThat(log.get(0)).isInstanceOf(PlatformEvent.SessionCreated.class);
        assertThat(log.stream().filter(e -> e instanceof PlatformEvent.SessionCreated).count()).isEqualTo(1);
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
