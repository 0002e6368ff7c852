package fr.atelier.workshops.prioritisation;

import static fr.atelier.workshops.prioritisation.PrioritisationFormatTest.C1;
import static fr.atelier.workshops.prioritisation.PrioritisationFormatTest.C2;
import static fr.atelier.workshops.prioritisation.PrioritisationFormatTest.ROSTER;
import static fr.atelier.workshops.prioritisation.PrioritisationFormatTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.DotsPlaced;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Grouped;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ProfileChosen;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Proposed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.Revealed;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.StageChanged;
import fr.atelier.workshops.prioritisation.PrioritisationEvent.ThemeCreated;
import fr.atelier.workshops.prioritisation.PrioritisationState.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prioritisation's rows take counts and ranks from the results, and read the same from their JSON. */
class PrioritisationResultRowsTest {
    static PrioritisationState played() {
        PrioritisationFormat f = new PrioritisationFormat();
        PrioritisationState s = f.initialState();
        for (PrioritisationEvent e : List.of(C1, C2, new ProfileChosen("p-anna", "young", T0), new ThemeCreated("t1", "Horaires", T0),
                new Grouped("t1", List.of("c1"), T0), new Proposed("p1", "Forum des métiers", null, null, "facilitator", null, T0),
                new StageChanged(Stage.VOTE, T0), new DotsPlaced("p-anna", "p1", 2, T0), new Revealed(T0))) {
            s = f.evolve(s, e);
        }
        return s;
    }

    @Test
    void the_summary_counts_this_session_s_contributions_and_voters() {
        PrioritisationResultRows rows = PrioritisationResultRows.of(played(), ROSTER);

        assertThat(rows.summary()).isEqualTo(new PrioritisationResultRows.Summary(2, 1, true));
    }

    @Test
    void contributions_carry_their_theme_s_name_and_themes_end_with_the_unthemed_ones() {
        PrioritisationResultRows rows = PrioritisationResultRows.of(played(), ROSTER);

        assertThat(rows.contributions()).extracting(PrioritisationResultRows.Contribution::themeName).containsExactly("Horaires", null);
        assertThat(rows.contributions()).extracting(PrioritisationResultRows.Contribution::state).containsOnly("visible");
        assertThat(rows.themes()).extracting(PrioritisationResultRows.Theme::name).containsExactly("Horaires", null);
        assertThat(rows.themes()).extracting(PrioritisationResultRows.Theme::count).containsExactly(1, 1);
        assertThat(rows.themes().get(0).byCategory()).hasSize(Vocabulary.CATEGORIES.size());
        assertThat(rows.ranking()).extracting(Tally.Row::text, Tally.Row::dots)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Forum des métiers", 2));
        assertThat(rows.profiles()).extracting(PrioritisationResultRows.Profile::profile).contains("young");
    }

    @Test
    void the_results_read_back_from_their_json_give_the_same_rows() {
        PrioritisationViews.Results results = PrioritisationViews.results(played(), ROSTER);
        PrioritisationViews.Results back = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(results), PrioritisationViews.Results.class);

        assertThat(PrioritisationResultRows.of(back)).isEqualTo(PrioritisationResultRows.of(results));
    }
}
