package fr.atelier.workshops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.cards.CardsCommand.Assign;
import fr.atelier.workshops.cards.CardsCommand.DrawCase;
import fr.atelier.workshops.cards.CardsCommand.DrawStructure;
import fr.atelier.workshops.cards.CardsCommand.LowerHand;
import fr.atelier.workshops.cards.CardsCommand.NextRound;
import fr.atelier.workshops.cards.CardsCommand.OpenDebrief;
import fr.atelier.workshops.cards.CardsCommand.OpenFeelings;
import fr.atelier.workshops.cards.CardsCommand.PickRandom;
import fr.atelier.workshops.cards.CardsCommand.RaiseHand;
import fr.atelier.workshops.cards.CardsCommand.SaveGrid;
import fr.atelier.workshops.cards.CardsCommand.SetTimer;
import fr.atelier.workshops.cards.CardsCommand.ShareFeeling;
import fr.atelier.workshops.cards.CardsCommand.StartScene;
import fr.atelier.workshops.cards.CardsCommand.UseDeck;
import fr.atelier.workshops.cards.CardsEvent.CaseDrawn;
import fr.atelier.workshops.cards.CardsEvent.DebriefOpened;
import fr.atelier.workshops.cards.CardsEvent.DeckChosen;
import fr.atelier.workshops.cards.CardsEvent.FeelingShared;
import fr.atelier.workshops.cards.CardsEvent.FeelingsOpened;
import fr.atelier.workshops.cards.CardsEvent.GridSaved;
import fr.atelier.workshops.cards.CardsEvent.HandLowered;
import fr.atelier.workshops.cards.CardsEvent.HandRaised;
import fr.atelier.workshops.cards.CardsEvent.RolesAssigned;
import fr.atelier.workshops.cards.CardsEvent.RoundStarted;
import fr.atelier.workshops.cards.CardsEvent.SceneStarted;
import fr.atelier.workshops.cards.CardsEvent.StructureDrawn;
import fr.atelier.workshops.cards.CardsEvent.TimerSet;
import fr.atelier.workshops.cards.CardsState.Stage;
import fr.atelier.workshops.cards.CardsViews.Results;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.DeciderTest;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Roster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The card decider on its own: given events, when a command, then the whole decision. */
class CardsFormatTest extends DeciderTest<CardsState, CardsCommand, CardsEvent> {
    static final long AT = NOW.toEpochMilli();
    static final long T0 = AT - 60_000;
    static final Deck DECK = TestDecks.small(4, 3);

    static final Actor CAMILLE = Actor.participant("p-camille");
    static final Actor LOU = Actor.participant("p-lou");
    static final Actor SAMI = Actor.participant("p-sami");
    static final Actor NINA = Actor.participant("p-nina");
    static final Actor GONE = Actor.participant("p-gone");

    static final DeckChosen CHOSEN = new DeckChosen(DECK, T0);
    static final RoundStarted ROUND1 = new RoundStarted(1, T0);
    static final RolesAssigned ROLES = new RolesAssigned(1, "p-camille", "p-lou", null, T0);
    static final CaseDrawn CASE2 = new CaseDrawn(1, 2, 7L, T0);
    static final StructureDrawn CIO = new StructureDrawn(1, "cio", 8L, T0);
    static final SceneStarted SCENE = new SceneStarted(1, null, T0);

    static final Roster ROSTER = Roster.EMPTY
            .with(new Roster.Member("p-camille", "Camille", "h1", T0, true))
            .with(new Roster.Member("p-lou", "Lou", "h2", T0, true))
            .with(new Roster.Member("p-sami", "Sami", "h3", T0, true))
            .with(new Roster.Member("p-nina", "Nina", "h4", T0, true))
            .with(new Roster.Member("p-gone", "Gone", "h5", T0, false));

    CardsFormatTest() {
        super(new CardsFormat(), ROSTER);
    }

    private CardsEvent accepted() {
        assertThat(decision.accepted()).as("%s", decision).isTrue();
        List<CardsEvent> events = events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static Map<String, List<String>> grid(Object... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> v = (List<String>) kv[i + 1];
            m.put((String) kv[i], v);
        }
        return m;
    }

    @Nested
    class Deck_ {
        @Test
        void the_facilitator_chooses_a_deck_sent_whole() {
            given();
            when(Actor.FACILITATOR, new UseDeck(DECK));
            thenAccepted(new DeckChosen(DECK, AT));
        }

        @Test
        void the_deck_can_change_until_the_first_round() {
            given(CHOSEN);
            Deck other = TestDecks.small(5, 2);
            when(Actor.FACILITATOR, new UseDeck(other));
            thenAccepted(new DeckChosen(other, AT));
            given(CHOSEN, ROUND1);
            when(Actor.FACILITATOR, new UseDeck(other));
            thenRejected("wrong_phase");
        }

        @Test
        void an_invalid_deck_is_refused_with_its_first_problem() {
            given();
            Deck bad = new Deck("petit", "Petit", null, null, List.of("r"), DECK.structures(),
                    List.of(TestDecks.card(1), TestDecks.card(1)), DECK.grid());
            when(Actor.FACILITATOR, new UseDeck(bad));
            thenRejected("invalid");
            assertThat(((Decision.Rejected<CardsEvent>) decision).message()).contains("numéro en double");
            when(Actor.FACILITATOR, new UseDeck(null));
            thenRejected("invalid");
        }

        @Test
        void only_the_facilitator_chooses() {
            given();
            for (Actor who : List.of(CAMILLE, Actor.GUEST, Actor.SYSTEM)) {
                when(who, new UseDeck(DECK));
                thenRejected("forbidden");
            }
        }

        @Test
        void nothing_happens_before_a_deck() {
            given();
            when(Actor.FACILITATOR, new NextRound());
            thenRejected("wrong_phase");
        }
    }

    @Nested
    class Hands {
        @Test
        void a_participant_raises_and_lowers_a_hand() {
            given(CHOSEN);
            when(SAMI, new RaiseHand());
            thenAccepted(new HandRaised("p-sami", AT));
            given(CHOSEN, new HandRaised("p-sami", T0));
            when(SAMI, new RaiseHand());
            thenAccepted();
            when(SAMI, new LowerHand());
            thenAccepted(new HandLowered("p-sami", AT));
            given(CHOSEN);
            when(SAMI, new LowerHand());
            thenAccepted();
        }

        @Test
        void hands_keep_their_order_and_players_leave_the_queue() {
            given(CHOSEN, new HandRaised("p-sami", T0), new HandRaised("p-camille", T0), new HandRaised("p-lou", T0),
                    new HandLowered("p-sami", T0), new HandRaised("p-sami", T0), ROUND1, ROLES);
            assertThat(state.hands()).containsExactly("p-sami");
        }

        @Test
        void only_active_participants_raise_hands() {
            given(CHOSEN);
            for (Actor who : List.of(Actor.FACILITATOR, Actor.GUEST, GONE, Actor.participant("p-stranger"))) {
                when(who, new RaiseHand());
                thenRejected("forbidden");
            }
        }
    }

    @Nested
    class Roles {
        @Test
        void rounds_start_one_after_the_other() {
            given(CHOSEN);
            when(Actor.FACILITATOR, new NextRound());
            thenAccepted(new RoundStarted(1, AT));
            given(CHOSEN, ROUND1);
            when(Actor.FACILITATOR, new NextRound());
            thenRejected("wrong_phase");
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new DebriefOpened(1, T0));
            when(Actor.FACILITATOR, new NextRound());
            thenAccepted(new RoundStarted(2, AT));
        }

        @Test
        void the_facilitator_assigns_the_roles_by_hand() {
            given(CHOSEN, ROUND1);
            when(Actor.FACILITATOR, new Assign("p-camille", "p-lou"));
            thenAccepted(new RolesAssigned(1, "p-camille", "p-lou", null, AT));
        }

        @Test
        void roles_go_to_two_different_present_participants() {
            given(CHOSEN, ROUND1);
            when(Actor.FACILITATOR, new Assign("p-camille", "p-camille"));
            thenRejected("invalid");
            when(Actor.FACILITATOR, new Assign("p-camille", "p-gone"));
            thenRejected("not_found");
            when(Actor.FACILITATOR, new Assign(null, "p-lou"));
            thenRejected("not_found");
            when(Actor.FACILITATOR, new Assign("p-camille", "p-x"));
            thenRejected("not_found");
        }

        @Test
        void roles_are_given_before_the_scene_and_by_the_facilitator_only() {
            given(CHOSEN);
            when(Actor.FACILITATOR, new Assign("p-camille", "p-lou"));
            thenRejected("wrong_phase");
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            when(Actor.FACILITATOR, new Assign("p-sami", "p-nina"));
            thenRejected("wrong_phase");
            given(CHOSEN, ROUND1);
            when(CAMILLE, new Assign("p-camille", "p-lou"));
            thenRejected("forbidden");
        }

        @Test
        void a_random_pick_takes_two_volunteers_and_records_the_seed() {
            given(CHOSEN, new HandRaised("p-sami", T0), new HandRaised("p-nina", T0), new HandRaised("p-lou", T0), ROUND1);
            Set<String> seen = new HashSet<>();
            for (long seed = 0; seed < 60; seed++) {
                when(Actor.FACILITATOR, new PickRandom(seed));
                RolesAssigned a = (RolesAssigned) accepted();
                assertThat(a.seed()).isEqualTo(seed);
                assertThat(List.of("p-sami", "p-nina", "p-lou")).contains(a.counsellor(), a.beneficiary());
                assertThat(a.counsellor()).isNotEqualTo(a.beneficiary());
                seen.add(a.counsellor() + ">" + a.beneficiary());
                when(Actor.FACILITATOR, new PickRandom(seed));
                assertThat(accepted()).as("same seed, same pick").isEqualTo(a);
            }
            assertThat(seen).as("all six ordered pairs come up").hasSize(6);
        }

        @Test
        void a_random_pick_needs_two_present_volunteers() {
            given(CHOSEN, new HandRaised("p-sami", T0), new HandRaised("p-gone", T0), ROUND1);
            when(Actor.FACILITATOR, new PickRandom(1L));
            thenRejected("wrong_phase");
        }

        @Test
        void a_pick_without_seed_still_picks_and_records_one() {
            given(CHOSEN, new HandRaised("p-sami", T0), new HandRaised("p-nina", T0), ROUND1);
            when(Actor.FACILITATOR, new PickRandom(null));
            assertThat(((RolesAssigned) accepted()).seed()).isNotNull();
        }
    }

    @Nested
    class Draws {
        @Test
        void draws_are_seeded_recorded_and_never_repeat_in_a_session() {
            Deck deck = TestDecks.small(6, 2);
            given(new DeckChosen(deck, T0), ROUND1, ROLES);
            List<Integer> drawn = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                when(Actor.FACILITATOR, new DrawCase((long) i * 7919));
                CaseDrawn d = (CaseDrawn) accepted();
                assertThat(d.seed()).isEqualTo((long) i * 7919);
                assertThat(drawn).doesNotContain(d.number());
                drawn.add(d.number());
                state = format.evolve(state, d);
            }
            assertThat(drawn).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
            assertThat(state.current().casesDrawn()).isEqualTo(drawn);
            assertThat(state.current().caseNumber()).isEqualTo(drawn.get(5));
            when(Actor.FACILITATOR, new DrawCase(1L));
            thenRejected("wrong_phase");
        }

        @Test
        void cards_drawn_in_earlier_rounds_are_not_drawn_again() {
            Deck deck = TestDecks.small(2, 2);
            given(new DeckChosen(deck, T0), ROUND1, ROLES, new CaseDrawn(1, 1, 0, T0), new StructureDrawn(1, "cio", 0, T0),
                    SCENE, new DebriefOpened(1, T0), new RoundStarted(2, T0));
            for (long seed = 0; seed < 20; seed++) {
                when(Actor.FACILITATOR, new DrawCase(seed));
                assertThat(((CaseDrawn) accepted()).number()).isEqualTo(2);
                when(Actor.FACILITATOR, new DrawStructure(seed));
                assertThat(((StructureDrawn) accepted()).structureId()).isEqualTo("s1");
            }
        }

        @Test
        void the_counsellor_draws_the_case_and_the_beneficiary_the_structure() {
            given(CHOSEN, ROUND1, ROLES);
            when(CAMILLE, new DrawCase(3L));
            assertThat(accepted()).isInstanceOf(CaseDrawn.class);
            when(LOU, new DrawStructure(3L));
            assertThat(accepted()).isInstanceOf(StructureDrawn.class);
            when(LOU, new DrawCase(3L));
            thenRejected("forbidden");
            when(CAMILLE, new DrawStructure(3L));
            thenRejected("forbidden");
            when(SAMI, new DrawCase(3L));
            thenRejected("forbidden");
        }

        @Test
        void a_card_can_be_redrawn_before_the_scene_only() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO);
            when(Actor.FACILITATOR, new DrawCase(5L));
            assertThat(((CaseDrawn) accepted()).number()).isNotEqualTo(2);
            when(Actor.FACILITATOR, new DrawStructure(5L));
            assertThat(((StructureDrawn) accepted()).structureId()).isNotEqualTo("cio");
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            when(Actor.FACILITATOR, new DrawCase(5L));
            thenRejected("wrong_phase");
            when(Actor.FACILITATOR, new DrawStructure(5L));
            thenRejected("wrong_phase");
        }
    }

    @Nested
    class Scene {
        @Test
        void the_scene_needs_both_roles_and_both_cards() {
            given(CHOSEN, ROUND1);
            when(Actor.FACILITATOR, new StartScene(null));
            thenRejected("wrong_phase");
            given(CHOSEN, ROUND1, ROLES, CASE2);
            when(Actor.FACILITATOR, new StartScene(null));
            thenRejected("wrong_phase");
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO);
            when(Actor.FACILITATOR, new StartScene(null));
            thenAccepted(new SceneStarted(1, null, AT));
        }

        @Test
        void a_player_who_left_must_be_replaced_first() {
            given(CHOSEN, ROUND1, new RolesAssigned(1, "p-camille", "p-gone", null, T0), CASE2, CIO);
            when(Actor.FACILITATOR, new StartScene(null));
            thenRejected("wrong_phase");
        }

        @Test
        void the_timer_is_optional_and_bounded() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO);
            when(Actor.FACILITATOR, new StartScene(300));
            thenAccepted(new SceneStarted(1, AT + 300_000, AT));
            when(Actor.FACILITATOR, new StartScene(9));
            thenRejected("invalid");
            when(Actor.FACILITATOR, new StartScene(3601));
            thenRejected("invalid");
        }

        @Test
        void the_timer_can_be_reset_or_removed_during_the_scene() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            when(Actor.FACILITATOR, new SetTimer(120));
            thenAccepted(new TimerSet(1, AT + 120_000, AT));
            when(Actor.FACILITATOR, new SetTimer(null));
            thenAccepted(new TimerSet(1, null, AT));
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO);
            when(Actor.FACILITATOR, new SetTimer(120));
            thenRejected("wrong_phase");
        }

        @Test
        void the_server_timer_marks_the_time_up_once_and_stale_ones_do_nothing() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, new SceneStarted(1, T0 + 1000, T0));
            assertThat(format.nextDeadline(state)).isEqualTo(Instant.ofEpochMilli(T0 + 1000));
            CardsCommand expiry = format.timeUp(state, Instant.ofEpochMilli(T0 + 1000));
            assertThat(expiry).isEqualTo(new CardsCommand.TimeUp(1, T0 + 1000));
            when(Actor.SYSTEM, expiry);
            thenAccepted(new CardsEvent.TimeUp(1, AT));
            when(CAMILLE, expiry);
            thenRejected("forbidden");
            when(Actor.SYSTEM, new CardsCommand.TimeUp(1, T0 + 999));
            thenAccepted();
            when(Actor.SYSTEM, new CardsCommand.TimeUp(2, T0 + 1000));
            thenAccepted();
            state = format.evolve(state, new CardsEvent.TimeUp(1, AT));
            assertThat(state.current().timeUp()).isTrue();
            assertThat(format.nextDeadline(state)).isNull();
            when(Actor.SYSTEM, expiry);
            thenAccepted();
        }
    }

    @Nested
    class Grids {
        @Test
        void an_observer_saves_a_cleaned_draft_and_the_card_number_is_never_taken_from_the_phone() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            when(SAMI, new SaveGrid(1, grid("card", List.of("99"), "questions", List.of(" Qu'avez-vous aimé ? ", "", "qu'avez-vous aimé ?"),
                    "doors", List.of("cio", "s1"), "worked", List.of("L'écoute\u0007"), "schemes", List.of())));
            thenAccepted(new GridSaved(1, "p-sami", grid("questions", List.of("Qu'avez-vous aimé ?"), "doors", List.of("cio", "s1"),
                    "worked", List.of("L'écoute")), AT));
        }

        @Test
        void the_same_draft_twice_records_nothing() {
            Map<String, List<String>> g = grid("questions", List.of("Q"));
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new GridSaved(1, "p-sami", g, T0));
            when(SAMI, new SaveGrid(1, g));
            thenAccepted();
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            when(SAMI, new SaveGrid(1, Map.of()));
            thenAccepted();
        }

        @Test
        void bad_values_are_invalid() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            for (Map<String, List<String>> bad : List.of(
                    grid("couleur", List.of("rouge")),
                    grid("doors", List.of("caf")),
                    grid("worked", List.of("a", "b")),
                    grid("worked", List.of("x".repeat(CardsFormat.TEXT_MAX + 1))),
                    grid("questions", List.of("q".repeat(CardsFormat.ITEM_MAX + 1))),
                    grid("questions", java.util.stream.IntStream.range(0, CardsFormat.ITEMS_MAX + 1).mapToObj(i -> "q" + i).toList()))) {
                when(SAMI, new SaveGrid(1, bad));
                thenRejected("invalid");
            }
            when(SAMI, new SaveGrid(1, null));
            thenRejected("invalid");
        }

        @Test
        void players_do_not_fill_grids_and_only_the_current_round_takes_them() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            when(CAMILLE, new SaveGrid(1, grid("questions", List.of("Q"))));
            thenRejected("forbidden");
            when(SAMI, new SaveGrid(2, grid("questions", List.of("Q"))));
            thenRejected("not_found");
            when(Actor.FACILITATOR, new SaveGrid(1, grid("questions", List.of("Q"))));
            thenRejected("forbidden");
        }

        @Test
        void grids_are_open_during_the_scene_and_the_feelings_only() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO);
            when(SAMI, new SaveGrid(1, grid("questions", List.of("Q"))));
            thenRejected("wrong_phase");
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new FeelingsOpened(1, T0));
            when(SAMI, new SaveGrid(1, grid("questions", List.of("Q"))));
            assertThat(accepted()).isInstanceOf(GridSaved.class);
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new DebriefOpened(1, T0));
            when(SAMI, new SaveGrid(1, grid("questions", List.of("Q"))));
            thenRejected("wrong_phase");
        }
    }

    @Nested
    class Debrief {
        @Test
        void feelings_then_debrief() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO);
            when(Actor.FACILITATOR, new OpenFeelings());
            thenRejected("wrong_phase");
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            when(Actor.FACILITATOR, new OpenFeelings());
            thenAccepted(new FeelingsOpened(1, AT));
            when(Actor.FACILITATOR, new OpenDebrief());
            thenAccepted(new DebriefOpened(1, AT));
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new FeelingsOpened(1, T0));
            when(Actor.FACILITATOR, new OpenDebrief());
            thenAccepted(new DebriefOpened(1, AT));
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new DebriefOpened(1, T0));
            when(Actor.FACILITATOR, new OpenDebrief());
            thenRejected("wrong_phase");
        }

        @Test
        void the_two_players_share_their_feelings() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            when(CAMILLE, new ShareFeeling(1, "Stressant"));
            thenRejected("wrong_phase");
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new FeelingsOpened(1, T0));
            when(CAMILLE, new ShareFeeling(1, "  Stressant mais utile "));
            thenAccepted(new FeelingShared(1, "p-camille", "Stressant mais utile", AT));
            when(LOU, new ShareFeeling(1, "Écouté"));
            thenAccepted(new FeelingShared(1, "p-lou", "Écouté", AT));
            when(SAMI, new ShareFeeling(1, "Moi aussi"));
            thenRejected("forbidden");
            when(LOU, new ShareFeeling(1, " "));
            thenRejected("invalid");
            when(LOU, new ShareFeeling(2, "Écouté"));
            thenRejected("not_found");
        }

        @Test
        void the_aggregate_tallies_doors_and_schemes_and_lists_texts() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE,
                    new GridSaved(1, "p-sami", grid("questions", List.of("Depuis quand ?", "Quel diplôme ?"), "doors", List.of("cio", "s1"),
                            "schemes", List.of("CEJ"), "worked", List.of("L'écoute")), T0),
                    new GridSaved(1, "p-nina", grid("questions", List.of("depuis QUAND ?"), "doors", List.of("s1"),
                            "schemes", List.of("cej", "VAE")), T0),
                    new DebriefOpened(1, T0));
            CardsViews.Aggregate a = CardsViews.aggregate(DECK, state.current());
            assertThat(a.grids()).isEqualTo(2);
            assertThat(a.fields()).extracting(CardsViews.FieldAggregate::id).containsExactly("questions", "doors", "schemes", "worked");
            assertThat(a.fields().get(0).tally()).containsExactly(
                    new CardsViews.Tally("depuis quand ?", "Depuis quand ?", 2), new CardsViews.Tally("quel diplome ?", "Quel diplôme ?", 1));
            assertThat(a.fields().get(1).tally()).containsExactly(
                    new CardsViews.Tally("s1", "Nom s1", 2), new CardsViews.Tally("cio", "Nom cio", 1));
            assertThat(a.fields().get(2).tally()).extracting(CardsViews.Tally::count).containsExactly(2, 1);
            assertThat(a.fields().get(3).texts()).containsExactly("L'écoute");
        }
    }

    @Nested
    class ResultsAndImpact {
        @Test
        void results_hold_each_played_round_and_the_most_cited_structures_and_schemes() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE,
                    new GridSaved(1, "p-sami", grid("doors", List.of("cio", "s1"), "schemes", List.of("CEJ")), T0),
                    new DebriefOpened(1, T0), new RoundStarted(2, T0),
                    new RolesAssigned(2, "p-sami", "p-nina", 42L, T0), new CaseDrawn(2, 3, 1, T0), new CaseDrawn(2, 4, 2, T0),
                    new StructureDrawn(2, "s1", 3, T0), new SceneStarted(2, null, T0),
                    new GridSaved(2, "p-camille", grid("doors", List.of("s1"), "schemes", List.of("cej", "VAE")), T0),
                    new DebriefOpened(2, T0), new RoundStarted(3, T0));
            Results r = CardsViews.results(state, roster);
            assertThat(r.roundsPlayed()).isEqualTo(2);
            assertThat(r.rounds()).extracting(CardsViews.RoundResult::caseNumber).containsExactly(2, 4);
            assertThat(r.rounds().get(1).casesDrawn()).containsExactly(3, 4);
            assertThat(r.rounds().get(1).caseTitle()).isEqualTo("Titre 4");
            assertThat(r.rounds().get(1).counsellor()).isEqualTo("Sami");
            assertThat(r.rounds().get(1).beneficiary()).isEqualTo("Nina");
            assertThat(r.rounds().get(0).structureName()).isEqualTo("Nom cio");
            assertThat(r.topStructures()).containsExactly(new CardsViews.Tally("s1", "Nom s1", 2), new CardsViews.Tally("cio", "Nom cio", 1));
            assertThat(r.topSchemes()).containsExactly(new CardsViews.Tally("cej", "CEJ", 2), new CardsViews.Tally("vae", "VAE", 1));
            String json = toJson(r);
            assertThat(json).doesNotContain("BRIEFING-SECRET").doesNotContain("NOTES-ANIMATION");
        }

        @Test
        void events_and_state_survive_json() throws Exception {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new GridSaved(1, "p-sami", grid("doors", List.of("cio")), T0));
            CardsState back = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(state), CardsState.class);
            assertThat(back).isEqualTo(state);
            assertThat(state.current().stage()).isEqualTo(Stage.SCENE);
            CardsEvent e = Json.MAPPER.readValue(Json.MAPPER.writerFor(CardsEvent.class).writeValueAsString(CASE2), CardsEvent.class);
            assertThat(e).isEqualTo(CASE2);
            CardsCommand c = Json.MAPPER.readValue("{\"type\":\"cards.saveGrid\",\"round\":1,\"answers\":{\"doors\":[\"cio\"]}}", CardsCommand.class);
            assertThat(c).isEqualTo(new SaveGrid(1, Map.of("doors", List.of("cio"))));
        }

        @Test
        void private_events_change_only_their_author_s_phone() {
            assertThat(format.impact(new GridSaved(1, "p-sami", Map.of(), T0))).isEqualTo(Impact.only("p-sami"));
            assertThat(format.impact(new HandRaised("p-sami", T0))).as("every phone shows the volunteer count").isEqualTo(Impact.ALL);
            assertThat(format.impact(new FeelingShared(1, "p-lou", "x", T0))).isEqualTo(Impact.only("p-lou"));
            assertThat(format.impact(CASE2)).isEqualTo(Impact.ALL);
        }

        @Test
        void each_role_sees_its_side_of_the_card() {
            given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
            String counsellor = toJson(format.view(state, roster, new Audience.Participant("p-camille")));
            String beneficiary = toJson(format.view(state, roster, new Audience.Participant("p-lou")));
            String observer = toJson(format.view(state, roster, new Audience.Participant("p-sami")));
            String screen = toJson(format.view(state, roster, Audience.PROJECTOR));
            String console = toJson(format.view(state, roster, Audience.FACILITATOR));
            assertThat(counsellor).contains("Situation lue à voix haute 2").doesNotContain("BRIEFING-SECRET-2").contains("\"role\":\"counsellor\"");
            assertThat(beneficiary).contains("BRIEFING-SECRET-2").contains("\"role\":\"beneficiary\"");
            assertThat(observer).doesNotContain("BRIEFING-SECRET-2").contains("\"grid\"").contains("\"card\":[\"2\"]");
            assertThat(screen).contains("Situation lue à voix haute 2").contains("MISSIONS-cio").doesNotContain("BRIEFING").doesNotContain("NOTES");
            assertThat(console).contains("BRIEFING-SECRET-2").contains("NOTES-ANIMATION-2");
            for (String phoneOrScreen : List.of(counsellor, beneficiary, observer, screen)) {
                assertThat(phoneOrScreen).doesNotContain("NOTES-ANIMATION").doesNotContain("Titre 1").doesNotContain("Titre 3");
            }
        }
    }

    static String toJson(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
