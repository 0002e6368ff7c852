package fr.atelier.workshops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.cards.CardsState.Round;
import fr.atelier.workshops.cards.CardsState.Stage;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * No phone or projector view ever leaks a secret of the card game: random command sequences from
 * random actors go through the session decider, and after every step every audience's JSON is
 * searched for what it must not hold: the briefing (beneficiary's phone only), the facilitator's
 * notes (console only), undrawn cards, and other observers' grids (never on a phone; on the
 * projector only once the round's debrief shows the aggregate).
 *
 * <p>Abstract because Maven Surefire only picks classes named {@code *Test}: the properties run
 * through {@link CardsSecrecyPropertiesTest}.
 */
abstract class CardsSecrecyProperties {
    static final Instant START = Instant.parse("2025-11-25T14:00:00Z");
    static final String HOST_HASH = "HOSTHASH-9d2f41";
    static final int CASES = 8;
    static final List<String> STRUCTURE_IDS = List.of("cio", "mission-locale", "cap-emploi", "apec", "cidff");
    static final Deck DECK = deck();

    private final CardsFormat format = new CardsFormat();
    private final Session<CardsState, CardsCommand, CardsEvent> session = new Session<>(format);
    private final SessionCodec codec = new SessionCodec(format);

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

    static String participantId(int i) {
        return "PID-" + (char) ('A' + i) + "-" + (7301 + 17 * i);
    }

    static String tokenHash(int i) {
        return "TOKHASH-" + (char) ('A' + i) + "-" + (5501 + 31 * i);
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
     * actor: -1 whoever normally sends this command, 0 facilitator, 1 system, 2 guest, 3 someone who
     * never joined, 4+ the joined participant (actor-4) % n. {@code who} picks a participant for the
     * step (hand, role, grid); {@code seed} feeds draws, picks and texts.
     */
    record Step(Kind kind, int actor, int who, int other, long seed, Integer seconds) {}

    record Scenario(int participants, List<Step> steps) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(5, Kind.RAISE), Tuple.of(1, Kind.LOWER), Tuple.of(3, Kind.NEXT_ROUND), Tuple.of(2, Kind.ASSIGN),
                Tuple.of(2, Kind.PICK), Tuple.of(3, Kind.DRAW_CASE), Tuple.of(3, Kind.DRAW_STRUCTURE), Tuple.of(3, Kind.START_SCENE),
                Tuple.of(1, Kind.SET_TIMER), Tuple.of(1, Kind.TIMER), Tuple.of(10, Kind.SAVE_GRID), Tuple.of(2, Kind.FEELINGS),
                Tuple.of(3, Kind.SHARE_FEELING), Tuple.of(3, Kind.DEBRIEF), Tuple.of(1, Kind.LEAVE), Tuple.of(1, Kind.USE_DECK),
                Tuple.of(40, Kind.ADVANCE));
        Arbitrary<Integer> actors = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(-1)),
                Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2)),
                Tuple.of(1, Arbitraries.just(3)), Tuple.of(8, Arbitraries.integers().between(4, 9)));
        Arbitrary<Integer> who = Arbitraries.integers().between(0, 5);
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Integer> seconds = Arbitraries.integers().between(5, 400).injectNull(0.6);
        Arbitrary<Step> steps = Combinators.combine(kinds, actors, who, who, seeds, seconds).as(Step::new);
        return Combinators.combine(Arbitraries.integers().between(2, 6), steps.list().ofMinSize(10).ofMaxSize(60))
                .as(Scenario::new);
    }

    /** Runs a scenario; {@code check} sees the state after the setup and after every step. */
    private List<SessionEvent> run(Scenario sc, java.util.function.BiConsumer<SessionState<CardsState>, Scenario> check) {
        List<SessionEvent> log = new ArrayList<>();
        SessionState<CardsState> s = session.initialState();
        Instant now = START;
        s = apply(s, session.create("K7QX2M", "Atelier de Chartres", HOST_HASH, now), log);
        for (int i = 0; i < sc.participants(); i++) {
            s = decideAndApply(s, Actor.GUEST, new PlatformCommand.Join(participantId(i), "Pseudo " + i, tokenHash(i)),
                    now = now.plusMillis(250), log, true);
        }
        s = decideAndApply(s, Actor.FACILITATOR, new PlatformCommand.StartActivity(), now = now.plusMillis(250), log, true);
        s = decideAndApply(s, Actor.FACILITATOR, new ActivityCommand(new CardsCommand.UseDeck(DECK)), now = now.plusMillis(250), log, true);
        check.accept(s, sc);
        for (Step step : sc.steps()) {
            Move move;
            if (step.kind() == Kind.ADVANCE) {
                move = advance(step, s, sc.participants());
            } else {
                Actor who = step.kind() == Kind.TIMER ? Actor.SYSTEM : actor(step, s, sc.participants());
                move = new Move(who, command(step, s, sc.participants(), who));
            }
            s = decideAndApply(s, move.who(), move.command(), now = now.plusMillis(20_000), log, false);
            check.accept(s, sc);
        }
        return log;
    }

    private SessionState<CardsState> apply(SessionState<CardsState> s, SessionEvent e, List<SessionEvent> log) {
        log.add(e);
        return session.evolve(s, e);
    }

    private SessionState<CardsState> decideAndApply(SessionState<CardsState> s, Actor who, SessionCommand c, Instant now,
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

    private static Actor actor(Step step, SessionState<CardsState> s, int participants) {
        if (step.actor() == -1) {
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
        return switch (step.actor()) {
            case 0 -> Actor.FACILITATOR;
            case 1 -> Actor.SYSTEM;
            case 2 -> Actor.GUEST;
            case 3 -> Actor.participant("PID-STRANGER-0000");
            default -> Actor.participant(participantId((step.actor() - 4) % participants));
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
                CardsCommand expiry = deadline == null ? null : format.expire(s.activity(), deadline);
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

    record Move(Actor who, SessionCommand command) {}

    static int indexOf(String participantId) {
        return participantId.charAt(4) - 'A';
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

    @Property(tries = 400)
    void no_view_ever_leaks_a_secret(@ForAll("scenarios") Scenario scenario) {
        Seen seen = new Seen();
        run(scenario, (s, sc) -> checkSecrecy(s, sc, seen));

        Statistics.label("a beneficiary held a briefing the room did not see").collect(seen.briefingGuarded);
        Statistics.label("grids were kept apart during a scene").collect(seen.gridsGuarded);
        Statistics.label("a debrief showed the aggregated grids").collect(seen.debriefShown);
        Statistics.label("a beneficiary held a briefing the room did not see").coverage(c -> c.check(true).percentage(p -> p >= 30));
        Statistics.label("grids were kept apart during a scene").coverage(c -> c.check(true).percentage(p -> p >= 15));
        Statistics.label("a debrief showed the aggregated grids").coverage(c -> c.check(true).percentage(p -> p >= 10));
    }

    /** What a run went through, to check that the generator reaches the states worth checking. */
    static final class Seen {
        boolean briefingGuarded;
        boolean gridsGuarded;
        boolean debriefShown;
    }

    private void checkSecrecy(SessionState<CardsState> s, Scenario sc, Seen seen) {
        CardsState st = s.activity();
        Round r = st.current();
        Integer caseInPlay = r == null ? null : r.caseNumber();
        Set<Integer> drawn = st.casesDrawn();
        Set<String> structuresDrawn = st.structuresDrawn();

        List<String> always = new ArrayList<>(List.of(HOST_HASH, "tokenHash", "hostTokenHash", "NOTES-ANIMATION", "NOTED-SCHEME"));
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
        List<String> allIds = new ArrayList<>();
        for (int i = 0; i < sc.participants(); i++) {
            allIds.add(participantId(i));
            always.add(tokenHash(i));
        }
        String briefing = caseInPlay == null ? null : "BRIEFING-SECRET-" + caseInPlay + "#";

        for (int i = 0; i < sc.participants(); i++) {
            String me = participantId(i);
            String json = toJson(session.view(s, new Audience.Participant(me)));
            assertThat(json).as("phone of %s", me).doesNotContain(always);
            for (String other : allIds) {
                if (!other.equals(me)) {
                    assertThat(json).as("phone of %s names %s", me, other).doesNotContain(other);
                }
            }
            boolean beneficiary = r != null && me.equals(r.beneficiary());
            if (briefing != null && !beneficiary) {
                assertThat(json).as("phone of %s (%s) holds the briefing", me, r.roleOf(me)).doesNotContain(briefing);
            }
            if (briefing != null && beneficiary) {
                assertThat(json).as("the beneficiary's phone shows the briefing").contains(briefing);
            }
            for (int j = 0; j < sc.participants(); j++) {
                if (j != i) {
                    assertThat(json).as("phone of %s sees the grid of %s", me, participantId(j)).doesNotContain(gridMarker(j));
                    assertThat(json).as("phone of %s sees the feelings of %s", me, participantId(j)).doesNotContain(feelingMarker(j));
                }
            }
        }

        String screen = toJson(session.view(s, Audience.PROJECTOR));
        assertThat(screen).as("projector").doesNotContain(always);
        // The platform's own list of people carries ids; the game's part shows nicknames only.
        String screenActivity = toJson(format.view(st, s.platform().roster(), Audience.PROJECTOR));
        assertThat(screenActivity).as("projector's game shows a raw participant id").doesNotContain(allIds);
        if (briefing != null) {
            assertThat(screen).as("projector holds the briefing").doesNotContain(briefing);
        }
        boolean debrief = r != null && r.stage() == Stage.DEBRIEF;
        if (!debrief) {
            assertThat(screen).as("projector shows grids before the debrief").doesNotContain("GRID-OF-");
        }

        String console = toJson(session.view(s, Audience.FACILITATOR));
        assertThat(console).as("console").doesNotContain(HOST_HASH, "tokenHash", "hostTokenHash");
        for (int i = 0; i < sc.participants(); i++) {
            assertThat(console).doesNotContain(tokenHash(i));
        }

        if (r != null && briefing != null && r.beneficiary() != null && sc.participants() > 2) {
            seen.briefingGuarded = true;
        }
        if (r != null && r.stage() == Stage.SCENE && r.grids().size() >= 1 && sc.participants() > 3) {
            seen.gridsGuarded = true;
        }
        if (debrief && screen.contains("GRID-OF-")) {
            seen.debriefShown = true;
        }
    }

    @Property(tries = 200)
    void replaying_the_events_of_a_random_run_gives_the_same_state(@ForAll("scenarios") Scenario scenario) {
        List<SessionState<CardsState>> last = new ArrayList<>(1);
        last.add(null);
        List<SessionEvent> log = run(scenario, (s, sc) -> last.set(0, s));
        SessionState<CardsState> stepByStep = last.get(0);

        assertThat(session.replay(log)).isEqualTo(stepByStep);
        assertThat(session.replay(codec.readEvents(codec.writeEvents(log)))).isEqualTo(stepByStep);
        assertThat(codec.readSnapshot(codec.writeSnapshot(stepByStep))).isEqualTo(stepByStep);
        assertThat(log.get(0)).isInstanceOf(PlatformEvent.SessionCreated.class);
        // Draws never repeat within the session, whatever happened.
        List<Integer> allDraws = stepByStep.activity().rounds().stream().flatMap(x -> x.casesDrawn().stream()).toList();
        assertThat(allDraws).doesNotHaveDuplicates();
        List<String> allStructures = stepByStep.activity().rounds().stream().flatMap(x -> x.structuresDrawn().stream()).toList();
        assertThat(allStructures).doesNotHaveDuplicates();
    }

    private static String toJson(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
