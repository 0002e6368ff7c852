package fr.atelier.workshops.poll;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The poll's rows for its archive tables and CSV section, from the state or from the results read back from JSON. */
class PollResultRowsTest {
    static final PollState STATE = new PollState(List.of(
            Poll.open("q1", "Quel site ?", List.of("Onisep", "CIO"), 1, null, 0).answer("p1", 1).answer("p2", 1).answer("p3", 0),
            Poll.open("q2", "Et ensuite ?", List.of("Oui", "Non"), null, null, 0)));

    @Test
    void one_row_per_question_in_order_asked_and_one_per_option_with_its_votes() {
        PollResultRows rows = PollResultRows.of(STATE);

        assertThat(rows.questions()).containsExactly(
                new PollResultRows.Question("q1", 1, "Quel site ?", 3, List.of(
                        new PollResultRows.Option(0, "Onisep", 1, false),
                        new PollResultRows.Option(1, "CIO", 2, true))),
                new PollResultRows.Question("q2", 2, "Et ensuite ?", 0, List.of(
                        new PollResultRows.Option(0, "Oui", 0, false),
                        new PollResultRows.Option(1, "Non", 0, false))));
    }

    @Test
    void the_results_read_back_from_their_json_give_the_same_rows() throws Exception {
        String json = Json.MAPPER.writeValueAsString(PollViews.results(STATE));
        List<PollViews.Result> back = List.of(Json.MAPPER.readValue(json, PollViews.Result[].class));

        assertThat(PollResultRows.of(back)).isEqualTo(PollResultRows.of(STATE));
    }
}
