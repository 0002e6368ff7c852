package fr.atelier.workshops.prioritisation;

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
import fr.atelier.workshops.prioritisation.PrioritisationState.Ballot;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * No view leaks what it must not: random command sequences from random actors go through the
 * session decider, and after every step every audience's JSON is searched. Before the facilitator
 * reveals the vote, neither a phone nor the projector holds any tally (dots, voters, results);
 * a phone only ever holds its own dots and ratings and its own contributions; nobody's view ties a
 * contribution to a participant; the project key's hash and the tokens appear nowhere.
 *
 * <p>Abstract because Maven Surefire only picks classes named {@code *Test}: the properties run
 * through {@link PrioritisationSecrecyPropertiesTest}.
 */
abstract class PrioritisationSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T14:00:00Z");
    static final String HOST_HASH = "HOSTHASH-9d2f41";
    static final String PROJECT_KEY = "PROJECTKEY-0123456789abcdef";
    static final List<String> PROFILES = List.of("young", "jobseeker", "employee", "employer", "partner", "other");
    static final List<String> KINDS = List.copyOf(Vocabulary.KINDS.keySet());
    static final List<String> CATEGORIES = List.copyOf(Vocabulary.CATEGORIES.keySet());
    static final List<String> STAGES = List.of("COLLECT", "SYNTHESIS", "VOTE", "VOTE", "VOTE", "VOTE", "VOTE", "RESULTS", "PLAN");
    /** Fields a phone's proposal may carry; anything else is a leak. */
    static final Set<String> PHONE_PROPOSAL_FIELDS = Set.of("id", "text", "themeId", "themeName", "earlier", "myDots", "myImpact",
            "myFeasibility");

    private final PrioritisationFormat format = new PrioritisationFormat();
    private final Session<PrioritisationState, PrioritisationCommand, PrioritisationEvent> session = new Session<>(format);
    private final SessionCodec codec = new SessionCodec(format);

    static String participantId(int i) {
        return "PID-" + (char) ('A' + i) + "-" + (7301 + 17 * i);
    }

    static String tokenHash(int i) {
        return "TOKHASH-" + (char) ('A' + i) + "-" + (5501 + 31 * i);
    }

    /** Unique per author and step, so a leak of someone else's words can be searched for. */
    static String words(int author, int seed) {
        // Bracketed so that no one's words are a substring of someone else's.
        return "[Parole-" + (char) ('A' + author) + "-" + seed + "]";
    }

    enum Kind { PROFILE, CONTRIBUTE, STAGE, PROPOSE, PROMOTE, HIDE_PROPOSAL, SETTINGS, VOTE, RATE, REVEAL, HIDE, MERGE, THEME, LEAVE }

    /**
     * actor: -1 whoever normally sends this command, 0 facilitator, 1 system, 2 guest, 3 someone who
     * never joined, 4+ the joined participant (actor-4) % n.
     */
    record Step(Kind kind, int actor, int pick, int amount, int other, int seed) {}

    /**
     * Random steps in three stretches, with the facilitator's usual moves between them (a few
     * proposals and the vote's opening, then maybe the reveal), so most runs reach a vote in progress.
     */
    record Scenario(int participants, boolean withProject, List<Step> collect, int proposals, List<Step> vote, boolean reveal,
                    List<Step> after) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(3, Kind.PROFILE), Tuple.of(6, Kind.CONTRIBUTE), Tuple.of(4, Kind.STAGE), Tuple.of(4, Kind.PROPOSE),
                Tuple.of(1, Kind.PROMOTE), Tuple.of(1, Kind.HIDE_PROPOSAL), Tuple.of(1, Kind.SETTINGS), Tuple.of(16, Kind.VOTE),
                Tuple.of(4, Kind.RATE), Tuple.of(2, Kind.REVEAL), Tuple.of(1, Kind.HIDE), Tuple.of(1, Kind.MERGE),
                Tuple.of(1, Kind.THEME), Tuple.of(1, Kind.LEAVE));
        Arbitrary<Integer> actors = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(-1)),
                Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2)),
                Tuple.of(1, Arbitraries.just(3)), Tuple.of(8, Arbitraries.integers().between(4, 9)));
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> amounts = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)), Tuple.of(8, Arbitraries.integers().between(1, 3)),
                Tuple.of(1, Arbitraries.integers().between(-1, 7)));
        Arbitrary<Integer> others = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> seeds = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Step> steps = Combinators.combine(kinds, actors, picks, amounts, others, seeds).as(Step::new);
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.of(true, false),
                steps.list().ofMinSize(3).ofMaxSize(15), Arbitraries.integers().between(0, 3), steps.list().ofMinSize(3).ofMaxSize(25),
                Arbitraries.of(true, false), steps.list().ofMaxSize(15)).as(Scenario::new);
    }

    /** Runs a scenario; {@code check} sees the state after the setup and after every step. */
    private List<SessionEvent> run(Scenario sc, java.util.function.BiConsumer<SessionState<PrioritisationState>, Scenario> check) {
        List<SessionEvent> log = new ArrayList<>();
        SessionState<PrioritisationState> s = session.initialState();
        Instant now = START;
        s = apply(s, session.create("K7QX2M", "Dessine-moi le travail à Dreux", HOST_HASH, now), log);
        for (int i = 0; i < sc.participants(); i++) {
            s = decideAndApply(s, Actor.GUEST, new PlatformCommand.Join(participantId(i), "Pseudo " + i, tokenHash(i)),
                    now = now.plusMillis(250), log, true);
        }
        if (sc.withProject()) {
            ProjectSnapshot project = new ProjectSnapshot("pj_test", null, "Aide à domicile", "Dreux", "Jeunes", 1,
                    List.of(new Contribution("old-c1", "employer", "difficulty", "recruitment", "Parole-ancienne-1", false, null, null,
                            true, 0, 0)),
                    List.of(), List.of(new Proposal("old-p2", "Proposition ancienne", null, null, "facilitator", null, false, true, 0, 0)),
                    List.of());
            s = decideAndApply(s, Actor.FACILITATOR, new ActivityCommand(new PrioritisationCommand.UseProject(PROJECT_KEY, "s2x", project)),
                    now = now.plusMillis(250), log, true);
        }
        s = decideAndApply(s, Actor.FACILITATOR, new PlatformCommand.StartActivity(), now = now.plusMillis(250), log, true);
        check.accept(s, sc);
        List<Step> steps = new ArrayList<>(sc.collect());
        for (int i = 0; i < sc.proposals(); i++) {
            steps.add(new Step(Kind.PROPOSE, 0, 0, 0, 0, 90_000 + i));
        }
        steps.add(new Step(Kind.STAGE, 0, 2, 0, 0, 0));
        steps.addAll(sc.vote());
        if (sc.reveal()) {
            steps.add(new Step(Kind.REVEAL, 0, 0, 0, 0, 0));
        }
        steps.addAll(sc.after());
        for (Step step : steps) {
            Actor who = actor(step, sc.participants());
            SessionCommand command = command(step, s.activity());
            s = decideAndApply(s, who, command, now = now.plusMillis(1_000), log, false);
            check.accept(s, sc);
        }
        return log;
    }

    private SessionState<PrioritisationState> apply(SessionState<PrioritisationState> s, SessionEvent e, List<SessionEvent> log) {
        log.add(e);
        return session.evolve(s, e);
    }

    private SessionState<PrioritisationState> decideAndApply(SessionState<PrioritisationState> s, Actor who, SessionCommand c,
                                                             Instant now, List<SessionEvent> log, boolean mustPass) {
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
                case PROFILE, CONTRIBUTE, VOTE, RATE, LEAVE -> Actor.participant(participantId(step.seed() % participants));
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

    private static <T> String pick(List<T> ids, int n, java.util.function.Function<T, String> id) {
        return ids.isEmpty() ? "none-" + n : id.apply(ids.get(n % ids.size()));
    }

    private static SessionCommand command(Step step, PrioritisationState s) {
        if (step.kind() == Kind.LEAVE) {
            return new PlatformCommand.Leave();
        }
        List<Contribution> contributions = List.copyOf(s.contributions().values());
        List<Proposal> proposals = List.copyOf(s.proposals().values());
        String proposal = pick(proposals, step.pick(), Proposal::id);
        String contribution = pick(contributions, step.pick(), Contribution::id);
        return new ActivityCommand(switch (step.kind()) {
            case PROFILE -> new PrioritisationCommand.SetProfile(step.amount() == 0 ? null : PROFILES.get(step.pick() % PROFILES.size()));
            case CONTRIBUTE -> new PrioritisationCommand.Contribute(words(step.seed() % 6, step.seed()),
                    KINDS.get(step.pick() % KINDS.size()), CATEGORIES.get(step.other() % CATEGORIES.size()), null);
            case STAGE -> new PrioritisationCommand.SetStage(STAGES.get(step.pick() % STAGES.size()));
            case PROPOSE -> new PrioritisationCommand.Propose("Proposition " + step.seed(), null, null);
            case PROMOTE -> new PrioritisationCommand.Propose(null, null, contribution);
            case HIDE_PROPOSAL -> new PrioritisationCommand.HideProposal(proposal, step.amount() % 2 == 0);
            case SETTINGS -> new PrioritisationCommand.Settings(3 + step.pick() % 5, 1 + step.other() % 3, step.amount() % 2 == 0);
            case VOTE -> new PrioritisationCommand.Vote(proposal, step.amount());
            case RATE -> new PrioritisationCommand.Rate(proposal, 1 + step.other() % 6, 1 + step.seed() % 5);
            case REVEAL -> new PrioritisationCommand.Reveal();
            case HIDE -> new PrioritisationCommand.Hide(contribution, step.amount() % 2 == 0);
            case MERGE -> new PrioritisationCommand.Merge(contribution, pick(contributions, step.other(), Contribution::id));
            case THEME -> new PrioritisationCommand.CreateTheme("Thème " + step.seed(), List.of(contribution));
            case LEAVE -> throw new IllegalStateException("handled above");
        });
    }

    @Property(tries = 400)
    void no_tally_reaches_a_phone_or_the_projector_before_the_reveal(@ForAll("scenarios") Scenario scenario) {
        Seen seen = new Seen();
        run(scenario, (s, sc) -> checkSecrecy(s, sc, seen));

        // The property is only worth something if runs reach the interesting states.
        Statistics.label("tallies were guarded while dots were placed").collect(seen.guarded);
        Statistics.label("results were revealed after dots").collect(seen.revealed);
        Statistics.label("others' words were kept off a phone").collect(seen.othersWords);
        Statistics.label("tallies were guarded while dots were placed").coverage(c -> c.check(true).percentage(p -> p >= 25));
        Statistics.label("results were revealed after dots").coverage(c -> c.check(true).percentage(p -> p >= 10));
        Statistics.label("others' words were kept off a phone").coverage(c -> c.check(true).percentage(p -> p >= 30));
    }

    /** What a run went through, to check that the generator reaches the states worth checking. */
    static final class Seen {
        boolean guarded;
        boolean revealed;
        boolean othersWords;
    }

    private void checkSecrecy(SessionState<PrioritisationState> s, Scenario sc, Seen seen) {
        PrioritisationState a = s.activity();
        int dots = 0;
        for (Map.Entry<String, Map<String, Ballot>> e : a.ballots().entrySet()) {
            for (Map.Entry<String, Ballot> b : e.getValue().entrySet()) {
                if (a.visible(a.proposals().get(b.getKey()))) {
                    dots += b.getValue().dots();
                }
            }
        }
        if (dots > 0) {
            if (a.revealed()) {
                seen.revealed = true;
            } else {
                seen.guarded = true;
            }
        }
        List<String> allIds = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(HOST_HASH, PROJECT_KEY, PrioritisationFormat.sha256(PROJECT_KEY), "tokenHash",
                "keyHash", "hostTokenHash"));
        for (int i = 0; i < sc.participants(); i++) {
            allIds.add(participantId(i));
            secrets.add(tokenHash(i));
        }
        Set<String> proposalTexts = a.proposals().values().stream().filter(a::visible).map(Proposal::text).collect(Collectors.toSet());

        for (int i = 0; i < sc.participants(); i++) {
            String me = participantId(i);
            JsonNode tree = readTree(toJson(session.view(s, new Audience.Participant(me))));
            String json = tree.toString();
            assertThat(json).as("phone of %s", me).doesNotContain(secrets);
            for (String other : allIds) {
                if (!other.equals(me)) {
                    assertThat(json).as("phone of %s names %s", me, other).doesNotContain(other);
                }
            }
            Set<String> myTexts = a.authors().entrySet().stream().filter(e -> e.getValue().equals(me))
                    .map(e -> a.contributions().get(e.getKey()).text()).collect(Collectors.toSet());
            for (Map.Entry<String, String> authored : a.authors().entrySet()) {
                String text = a.contributions().get(authored.getKey()).text();
                // Two people may write the same words; a phone shows its own, and proposals are public.
                if (!authored.getValue().equals(me) && !proposalTexts.contains(text) && !myTexts.contains(text)) {
                    assertThat(json).as("phone of %s shows someone else's words", me).doesNotContain(text);
                    seen.othersWords = true;
                }
            }
            JsonNode activity = tree.path("activity");
            assertThat(activity.has("contributions")).as("phone sees the moderation list").isFalse();
            assertThat(activity.has("room")).isFalse();
            assertThat(activity.findValues("profile").stream().filter(p -> !p.isNull()).count())
                    .as("only its own profile").isLessThanOrEqualTo(1);
            for (JsonNode p : activity.path("vote").path("proposals")) {
                p.fieldNames().forEachRemaining(n -> assertThat(PHONE_PROPOSAL_FIELDS).as("phone proposal field").contains(n));
                Ballot mine = a.ballot(me, p.path("id").asText());
                assertThat(p.path("myDots").asInt()).as("phone of %s: own dots", me).isEqualTo(mine.dots());
            }
            if (activity.has("vote")) {
                assertThat(activity.path("vote").path("remaining").asInt()).isEqualTo(a.settings().budget() - a.dotsUsed(me));
                assertThat(activity.path("vote").has("voters")).as("phone sees how many voted").isFalse();
            }
            if (!a.revealed()) {
                assertThat(activity.has("results")).as("phone of %s sees results before the reveal", me).isFalse();
                assertThat(activity.findValues("dots")).as("phone of %s sees dots before the reveal", me).isEmpty();
                assertThat(activity.findValues("dotsBySide")).isEmpty();
                assertThat(activity.findValues("voters")).isEmpty();
            } else {
                assertThat(activity.path("results").path("dots").asInt()).isEqualTo(dots);
            }
        }

        JsonNode screen = readTree(toJson(session.view(s, Audience.PROJECTOR)));
        JsonNode screenActivity = screen.path("activity");
        assertThat(screen.toString()).as("projector").doesNotContain(secrets).doesNotContain("myDots");
        for (String id : allIds) {
            assertThat(screenActivity.toString()).as("projector's activity names %s", id).doesNotContain(id);
        }
        assertThat(screenActivity.findValues("profile")).as("projector shows a writer's profile").isEmpty();
        assertThat(screenActivity.has("contributions")).isFalse();
        if (!a.revealed()) {
            assertThat(screenActivity.has("results")).as("projector sees results before the reveal").isFalse();
            assertThat(screenActivity.findValues("dots")).as("projector sees dots before the reveal").isEmpty();
            assertThat(screenActivity.findValues("dotsBySide")).isEmpty();
        } else {
            assertThat(screenActivity.path("results").path("dots").asInt()).isEqualTo(dots);
        }

        JsonNode console = readTree(toJson(session.view(s, Audience.FACILITATOR)));
        assertThat(console.toString()).as("console").doesNotContain(secrets);
        for (String id : allIds) {
            assertThat(console.path("activity").toString()).as("console ties something to %s", id).doesNotContain(id);
        }
    }

    @Property(tries = 300)
    void replaying_the_events_of_a_random_run_gives_the_same_state(@ForAll("scenarios") Scenario scenario) {
        List<SessionState<PrioritisationState>> last = new ArrayList<>(1);
        last.add(null);
        List<SessionEvent> log = run(scenario, (s, sc) -> last.set(0, s));
        SessionState<PrioritisationState> stepByStep = last.get(0);

        assertThat(session.replay(log)).isEqualTo(stepByStep);
        // Storage goes through JSON: the stored events and a snapshot must rebuild the same state.
        assertThat(session.replay(codec.readEvents(codec.writeEvents(log)))).isEqualTo(stepByStep);
        assertThat(codec.readSnapshot(codec.writeSnapshot(stepByStep))).isEqualTo(stepByStep);
        assertThat(log.get(0)).isInstanceOf(PlatformEvent.SessionCreated.class);
        // Views and results always serialise.
        assertThat(toJson(session.format().results(stepByStep.activity(), stepByStep.platform().roster()))).isNotBlank();
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
