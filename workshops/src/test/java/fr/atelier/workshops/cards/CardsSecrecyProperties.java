package fr.atelier.workshops.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static fr.atelier.workshops.core.Playthrough.indexOf;
import static fr.atelier.workshops.core.Playthrough.participantId;

import fr.atelier.workshops.cards.CardsState.Round;
import fr.atelier.workshops.cards.CardsState.Stage;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Gen;
import fr.atelier.workshops.core.PlatformCommand;
import fr.atelier.workshops.core.Playthrough;
import fr.atelier.workshops.core.Playthrough.Move;
import fr.atelier.workshops.core.Property;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionState;
import fr.atelier.workshops.core.Views;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * No phone or projector view ever leaks a secret of the card game: random command sequences from
 * random actors go through the session decider, and after every step every audience's JSON is
 * searched for what it must not hold: the briefing (beneficiary's phone only), the facilitator's
 * notes (console only), undrawn cards, and other observers' grids (never on a phone; on the
 * projector only once the round's debrief shows the aggregate).
 *
 * <p>The playing and the platform's checks are the shared harness ({@link Playthrough}, {@link Property}).
 *
 * <p>Abstract because Maven Surefire only picks classes named {@code *Test}: the properties run
 * through {@link CardsSecrecyPropertiesTest}.
 */
abstract class CardsSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T14:00:00Z");
    static final int CASES = 8;
    static final List<String> STRUCTURE_IDS = List.of("cio", "mission-locale", "cap-emploi", "apec", "cidff");
    static final Deck DECK = deck();
    static final String BRIEFING_GUARDED = "a beneficiary held a briefing the room did not see";
    static final String GRIDS_GUARDED = "grids were kept apart during a scene";
    static final String DEBRIEF_SHOWN = "a debrief showed the aggregated grids";

    private final CardsFormat format = new CardsFormat();
    private final Session<CardsState, CardsCommand, CardsEvent> session = new Session<>(format);

    /** Every card text is unique and recognisable, so a leak is a plain substring. */
    static Deck deck() {
        List<CaseCard> cases = new ArrayList<>();
        for (int n = 1; n <= CASES; n++) {
            cases.add(new CaseCard(n, "CASE-TITLE-" + n + "#", "CASE-SITUATION-" + n + "#", "BRIEFING-SECRET-" + n + "#",
                    "NOTES-ANIMATION-" + n + "#", List.of(STRUCTURE_IDS.get(n % STRUCTURE_IDS.size())), List.of("NOTED-SCHEME-" + n + "#")));
        }
        List<StructureCard> structures = STRUCTURE_IDS.stream()
                .map(id -> new StructureCard(id, "Nom " + id, "MISSIONS-" + id + "#", "PUBLICS-" + id + "#")).toList();
        return new Deck("secret", "Jeu secret", null, null, List.of("Pas de jugement de valeur."), structures, cases, TestDecks.GRID);
    }

    /** A grid value written by participant i: its marker says whose it is. */
    static String gridMarker(int i) {
        return "GRID-OF-" + (char) ('A' + i) + "#";
    }

    static String feelingMarker(int i) {
        return "FEELING-OF-" + (char) ('A' + i) + "#";
    }

    enum Kind { RAISE, LOWER, NEXT_ROUND, ASSIGN, PICK, DRAW_CASE, DRAW_STRUCTURE, START_SCENE, SET_TIMER, TIMER, SAVE_GRID,
        FEELINGS, SHARE_FEELING, DEBRIEF, LEAVE, USE_DECK, ADVANCE }

    /**
     * actor: a {@link Playthrough#senders sender code}. {@code who} picks a participant for the
     * step (hand, role, grid); {@code seed} feeds draws, picks and texts.
     */
    record Step(Kind kind, int actor, int who, int other, long seed, Integer seconds) {}

    record Scenario(int participants, List<Step> steps) {}

    static Gen<Scenario> scenarios() {
        Gen<Kind> kinds = Gen.<Kind>weighted()
                .or(5, Kind.RAISE).or(1, Kind.LOWER).or(3, Kind.NEXT_ROUND).or(2, Kind.ASSIGN)
                .or(2, Kind.PICK).or(3, Kind.DRAW_CASE).or(3, Kind.DRAW_STRUCTURE).or(3, Kind.START_SCENE)
                .or(1, Kind.SET_TIMER).or(1, Kind.TIMER).or(10, Kind.SAVE_GRID).or(2, Kind.FEELINGS)
                .or(3, Kind.SHARE_FEELING).or(3, Kind.DEBRIEF).or(1, Kind.LEAVE).or(1, Kind.USE_DECK)
                .or(40, Kind.ADVANCE);
        Gen<Integer> actors = Playthrough.senders(40, 3, 1, 1, 1, 8, 6);
        Gen<Integer> who = Gen.between(0, 5);
        Gen<Long> seeds = Gen.longs();
        Gen<Integer> seconds = Gen.between(5, 400).orNull(0.6);
        Gen<Step> step = r -> new Step(kinds.next(r), actors.next(r), who.next(r), who.next(r), seeds.next(r), seconds.next(r));
        Gen<Integer> participants = Gen.between(2, 6);
        Gen<List<Step>> steps = step.list(10, 60);
        return r -> new Scenario(participants.next(r), steps.next(r));
    }

    /** Runs a scenario; {@code check} sees the playthrough after the setup and after every step. */
    private Playthrough<CardsState> run(Scenario sc, Consumer<Playthrough<CardsState>> check) {
        Playthrough<CardsState> p = new Playthrough<>(session, "K7QX2M", "Atelier de Chartres", START, sc.participants());
        p.must(Actor.FACILITATOR, new PlatformCommand.StartActivity());
        p.must(Actor.FACILITATOR, new ActivityCommand(new CardsCommand.UseDeck(DECK)));
        p.playAll(sc.steps(), Duration.ofSeconds(20), step -> move(step, p), check);
        return p;
    }

    private Move move(Step step, Playthrough<CardsState> p) {
        SessionState<CardsState> s = p.state();
        if (step.kind() == Kind.ADVANCE) {
            return advance(step, s, p.participants());
        }
        Actor who = step.kind() == Kind.TIMER ? Actor.SYSTEM : p.sender(step.actor(), usualSender(step, s, p.participants()));
        return new Move(who, command(step, s, p.participants(), who));
    }

    private static Actor usualSender(Step step, SessionState<CardsState> s, int participants) {
        Round r = s.activity().current();
        return switch (step.kind()) {
            case RAISE, LOWER, LEAVE, SAVE_GRID -> Actor.participant(participantId(step.who() % participants));
            // A player shares, or draws their own card half of the time.
            case SHARE_FEELING -> Actor.participant(r != null && r.counsellor() != null
                    ? (step.who() % 2 == 0 ? r.counsellor() : r.beneficiary()) : participantId(step.who() % participants));
            case DRAW_CASE -> r != null && r.counsellor() != null && step.who() % 2 == 0 ? Actor.participant(r.counsellor()) : Actor.FACILITATOR;
            case DRAW_STRUCTURE -> r != null && r.beneficiary() != null && step.who() % 2 == 0 ? Actor.participant(r.beneficiary()) : Actor.FACILITATOR;
            case TIMER -> Actor.SYSTEM;
            default -> Actor.FACILITATOR;
        };
    }

    private SessionCommand command(Step step, SessionState<CardsState> s, int participants, Actor sender) {
        Round r = s.activity().current();
        int round = r == null ? 1 : r.number();
        // Grid and feelings markers name whoever really sends them.
        int author = sender instanceof Actor.Participant p ? indexOf(p.id()) : step.who() % participants;
        return switch (step.kind()) {
            case RAISE -> new ActivityCommand(new CardsCommand.RaiseHand());
            case LOWER -> new ActivityCommand(new CardsCommand.LowerHand());
            case NEXT_ROUND -> new ActivityCommand(new CardsCommand.NextRound());
            case ASSIGN -> new ActivityCommand(new CardsCommand.Assign(participantId(step.who() % participants),
                    participantId(step.other() % participants)));
            case PICK -> new ActivityCommand(new CardsCommand.PickRandom(step.seed()));
            case DRAW_CASE -> new ActivityCommand(new CardsCommand.DrawCase(step.seed()));
            case DRAW_STRUCTURE -> new ActivityCommand(new CardsCommand.DrawStructure(step.seed()));
            case START_SCENE -> new ActivityCommand(new CardsCommand.StartScene(step.seconds()));
            case SET_TIMER -> new ActivityCommand(new CardsCommand.SetTimer(step.seconds()));
            case TIMER -> {
                Instant deadline = format.nextDeadline(s.activity());
                CardsCommand expiry = deadline == null ? null : format.timeUp(s.activity(), deadline);
                yield new ActivityCommand(expiry == null ? new CardsCommand.TimeUp(round, step.seed()) : expiry);
            }
            case SAVE_GRID -> {
                Map<String, List<String>> answers = new LinkedHashMap<>();
                answers.put("questions", List.of(gridMarker(author) + " question " + (step.seed() & 7)));
                answers.put("doors", List.of(STRUCTURE_IDS.get((int) Math.floorMod(step.seed(), (long) STRUCTURE_IDS.size()))));
                answers.put("schemes", List.of(gridMarker(author) + " scheme"));
                answers.put("worked", List.of(gridMarker(author) + " worked " + (step.seed() & 3)));
                yield new ActivityCommand(new CardsCommand.SaveGrid(step.other() == 5 ? round + 1 : round, answers));
            }
            case FEELINGS -> new ActivityCommand(new CardsCommand.OpenFeelings());
            case SHARE_FEELING -> new ActivityCommand(new CardsCommand.ShareFeeling(round, feelingMarker(author) + " " + step.seed()));
            case DEBRIEF -> new ActivityCommand(new CardsCommand.OpenDebrief());
            case LEAVE -> new PlatformCommand.Leave();
            case USE_DECK -> new ActivityCommand(new CardsCommand.UseDeck(DECK));
            case ADVANCE -> throw new IllegalStateException("resolved by advance()");
        };
    }

    /** The next sensible move of a real session, so that runs reach scenes, grids and debriefs. */
    private Move advance(Step step, SessionState<CardsState> s, int n) {
        Round r = s.activity().current();
        Actor host = Actor.FACILITATOR;
        if (r == null || r.stage() == Stage.DEBRIEF) {
            return new Move(host, new ActivityCommand(new CardsCommand.NextRound()));
        }
        int a = step.who() % n;
        int b = (a + 1 + step.other() % Math.max(1, n - 1)) % n;
        if (r.stage() == Stage.SETUP) {
            if (r.counsellor() == null || !s.platform().roster().isActive(r.counsellor()) || !s.platform().roster().isActive(r.beneficiary())) {
                return new Move(host, new ActivityCommand(new CardsCommand.Assign(participantId(a), participantId(b))));
            }
            if (r.caseNumber() == null) {
                return new Move(step.who() % 2 == 0 ? Actor.participant(r.counsellor()) : host, new ActivityCommand(new CardsCommand.DrawCase(step.seed())));
            }
            if (r.structureId() == null) {
                return new Move(step.who() % 2 == 0 ? Actor.participant(r.beneficiary()) : host, new ActivityCommand(new CardsCommand.DrawStructure(step.seed())));
            }
            return new Move(host, new ActivityCommand(new CardsCommand.StartScene(step.seconds() == null ? null : step.seconds() + 10)));
        }
        long dice = Math.floorMod(step.seed(), 12L);
        if (r.stage() == Stage.SCENE && dice >= 2 || r.stage() == Stage.FEELINGS && dice >= 6) {
            int observer = a;
            for (int i = 0; i < n && r.isPlayer(participantId(observer)); i++) {
                observer = (observer + 1) % n;
            }
            Actor who = Actor.participant(participantId(observer));
            return new Move(who, command(new Step(Kind.SAVE_GRID, -1, observer, 0, step.seed(), null), s, n, who));
        }
        if (r.stage() == Stage.FEELINGS && dice >= 3) {
            String player = dice % 2 == 0 ? r.counsellor() : r.beneficiary();
            return new Move(Actor.participant(player), new ActivityCommand(new CardsCommand.ShareFeeling(r.number(),
                    feelingMarker(indexOf(player)) + " " + step.seed())));
        }
        return new Move(host, new ActivityCommand(r.stage() == Stage.SCENE && dice == 0 ? new CardsCommand.OpenFeelings() : new CardsCommand.OpenDebrief()));
    }

    @Test
    void no_view_ever_leaks_a_secret() {
        Property.tries(400).coverage(BRIEFING_GUARDED, 30).coverage(GRIDS_GUARDED, 15).coverage(DEBRIEF_SHOWN, 10)
                .forAll(scenarios(), (scenario, trial) -> run(scenario, p -> checkSecrecy(p, trial)));
    }

    private void checkSecrecy(Playthrough<CardsState> p, Property.Trial trial) {
        SessionState<CardsState> s = p.state();
        CardsState st = s.activity();
        Round r = st.current();
        Integer caseInPlay = r == null ? null : r.caseNumber();
        Set<Integer> drawn = st.casesDrawn();
        Set<String> structuresDrawn = st.structuresDrawn();

        // The console may hold notes and undrawn cards; phones and projector never.
        List<String> always = new ArrayList<>(List.of("NOTES-ANIMATION", "NOTED-SCHEME"));
        for (int n = 1; n <= CASES; n++) {
            if (!drawn.contains(n)) {
                always.add("CASE-TITLE-" + n + "#");
                always.add("CASE-SITUATION-" + n + "#");
            }
            if (caseInPlay == null || caseInPlay != n) {
                always.add("BRIEFING-SECRET-" + n + "#");
            }
        }
        for (String id : STRUCTURE_IDS) {
            if (!structuresDrawn.contains(id)) {
                always.add("MISSIONS-" + id + "#");
                always.add("PUBLICS-" + id + "#");
            }
        }
        String briefing = caseInPlay == null ? null : "BRIEFING-SECRET-" + caseInPlay + "#";
        Views views = p.views();
        views.assertPlatformSecretsKept();

        for (int i = 0; i < views.participants(); i++) {
            String me = views.id(i);
            String json = views.phone(i);
            assertThat(json).as("phone of %s", me).doesNotContain(always);
            boolean beneficiary = r != null && me.equals(r.beneficiary());
            if (briefing != null && !beneficiary) {
                assertThat(json).as("phone of %s (%s) holds the briefing", me, r.roleOf(me)).doesNotContain(briefing);
            }
            if (briefing != null && beneficiary) {
                assertThat(json).as("the beneficiary's phone shows the briefing").contains(briefing);
            }
            for (int j = 0; j < views.participants(); j++) {
                if (j != i) {
                    assertThat(json).as("phone of %s sees the grid of %s", me, views.id(j)).doesNotContain(gridMarker(j));
                    assertThat(json).as("phone of %s sees the feelings of %s", me, views.id(j)).doesNotContain(feelingMarker(j));
                }
            }
        }

        String screen = views.projector();
        assertThat(screen).as("projector").doesNotContain(always);
        // The platform's own list of people carries ids; the game's part shows nicknames only.
        String screenActivity = Views.json(format.view(st, s.platform().roster(), Audience.PROJECTOR));
        assertThat(screenActivity).as("projector's game shows a raw participant id").doesNotContain(views.ids());
        if (briefing != null) {
            assertThat(screen).as("projector holds the briefing").doesNotContain(briefing);
        }
        boolean debrief = r != null && r.stage() == Stage.DEBRIEF;
        if (!debrief) {
            assertThat(screen).as("projector shows grids before the debrief").doesNotContain("GRID-OF-");
        }

        if (r != null && briefing != null && r.beneficiary() != null && p.participants() > 2) {
            trial.saw(BRIEFING_GUARDED);
        }
        if (r != null && r.stage() == Stage.SCENE && r.grids().size() >= 1 && p.participants() > 3) {
            trial.saw(GRIDS_GUARDED);
        }
        if (debrief && screen.contains("GRID-OF-")) {
            trial.saw(DEBRIEF_SHOWN);
        }
    }

    @Test
    void replaying_the_events_of_a_random_run_gives_the_same_state() {
        Property.tries(200).forAll(scenarios(), scenario -> {
            Playthrough<CardsState> p = run(scenario, x -> { });
            p.assertReplays();
            // Draws never repeat within the session, whatever happened.
            CardsState end = p.activity();
            List<Integer> allDraws = end.rounds().stream().flatMap(x -> x.casesDrawn().stream()).toList();
            assertThat(allDraws).doesNotHaveDuplicates();
            List<String> allStructures = end.rounds().stream().flatMap(x -> x.structuresDrawn().stream()).toList();
            assertThat(allStructures).doesNotHaveDuplicates();
        });
    }
}
