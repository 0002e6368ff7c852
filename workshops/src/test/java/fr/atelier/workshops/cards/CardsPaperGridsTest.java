package fr.atelier.workshops.cards;

import static fr.atelier.workshops.cards.CardsFormatTest.AT;
import static fr.atelier.workshops.cards.CardsFormatTest.CASE2;
import static fr.atelier.workshops.cards.CardsFormatTest.CHOSEN;
import static fr.atelier.workshops.cards.CardsFormatTest.CIO;
import static fr.atelier.workshops.cards.CardsFormatTest.DECK;
import static fr.atelier.workshops.cards.CardsFormatTest.ROLES;
import static fr.atelier.workshops.cards.CardsFormatTest.ROSTER;
import static fr.atelier.workshops.cards.CardsFormatTest.ROUND1;
import static fr.atelier.workshops.cards.CardsFormatTest.SAMI;
import static fr.atelier.workshops.cards.CardsFormatTest.SCENE;
import static fr.atelier.workshops.cards.CardsFormatTest.T0;
import static fr.atelier.workshops.cards.CardsFormatTest.grid;
import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.cards.CardsCommand.AddPaperGrid;
import fr.atelier.workshops.cards.CardsCommand.RemovePaperGrid;
import fr.atelier.workshops.cards.CardsEvent.DebriefOpened;
import fr.atelier.workshops.cards.CardsEvent.GridSaved;
import fr.atelier.workshops.cards.CardsEvent.PaperGridAdded;
import fr.atelier.workshops.cards.CardsEvent.PaperGridRemoved;
import fr.atelier.workshops.cards.CardsEvent.RoundStarted;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.DeciderTest;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Json;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Paper observation grids typed in by the facilitator: given events, when a command, then the whole decision. */
class CardsPaperGridsTest extends DeciderTest<CardsState, CardsCommand, CardsEvent> {
    static final DebriefOpened DEBRIEF1 = new DebriefOpened(1, T0);

    CardsPaperGridsTest() {
        super(new CardsFormat(), ROSTER);
    }

    @Test
    void the_facilitator_types_a_paper_grid_in_for_a_played_round_cleaned_as_a_phone_grid() {
        given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, DEBRIEF1);
        when(Actor.FACILITATOR, new AddPaperGrid(1, grid("card", List.of("2"), "questions", List.of(" Votre parcours ? ", "votre parcours ?"),
                "doors", List.of("cio"), "worked", List.of("L'écoute"))));
        thenAccepted(new PaperGridAdded(1, "paper-1", grid("questions", List.of("Votre parcours ?"), "doors", List.of("cio"),
                "worked", List.of("L'écoute")), AT));
    }

    @Test
    void paper_grids_are_numbered_in_their_round_and_an_earlier_round_still_takes_them() {
        given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, DEBRIEF1,
                new PaperGridAdded(1, "paper-1", grid("questions", List.of("Q")), T0),
                new PaperGridAdded(1, "paper-2", grid("questions", List.of("R")), T0),
                new PaperGridRemoved(1, "paper-1", T0),
                new RoundStarted(2, T0));
        when(Actor.FACILITATOR, new AddPaperGrid(1, grid("questions", List.of("S"))));
        thenAccepted(new PaperGridAdded(1, "paper-3", grid("questions", List.of("S")), AT));
    }

    @Test
    void a_paper_grid_is_refused_for_a_round_not_played_or_unknown() {
        given(CHOSEN, ROUND1, ROLES, CASE2, CIO);
        when(Actor.FACILITATOR, new AddPaperGrid(1, grid("questions", List.of("Q"))));
        thenRejected("wrong_phase");
        assertThat(message()).contains("pas encore été jouée");
        when(Actor.FACILITATOR, new AddPaperGrid(2, grid("questions", List.of("Q"))));
        thenRejected("not_found");
        assertThat(message()).contains("manche 2");
        when(Actor.FACILITATOR, new AddPaperGrid(null, grid("questions", List.of("Q"))));
        thenRejected("not_found");
        given();
        when(Actor.FACILITATOR, new AddPaperGrid(1, grid("questions", List.of("Q"))));
        thenRejected("wrong_phase");
    }

    @Test
    void a_card_number_other_than_the_rounds_card_points_at_the_wrong_round() {
        given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
        when(Actor.FACILITATOR, new AddPaperGrid(1, grid("card", List.of("3"), "questions", List.of("Q"))));
        thenRejected("invalid");
        assertThat(message()).isEqualTo("Cette grille porte la carte n° 3, mais la manche 1 a joué la carte n° 2 : vérifiez la manche.");
        when(Actor.FACILITATOR, new AddPaperGrid(1, grid("card", List.of("deux"), "questions", List.of("Q"))));
        thenRejected("invalid");
        when(Actor.FACILITATOR, new AddPaperGrid(1, grid("card", List.of("n° 2"), "questions", List.of("Q"))));
        thenAccepted(new PaperGridAdded(1, "paper-1", grid("questions", List.of("Q")), AT));
    }

    @Test
    void invalid_or_empty_fields_are_refused_and_change_nothing() {
        given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
        for (Map<String, List<String>> bad : List.of(
                grid("couleur", List.of("rouge")),
                grid("doors", List.of("caf")),
                grid("worked", List.of("a", "b")),
                grid("worked", List.of("x".repeat(CardsFormat.TEXT_MAX + 1))),
                grid("questions", IntStream.range(0, CardsFormat.ITEMS_MAX + 1).mapToObj(i -> "q" + i).toList()),
                grid("questions", List.of(" ", "")),
                grid("card", List.of("2")),
                Map.<String, List<String>>of())) {
            when(Actor.FACILITATOR, new AddPaperGrid(1, bad));
            thenRejected("invalid");
        }
        when(Actor.FACILITATOR, new AddPaperGrid(1, null));
        thenRejected("invalid");
    }

    @Test
    void only_the_facilitator_types_paper_grids_in() {
        given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE);
        when(SAMI, new AddPaperGrid(1, grid("questions", List.of("Q"))));
        thenRejected("forbidden");
        given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new PaperGridAdded(1, "paper-1", grid("questions", List.of("Q")), T0));
        when(SAMI, new RemovePaperGrid(1, "paper-1"));
        thenRejected("forbidden");
    }

    @Test
    void a_paper_grid_is_removed_by_its_id_and_a_phone_grid_never_is() {
        given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE, new GridSaved(1, "p-sami", grid("questions", List.of("Q")), T0),
                new PaperGridAdded(1, "paper-1", grid("questions", List.of("Q")), T0));
        when(Actor.FACILITATOR, new RemovePaperGrid(1, "paper-1"));
        thenAccepted(new PaperGridRemoved(1, "paper-1", AT));
        when(Actor.FACILITATOR, new RemovePaperGrid(1, "p-sami"));
        thenRejected("not_found");
        when(Actor.FACILITATOR, new RemovePaperGrid(2, "paper-1"));
        thenRejected("not_found");
    }

    @Test
    void a_round_takes_a_bounded_number_of_paper_grids() {
        List<CardsEvent> events = new java.util.ArrayList<>(List.of(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE));
        for (int i = 1; i <= PaperGrids.PER_ROUND_MAX; i++) {
            events.add(new PaperGridAdded(1, "paper-" + i, grid("questions", List.of("Q")), T0));
        }
        given(events);
        when(Actor.FACILITATOR, new AddPaperGrid(1, grid("questions", List.of("Q"))));
        thenRejected("invalid");
    }

    @Test
    void paper_grids_count_in_the_debrief_and_the_results_as_phone_grids_marked_as_paper() {
        given(CHOSEN, ROUND1, ROLES, CASE2, CIO, SCENE,
                new GridSaved(1, "p-sami", grid("doors", List.of("cio"), "questions", List.of("Votre parcours ?")), T0),
                new PaperGridAdded(1, "paper-1", grid("doors", List.of("cio", "s1"), "questions", List.of("votre parcours ?")), T0),
                DEBRIEF1);
        CardsViews.Aggregate a = CardsViews.aggregate(DECK, state.current());
        assertThat(a.grids()).isEqualTo(2);
        assertThat(a.paper()).isEqualTo(1);
        CardsViews.FieldAggregate doors = a.fields().stream().filter(f -> f.id().equals("doors")).findFirst().orElseThrow();
        assertThat(doors.tally()).extracting(CardsViews.Tally::key, CardsViews.Tally::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cio", 2), org.assertj.core.groups.Tuple.tuple("s1", 1));
        CardsViews.Results results = CardsViews.results(state, ROSTER);
        assertThat(results.rounds().get(0).grids()).isEqualTo(2);
        assertThat(results.rounds().get(0).paperGrids()).isEqualTo(1);
        assertThat(results.topStructures().get(0).count()).isEqualTo(2);
        CardsResultRows rows = CardsResultRows.of(results);
        assertThat(rows.rounds().get(0).paperGrids()).isEqualTo(1);
        assertThat(rows.grid()).anyMatch(l -> "questions".equals(l.fieldId()) && Integer.valueOf(2).equals(l.mentions()));
        CardsViews.ConsoleView console = (CardsViews.ConsoleView) format.view(state, ROSTER, Audience.FACILITATOR);
        assertThat(console.paper()).containsExactly(new CardsViews.PaperGrid(1, "paper-1",
                grid("doors", List.of("cio", "s1"), "questions", List.of("votre parcours ?"))));
        assertThat(Json.MAPPER.valueToTree(results).toString()).doesNotContain("paper-1");
    }

    @Test
    void paper_grids_change_no_phone_and_replay_from_json() throws Exception {
        CardsEvent added = new PaperGridAdded(1, "paper-1", grid("questions", List.of("Q")), T0);
        assertThat(format.impact(added)).isEqualTo(Impact.AGGREGATES_ONLY);
        assertThat(format.impact(new PaperGridRemoved(1, "paper-1", T0))).isEqualTo(Impact.AGGREGATES_ONLY);
        String json = Json.MAPPER.writeValueAsString(added);
        assertThat(json).contains("\"type\":\"cards.paperGridAdded\"");
        assertThat(Json.MAPPER.readValue(json, CardsEvent.class)).isEqualTo(added);
        CardsCommand command = Json.MAPPER.readValue("{\"type\":\"cards.addPaperGrid\",\"round\":1,\"answers\":{\"questions\":[\"Q\"]}}",
                CardsCommand.class);
        assertThat(command).isEqualTo(new AddPaperGrid(1, grid("questions", List.of("Q"))));
    }
}
