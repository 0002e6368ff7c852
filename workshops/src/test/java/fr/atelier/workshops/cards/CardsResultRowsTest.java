package fr.atelier.workshops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.cards.CardsState.Stage;
import fr.atelier.workshops.cards.CardsViews.FeelingResult;
import fr.atelier.workshops.cards.CardsViews.FieldAggregate;
import fr.atelier.workshops.cards.CardsViews.Results;
import fr.atelier.workshops.cards.CardsViews.RoundResult;
import fr.atelier.workshops.cards.CardsViews.Tally;
import fr.atelier.workshops.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card game's rows take rounds, aggregates and tallies from the results, and read the same from their JSON. */
class CardsResultRowsTest {
    static final RoundResult ROUND = new RoundResult(2, Stage.DEBRIEF, 4, "Titre 4", "s1", "Nom s1", "Sami", "Nina", List.of(3, 4),
            List.of("s1"), 1_000L, 2, 1, List.of(
                    new FieldAggregate("doors", "Portes", GridField.STRUCTURES, List.of(new Tally("s1", "Nom s1", 2)), null),
                    new FieldAggregate("notes", "Notes", GridField.TEXT, null, List.of("L'écoute"))));
    static final Results RESULTS = new Results("deck", "Jeu", 1, List.of(ROUND), List.of(new Tally("s1", "Nom s1", 2)), List.of(),
            List.of(new FeelingResult(CardsState.COUNSELLOR, "Bien")));

    @Test
    void a_round_row_counts_both_cards_redraws_and_its_paper_grids() {
        assertThat(CardsResultRows.of(RESULTS).rounds()).containsExactly(
                new CardsResultRows.Round(2, 4, "Titre 4", "s1", "Nom s1", "Sami", "Nina", 1, 2, 1, 1_000L));
    }

    @Test
    void grid_lines_list_the_cited_items_then_the_free_texts_of_each_field() {
        assertThat(CardsResultRows.of(RESULTS).grid()).containsExactly(
                new CardsResultRows.GridLine(2, "doors", "Portes", GridField.STRUCTURES, "s1", "Nom s1", 2),
                new CardsResultRows.GridLine(2, "notes", "Notes", GridField.TEXT, null, "L'écoute", null));
        assertThat(CardsResultRows.of(RESULTS).grid()).extracting(CardsResultRows.GridLine::cited).containsExactly(true, false);
    }

    @Test
    void no_deck_no_rows() {
        CardsResultRows rows = CardsResultRows.of(new Results(null, null, 0, List.of(), List.of(), List.of(), List.of()));
        assertThat(rows.rounds()).isEmpty();
        assertThat(rows.grid()).isEmpty();
    }

    @Test
    void the_results_read_back_from_their_json_give_the_same_rows() {
        Results back = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(RESULTS), Results.class);

        assertThat(CardsResultRows.of(back)).isEqualTo(CardsResultRows.of(RESULTS));
    }
}
