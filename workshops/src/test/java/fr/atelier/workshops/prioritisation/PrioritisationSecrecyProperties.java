package fr.atelier.workshops.prioritisation;

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
import fr.atelier.workshops.core.SessionState;
import fr.atelier.workshops.core.Views;
import fr.atelier.workshops.prioritisation.PrioritisationState.Ballot;
import fr.atelier.workshops.prioritisation.PrioritisationState.Contribution;
import fr.atelier.workshops.prioritisation.PrioritisationState.Proposal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No view leaks what it must not: random command sequences from random actors go through the
 * session decider, and after every step every audience's JSON is searched. Before the facilitator
 * reveals the vote, neither a phone nor the projector holds any tally (dots, voters, results);
 * a phone only ever holds its own dots and ratings and its own contributions; nobody's view ties a
 * contribution to a participant; the project key's hash and the tokens appear nowhere.
 *
 * <p>The playing and the platform's checks are the shared harness ({@link Playthrough}, {@link Property}).
 *
 * <p>Abstract because Maven Surefire only picks classes named {@code *Test}: the properties run
 * through {@link PrioritisationSecrecyPropertiesTest}.
 */
abstract class PrioritisationSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T14:00:00Z");
    static final String PROJECT_KEY = "PROJECTKEY-0123456789abcdef";
    static final List<String> PROFILES = List.of("young", "jobseeker", "employee", "employer", "partner", "other");
    static final List<String> KINDS = List.copyOf(Vocabulary.KINDS.keySet());
    static final List<String> CATEGORIES = List.copyOf(Vocabulary.CATEGORIES.keySet());
    static final List<String> STAGES = List.of("COLLECT", "SYNTHESIS", "VOTE", "VOTE", "VOTE", "VOTE", "VOTE", "RESULTS", "PLAN");
    /** Fields a phone's proposal may carry; anything else is a leak. */
    static final Set<String> PHONE_PROPOSAL_FIELDS = Set.of("id", "text", "themeId", "themeName", "earlier", "myDots", "myImpact",
            "myFeasibility");
    /** The project's key and what carries it, in no view. */
    static final List<String> PROJECT_SECRETS = List.of(PROJECT_KEY, PrioritisationFormat.sha256(PROJECT_KEY), "keyHash");
    static final String GUARDED = "tallies were guarded while dots were placed";
    static final String REVEALED = "results were revealed after dots";
    static final String OTHERS_WORDS = "others' words were kept off a phone";

    private final PrioritisationFormat format = new PrioritisationFormat();
    private final Session<PrioritisationState, PrioritisationCommand, PrioritisationEvent> session = new Session<>(format);

    /** Unique per author and step, so a leak of someone else's words can be searched for. */
    static String words(int author, int seed) {
        // Bracketed so that no one's words are a substring of someone else's.
        return "[Parole-" + (char) ('A' + author) + "-" + seed + "]";
    }

    enum Kind { PROFILE, CONTRIBUTE, STAGE, PROPOSE, PROMOTE, HIDE_PROPOSAL, SETTINGS, VOTE, RATE, REVEAL, HIDE, MERGE, THEME, LEAVE }

    /** actor: a {@link Playthrough#senders sender code}. */
    record Step(Kind kind, int actor, int pick, int amount, int other, int seed) {}

    /**
     * Random steps in three stretches, with the facilitator's usual moves between them (a few
     * proposals and the vote's opening, then maybe the reveal), so most runs reach a vote in progress.
     */
    record Scenario(int participants, boolean withProject, List<Step> collect, int proposals, List<Step> vote, boolean reveal,
                    List<Step> after) {}

    static Gen<Scenario> scenarios() {
        Gen<Kind> kinds = Gen.<Kind>weighted()
                .or(3, Kind.PROFILE).or(6, Kind.CONTRIBUTE).or(4, Kind.STAGE).or(4, Kind.PROPOSE)
                .or(1, Kind.PROMOTE).or(1, Kind.HIDE_PROPOSAL).or(1, Kind.SETTINGS).or(16, Kind.VOTE)
                .or(4, Kind.RATE).or(2, Kind.REVEAL).or(1, Kind.HIDE).or(1, Kind.MERGE)
                .or(1, Kind.THEME).or(1, Kind.LEAVE);
        Gen<Integer> actors = Playthrough.senders(40, 3, 1, 1, 1, 8, 6);
        Gen<Integer> picks = Gen.between(0, 40);
        Gen<Integer> amounts = Gen.<Integer>weighted().or(2, 0).or(8, Gen.between(1, 3)).or(1, Gen.between(-1, 7));
        Gen<Integer> others = Gen.between(0, 40);
        Gen<Integer> seeds = Gen.between(0, 100_000);
        Gen<Step> step = r -> new Step(kinds.next(r), actors.next(r), picks.next(r), amounts.next(r), others.next(r), seeds.next(r));
        Gen<Integer> participants = Gen.between(1, 6);
        Gen<List<Step>> collect = step.list(3, 15);
        Gen<Integer> proposals = Gen.between(0, 3);
        Gen<List<Step>> vote = step.list(3, 25);
        Gen<List<Step>> after = step.list(0, 15);
        return r -> new Scenario(participants.next(r), r.nextBoolean(), collect.next(r), proposals.next(r), vote.next(r),
                r.nextBoolean(), after.next(r));
    }

    /** Runs a scenario; {@code check} sees the playthrough after the setup and after every step. */
    private Playthrough<PrioritisationState> run(Scenario sc, Consumer<Playthrough<PrioritisationState>> check) {
        Playthrough<PrioritisationState> p = new Playthrough<>(session, "K7QX2M", "Dessine-moi le travail à Dreux", START,
                sc.participants());
        if (sc.withProject()) {
            ProjectSnapshot project = new ProjectSnapshot("pj_test", null, "Aide à domicile", "Dreux", "Jeunes", 1,
                    List.of(new Contribution("old-c1", "employer", "difficulty", "recruitment", "Parole-ancienne-1", false, null, null,
                            true, 0, 0)),
                    List.of(), List.of(new Proposal("old-p2", "Proposition ancienne", null, null, "facilitator", null, false, true, 0, 0)),
                    List.of());
            p.must(Actor.FACILITATOR, new ActivityCommand(new PrioritisationCommand.UseProject(PROJECT_KEY, "s2x", project)));
        }
        p.must(Actor.FACILITATOR, new PlatformCommand.StartActivity());
        List<Step> steps = new ArrayList<>(sc.collect());
        for (int i = 0; i < sc.proposals(); i++) {
            steps.add(new Step(Kind.PROPOSE, Playthrough.FACILITATOR, 0, 0, 0, 90_000 + i));
        }
        steps.add(new Step(Kind.STAGE, Playthrough.FACILITATOR, 2, 0, 0, 0));
        steps.addAll(sc.vote());
        if (sc.reveal()) {
            steps.add(new Step(Kind.REVEAL, Playthrough.FACILITATOR, 0, 0, 0, 0));
        }
        steps.addAll(sc.after());
        p.playAll(steps, Duration.ofSeconds(1),
                step -> new Move(p.sender(step.actor(), usualSender(step, p.participants())), command(step, p.activity())), check);
        return p;
    }

    private static Actor usualSender(Step step, int participants) {
        return switch (step.kind()) {
            case PROFILE, CONTRIBUTE, VOTE, RATE, LEAVE -> Actor.participant(participantId(step.seed() % participants));
            default -> Actor.FACILITATOR;
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

    @Test
    void no_tally_reaches_a_phone_or_the_projector_before_the_reveal() {
        // The property is only worth something if runs reach the interesting states.
        Property.tries(400).coverage(GUARDED, 25).coverage(REVEALED, 10).coverage(OTHERS_WORDS, 30)
                .forAll(scenarios(), (scenario, trial) -> run(scenario, p -> checkSecrecy(p, trial)));
    }

    private void checkSecrecy(Playthrough<PrioritisationState> p, Property.Trial trial) {
        PrioritisationState a = p.activity();
        int dots = 0;
        for (Map.Entry<String, Map<String, Ballot>> e : a.ballots().entrySet()) {
            for (Map.Entry<String, Ballot> b : e.getValue().entrySet()) {
                if (a.visible(a.proposals().get(b.getKey()))) {
                    dots += b.getValue().dots();
                }
            }
        }
        if (dots > 0) {
            trial.saw(a.revealed() ? REVEALED : GUARDED);
        }
        Views views = p.views();
        views.assertPlatformSecretsKept(PROJECT_SECRETS);
        Set<String> proposalTexts = a.proposals().values().stream().filter(a::visible).map(Proposal::text).collect(Collectors.toSet());

        for (int i = 0; i < views.participants(); i++) {
            String me = views.id(i);
            String json = views.phone(i);
            Set<String> myTexts = a.authors().entrySet().stream().filter(e -> e.getValue().equals(me))
                    .map(e -> a.contributions().get(e.getKey()).text()).collect(Collectors.toSet());
            for (Map.Entry<String, String> authored : a.authors().entrySet()) {
                String text = a.contributions().get(authored.getKey()).text();
                // Two people may write the same words; a phone shows its own, and proposals are public.
                if (!authored.getValue().equals(me) && !proposalTexts.contains(text) && !myTexts.contains(text)) {
                    assertThat(json).as("phone of %s shows someone else's words", me).doesNotContain(text);
                    trial.saw(OTHERS_WORDS);
                }
            }
            JsonNode activity = views.phoneTree(i).path("activity");
            assertThat(activity.has("contributions")).as("phone sees the moderation list").isFalse();
            assertThat(activity.has("room")).isFalse();
            assertThat(activity.findValues("profile").stream().filter(x -> !x.isNull()).count())
                    .as("only its own profile").isLessThanOrEqualTo(1);
            for (JsonNode proposal : activity.path("vote").path("proposals")) {
                proposal.fieldNames().forEachRemaining(n -> assertThat(PHONE_PROPOSAL_FIELDS).as("phone proposal field").contains(n));
                Ballot mine = a.ballot(me, proposal.path("id").asText());
                assertThat(proposal.path("myDots").asInt()).as("phone of %s: own dots", me).isEqualTo(mine.dots());
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

        assertThat(views.projector()).as("projector").doesNotContain("myDots");
        JsonNode screenActivity = views.projectorTree().path("activity");
        for (String id : views.ids()) {
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

        String consoleActivity = views.consoleTree().path("activity").toString();
        for (String id : views.ids()) {
            assertThat(consoleActivity).as("console ties something to %s", id).doesNotContain(id);
        }
    }

    @Test
    void replaying_the_events_of_a_random_run_gives_the_same_state() {
        Property.tries(300).forAll(scenarios(), scenario -> {
            Playthrough<PrioritisationState> p = run(scenario, x -> { });
            p.assertReplays();
            // Views and results always serialise.
            SessionState<PrioritisationState> end = p.state();
            assertThat(Views.json(session.format().results(end.activity(), end.platform().roster()))).isNotBlank();
        });
    }
}
