package fr.atelier.workshops.quiz;

import static fr.atelier.workshops.quiz.QuizFormatTest.ROSTER;
import static fr.atelier.workshops.quiz.QuizFormatTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.quiz.QuizEvent.Answered;
import fr.atelier.workshops.quiz.QuizEvent.QuestionLocked;
import fr.atelier.workshops.quiz.QuizEvent.QuestionRevealed;
import fr.atelier.workshops.quiz.QuizEvent.QuestionShown;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quiz's rows take ranks, points and counts from the results, read the same from their JSON, and name people by id for the archive. */
class QuizResultRowsTest {
    /** Live game, no speed bonus: t1 (Lou) right on q01, t2 (Sami) wrong; q02 shown, nobody answered. */
    static QuizState played() {
        QuizFormat f = new QuizFormat();
        List<QuizEvent> events = new ArrayList<>(QuizFormatTest.teams());
        events.addAll(List.of(new QuizEvent.Configured(new QuizSettings(QuizSettings.Pacing.LIVE, null, null, false, true, null, true), T0),
                new QuizEvent.Started(T0, null),
                new QuestionShown("q01", 0, T0, null),
                new Answered("q01", "t1", "p-lou", AnswerValue.ofChoices(List.of("a")), T0 + 9_000, List.of("p-lou")),
                new Answered("q01", "t2", "p-sami", AnswerValue.ofChoices(List.of("b")), T0 + 4_000, List.of("p-sami")),
                new QuestionLocked("q01", T0 + 10_000), new QuestionRevealed("q01", T0 + 10_000),
                new QuestionShown("q02", 1, T0 + 20_000, null)));
        QuizState s = f.initialState();
        for (QuizEvent e : events) {
            s = f.evolve(s, e);
        }
        return s;
    }

    @Test
    void no_rows_before_a_bank_is_chosen() {
        assertThat(QuizResultRows.of(new QuizFormat().initialState(), ROSTER)).isNull();
    }

    @Test
    void teams_ranked_questions_in_order_played_and_each_counted_answer_with_its_question_position() {
        QuizResultRows rows = QuizResultRows.of(played(), ROSTER);

        assertThat(rows.game().live()).isTrue();
        assertThat(rows.game().questionsPlayed()).isEqualTo(2);
        assertThat(rows.teams()).extracting(QuizResultRows.Team::name).containsExactly("Les Orienteurs", "Cap Avenir");
        assertThat(rows.teams().get(0).rank()).isEqualTo(1);
        assertThat(rows.teams().get(0).members()).containsExactly("Camille", "Lou");
        assertThat(rows.questions()).extracting(QuizResultRows.Question::questionId).containsExactly("q01", "q02");
        assertThat(rows.questions().get(0).answered()).isEqualTo(2);
        assertThat(rows.questions().get(0).right()).isEqualTo(1);
        assertThat(rows.answers()).extracting(QuizResultRows.Answer::teamName, QuizResultRows.Answer::position,
                QuizResultRows.Answer::right, QuizResultRows.Answer::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Les Orienteurs", 1, true, "Lou"),
                        org.assertj.core.groups.Tuple.tuple("Cap Avenir", 1, false, "Sami"));
        assertThat(rows.participants()).extracting(QuizResultRows.Participant::nickname, QuizResultRows.Participant::rightFinalAnswers)
                .contains(org.assertj.core.groups.Tuple.tuple("Lou", 1), org.assertj.core.groups.Tuple.tuple("Sami", 0));
    }

    @Test
    void the_archive_roster_names_everyone_by_id() {
        QuizResultRows rows = QuizResultRows.of(played(), QuizResultRows.byId(played()));

        assertThat(rows.answers()).extracting(QuizResultRows.Answer::by).containsExactly("p-lou", "p-sami");
        assertThat(rows.participants()).extracting(QuizResultRows.Participant::nickname)
                .containsExactlyInAnyOrder("p-camille", "p-lou", "p-sami");
        assertThat(rows.teams().get(0).members()).containsExactly("p-camille", "p-lou");
    }

    @Test
    void the_results_read_back_from_their_json_give_the_same_rows() {
        QuizViews.Results results = QuizViews.results(played(), ROSTER);
        QuizViews.Results back = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(results), QuizViews.Results.class);

        assertThat(QuizResultRows.of(back)).isEqualTo(QuizResultRows.of(results));
    }
}
