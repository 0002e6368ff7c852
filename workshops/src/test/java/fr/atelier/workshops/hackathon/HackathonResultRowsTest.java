package fr.atelier.workshops.hackathon;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.hackathon.HackathonScoring.Tally;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonViews.FieldResult;
import fr.atelier.workshops.hackathon.HackathonViews.IdeaResult;
import fr.atelier.workshops.hackathon.HackathonViews.Results;
import fr.atelier.workshops.hackathon.HackathonViews.TeamResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hackathon's rows take tallies, ranks, prizes and positions from the results, and read the same from their JSON. */
class HackathonResultRowsTest {
    static final Tally JURY = new Tally(2, Map.of("impact", 4.5), 4.5, 1);
    static final Tally ROOM = new Tally(0, Map.of(), null, null);
    static final TeamResult TEAM = new TeamResult("t1", "Les Défricheurs", "c1", "Se déplacer", List.of("Camille", "Lou"),
            List.of(new FieldResult("persona", "Persona : qui est-ce ?", "Inès", 3)),
            List.of(new FieldResult("name", "Nom de la solution", "Stage Express", 1), new FieldResult("pitch", "Le pitch", "  ", 2)),
            List.of(new IdeaResult("i1", "Covoiturage", "Lou", 2)), JURY, ROOM, true, false, 2);
    static final Results RESULTS = new Results("kit", "Défis", Stage.RESULTS, true, List.of(),
            List.of(new HackathonKit.Criterion("impact", "Impact", 3, null)), List.of(TEAM), List.of("t1"), List.of(), List.of(), 2, 0);

    @Test
    void a_team_row_carries_what_the_results_computed() {
        HackathonResultRows.Team t = HackathonResultRows.of(RESULTS).teams().get(0);

        assertThat(t.pitchPosition()).isEqualTo(2);
        assertThat(t.jury()).isEqualTo(JURY);
        assertThat(t.juryPrize()).isTrue();
        assertThat(t.ideas()).isEqualTo(1);
        assertThat(t.solution()).containsExactly("Stage Express", "  ", "", "", "", "");
        assertThat(t.solutionOrNull("name")).isEqualTo("Stage Express");
        assertThat(t.solutionOrNull("pitch")).isNull();
    }

    @Test
    void the_other_sections_list_criteria_ideas_and_every_canvas_field_per_team() {
        HackathonResultRows rows = HackathonResultRows.of(RESULTS);

        assertThat(rows.criteria()).containsExactly(new HackathonResultRows.CriterionScore("Les Défricheurs", "Impact", 3, 4.5, null));
        assertThat(rows.ideas()).containsExactly(new HackathonResultRows.Idea("Les Défricheurs", "Covoiturage", "Lou", 2));
        assertThat(rows.fields()).extracting(HackathonResultRows.Field::canvas).containsExactly("problem", "solution", "solution");
    }

    @Test
    void the_results_read_back_from_their_json_give_the_same_rows() {
        Results back = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(RESULTS), Results.class);

        assertThat(HackathonResultRows.of(back)).isEqualTo(HackathonResultRows.of(RESULTS));
    }
}
