package fr.atelier.workshops.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static fr.atelier.workshops.core.Playthrough.participantId;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Gen;
import fr.atelier.workshops.core.PlatformCommand;
import fr.atelier.workshops.core.Playthrough;
import fr.atelier.workshops.core.Playthrough.Move;
import fr.atelier.workshops.core.Property;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.Views;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * No phone view ever leaks a secret: random command sequences from random actors go through the
 * session decider, and after every step every audience's JSON is searched for what it must not hold.
 * The playing and the platform's checks are the shared harness ({@link Playthrough}, {@link Property});
 * this file holds the poll's steps and what its views must not show.
 *
 * <p>Abstract because Maven Surefire only picks classes named {@code *Test}: the properties run
 * through {@link PollSecrecyPropertiesTest}, and only once even if {@code *Properties} is included later.
 */
abstract class PollSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T14:00:00Z");
    static final List<String> OPTION_POOL = List.of("Onisep", "France Travail", "CIO", "Mission locale", "Autre",
            "Cap emploi", "Apec", "Je ne sais pas");
    /** Fields a phone's question may carry; anything else is a leak. */
    static final Set<String> PHONE_QUESTION_FIELDS = Set.of("id", "text", "options", "status", "deadline",
            "answered", "myAnswer", "distribution", "correct", "kind", "scale", "myPicks", "mine", "entries", "cloud");
    /** Texts phones write: accents and case vary so that words merge; "vilain" is the one a facilitator hides. */
    static final List<String> WORD_POOL = List.of("Écoute", "écoute", "ECOUTE", "Réseau", "reseau", "vilain", "Confiance",
            "Partage de l’agenda", "Quels horaires ?");
    static final String TEXT_GUARDED = "a pending or hidden text existed while phones looked";
    static final String GUARDED = "a secret was guarded while others had answered";
    static final String REVEALED = "a result was revealed after answers";

    private final PollFormat format = new PollFormat();
    private final Session<PollState, PollCommand, PollEvent> session = new Session<>(format);

    // Generated steps are abstract; they are resolved against the state when they run, so that most
    // of them aim at the current question.

    enum Kind { ASK, ANSWER, CLOSE, REVEAL, TIMER, LEAVE, WRITE, UPVOTE, MODERATE, MARK }

    /** actor: a {@link Playthrough#senders sender code}. */
    record Step(Kind kind, int actor, int questionRef, int option, int optionCount, int correct, Integer seconds, int textSeed) {}

    record Scenario(int participants, List<Step> steps) {}

    static Gen<Scenario> scenarios() {
        Gen<Kind> kinds = Gen.<Kind>weighted().or(3, Kind.ASK).or(10, Kind.ANSWER).or(2, Kind.CLOSE).or(3, Kind.REVEAL)
                .or(1, Kind.TIMER).or(1, Kind.LEAVE).or(6, Kind.WRITE).or(4, Kind.UPVOTE).or(3, Kind.MODERATE).or(1, Kind.MARK);
        Gen<Integer> actors = Playthrough.senders(40, 4, 1, 1, 1, 12, 6);
        // 0: the current question; k > 0: "q" + k, possibly old or not yet asked.
        Gen<Integer> questionRefs = Gen.<Integer>weighted().or(8, 0).or(2, Gen.between(1, 6));
        Gen<Integer> options = Gen.<Integer>weighted().or(8, Gen.between(0, 2)).or(1, Gen.between(-1, 8));
        Gen<Integer> optionCounts = Gen.between(2, 8);
        Gen<Integer> corrects = Gen.between(0, 7);
        Gen<Integer> seconds = Gen.between(5, 120).orNull(0.5);
        Gen<Integer> textSeeds = Gen.between(0, 1000);
        Gen<Step> steps = r -> new Step(kinds.next(r), actors.next(r), questionRefs.next(r), options.next(r), optionCounts.next(r),
                corrects.next(r), seconds.next(r), textSeeds.next(r));
        Gen<Integer> participants = Gen.between(1, 6);
        Gen<List<Step>> lists = steps.list(8, 40);
        return r -> new Scenario(participants.next(r), lists.next(r));
    }

    /** Runs a scenario; {@code check} sees the playthrough after the setup and after every step. */
    private Playthrough<PollState> run(Scenario sc, Consumer<Playthrough<PollState>> check) {
        Playthrough<PollState> p = new Playthrough<>(session, "K7QX2M", "Atelier de Dreux", START, sc.participants());
        p.must(Actor.FACILITATOR, new PlatformCommand.StartActivity());
        p.playAll(sc.steps(), Duration.ofSeconds(1), step -> move(step, p), check);
        return p;
    }

    private Move move(Step step, Playthrough<PollState> p) {
        // The timer's command is the format's expiry, always sent by the system.
        Actor who = step.kind() == Kind.TIMER ? Actor.SYSTEM : p.sender(step.actor(), usualSender(step, p.participants()));
        return new Move(who, command(step, p.activity()));
    }

    private static Actor usualSender(Step step, int participants) {
        return switch (step.kind()) {
            case ANSWER, LEAVE, WRITE, UPVOTE -> Actor.participant(participantId(step.textSeed() % participants));
            case TIMER -> Actor.SYSTEM;
            default -> Actor.FACILITATOR;
        };
    }

    private SessionCommand command(Step step, PollState s) {
        Poll current = s.current();
        String qid = step.questionRef() == 0
                ? (current == null ? "q1" : current.id())
                : "q" + step.questionRef();
        return switch (step.kind()) {
            case ASK -> {
                PollKind kind = PollKind.values()[step.textSeed() % PollKind.values().length];
                List<String> opts = new ArrayList<>();
                for (int i = 0; kind.hasOptions() && i < step.optionCount(); i++) {
                    opts.add(OPTION_POOL.get((step.textSeed() + i) % OPTION_POOL.size()) + " " + i);
                }
                Integer correct = kind == PollKind.SINGLE ? step.correct() % step.optionCount() : null;
                PollQuestion.Scale scale = kind == PollKind.SCALE ? new PollQuestion.Scale(step.option() > 4 ? 0 : 1,
                        step.option() > 4 ? 10 : 5, "Pas du tout", "Tout à fait") : null;
                yield new ActivityCommand(new PollCommand.Ask("Question " + step.textSeed() + " ?", opts, correct, step.seconds(),
                        kind, scale));
            }
            case ANSWER -> new ActivityCommand(answer(step, qid, current));
            case WRITE -> new ActivityCommand(new PollCommand.Write(qid, WORD_POOL.get(step.textSeed() % WORD_POOL.size())));
            case UPVOTE -> new ActivityCommand(new PollCommand.Upvote(qid, entryRef(step, current)));
            case MODERATE -> new ActivityCommand(new PollCommand.Moderate(qid, entryRef(step, current), step.option() % 2 == 0));
            case MARK -> new ActivityCommand(new PollCommand.MarkAnswered(qid, entryRef(step, current), step.option() % 2 == 0));
            case CLOSE -> new ActivityCommand(new PollCommand.Close(qid));
            case REVEAL -> new ActivityCommand(new PollCommand.Reveal(qid));
            case TIMER -> {
                Instant deadline = format.nextDeadline(s);
                PollCommand expiry = format.timeUp(s, deadline == null ? START : deadline);
                yield new ActivityCommand(expiry == null ? new PollCommand.Close(qid) : expiry);
            }
            case LEAVE -> new PlatformCommand.Leave();
        };
    }

    /** The answer that fits the current question's type (most of the time: sometimes a bad one). */
    private static PollCommand answer(Step step, String qid, Poll current) {
        PollKind kind = current == null ? PollKind.SINGLE : current.kind();
        int n = current == null ? 3 : Math.max(1, current.options().size());
        return switch (kind) {
            case MULTIPLE -> {
                List<Integer> chosen = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (((step.textSeed() >> i) & 1) == 1) {
                        chosen.add(i);
                    }
                }
                yield new PollCommand.Choose(qid, chosen);
            }
            case RANKING -> {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    order.add((i + step.textSeed()) % n);
                }
                if (step.option() < 0) {
                    order.set(0, order.get(order.size() - 1)); // not a permutation
                }
                yield new PollCommand.Rank(qid, order);
            }
            case WORDS, OPEN, QA -> new PollCommand.Write(qid, WORD_POOL.get(step.textSeed() % WORD_POOL.size()));
            default -> new PollCommand.Answer(qid, step.option());
        };
    }

    private static String entryRef(Step step, Poll current) {
        int count = current == null ? 0 : current.entries().size();
        return "e" + (1 + (count == 0 ? 0 : step.textSeed() % (count + 1)));
    }

    @Test
    void no_view_ever_leaks_a_secret() {
        // The property is only worth something if runs reach the interesting states. Texts waiting or
        // hidden while phones look come in about one run in ten (9–10 % over six base seeds), so the floor
        // is 4 %, four standard deviations below, not 10 %, which failed every other run.
        Property.tries(400).coverage(GUARDED, 25).coverage(REVEALED, 10).coverage(TEXT_GUARDED, 4)
                .forAll(scenarios(), (scenario, trial) -> run(scenario, p -> checkSecrecy(p, trial)));
    }

    private void checkSecrecy(Playthrough<PollState> p, Property.Trial trial) {
        Poll current = p.activity().current();
        boolean revealed = current != null && current.status() == Poll.Status.REVEALED;
        if (current != null && current.answeredCount() > 0) {
            if (revealed) {
                trial.saw(REVEALED);
            } else if (p.participants() > 1) {
                trial.saw(GUARDED);
            }
        }
        if (current != null && current.entries().values().stream().anyMatch(e -> e.visibility() != Poll.Visibility.SHOWN)
                && p.participants() > 1) {
            trial.saw(TEXT_GUARDED);
        }
        Views views = p.views();
        views.assertPlatformSecretsKept();

        for (int i = 0; i < views.participants(); i++) {
            String me = views.id(i);
            JsonNode tree = views.phoneTree(i);
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
            checkTexts(current, me, q, revealed);
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

        assertThat(views.projector()).as("projector").doesNotContain("myAnswer").doesNotContain("myPicks");
        if (current != null) {
            Set<String> shown = shownTexts(current);
            views.projectorTree().path("activity").path("question").path("entries")
                    .forEach(e -> assertThat(shown).as("projector shows a text not on the wall").contains(e.path("text").asText()));
            views.projectorTree().path("activity").path("question").path("cloud")
                    .forEach(w -> assertThat(shown).as("projector's cloud has a word not on the wall").contains(w.path("text").asText()));
        }
        JsonNode screenTree = views.projectorTree();
        assertThat(screenTree.findValues("answers")).as("projector: raw answers").isEmpty();
        assertThat(screenTree.path("activity").has("history")).isFalse();
        JsonNode sq = screenTree.path("activity").path("question");
        if (current != null && !revealed) {
            assertThat(sq.has("correct")).as("projector sees the correct answer (%s)", current.status()).isFalse();
            assertThat(sq.has("distribution")).as("projector sees the distribution (%s)", current.status()).isFalse();
        }
    }

    private static Set<String> shownTexts(Poll current) {
        Set<String> shown = new java.util.HashSet<>();
        current.shown().forEach(e -> shown.add(e.text()));
        return shown;
    }

    /** Texts on a phone: its own, and only SHOWN ones of others (Q&amp;A live, the others once revealed); never an author. */
    private static void checkTexts(Poll current, String me, JsonNode q, boolean revealed) {
        assertThat(q.findValues("author")).as("phone of %s sees an author", me).isEmpty();
        assertThat(q.findValues("participantId")).isEmpty();
        Set<String> shown = shownTexts(current);
        Set<String> own = new java.util.HashSet<>();
        current.authored().getOrDefault(me, List.of()).forEach(id -> own.add(current.entries().get(id).text()));
        q.path("mine").forEach(e -> assertThat(own).as("phone of %s: 'mine' holds another's text", me).contains(e.path("text").asText()));
        q.path("entries").forEach(e -> assertThat(shown).as("phone of %s sees a text off the wall", me).contains(e.path("text").asText()));
        q.path("cloud").forEach(w -> assertThat(shown).as("phone of %s sees a word off the wall", me).contains(w.path("text").asText()));
        if (!revealed && current.kind() != PollKind.QA) {
            assertThat(q.has("entries") || q.has("cloud")).as("phone of %s sees the wall before the reveal", me).isFalse();
        }
        List<Integer> picks = current.picks().get(me);
        if (picks == null) {
            assertThat(q.has("myPicks")).isFalse();
        } else {
            assertThat(q.path("myPicks").size()).isEqualTo(picks.size());
        }
    }

    @Test
    void replaying_the_events_of_a_random_run_gives_the_same_state() {
        Property.tries(300).forAll(scenarios(), scenario -> run(scenario, p -> { }).assertReplays());
    }
}
