package fr.atelier.workshops.poll;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.DeciderTest;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.poll.PollCommand.Answer;
import fr.atelier.workshops.poll.PollCommand.Ask;
import fr.atelier.workshops.poll.PollCommand.AskPrepared;
import fr.atelier.workshops.poll.PollCommand.Choose;
import fr.atelier.workshops.poll.PollCommand.MarkAnswered;
import fr.atelier.workshops.poll.PollCommand.Moderate;
import fr.atelier.workshops.poll.PollCommand.Rank;
import fr.atelier.workshops.poll.PollCommand.UseList;
import fr.atelier.workshops.poll.PollCommand.Upvote;
import fr.atelier.workshops.poll.PollCommand.Write;
import fr.atelier.workshops.poll.PollEvent.Answered;
import fr.atelier.workshops.poll.PollEvent.Asked;
import fr.atelier.workshops.poll.PollEvent.Closed;
import fr.atelier.workshops.poll.PollEvent.ListUsed;
import fr.atelier.workshops.poll.PollEvent.MarkedAnswered;
import fr.atelier.workshops.poll.PollEvent.Moderated;
import fr.atelier.workshops.poll.PollEvent.Picked;
import fr.atelier.workshops.poll.PollEvent.Revealed;
import fr.atelier.workshops.poll.PollEvent.Submitted;
import fr.atelier.workshops.poll.PollEvent.Upvoted;
import fr.atelier.workshops.poll.PollEvent.Written;
import fr.atelier.workshops.poll.PollQuestion.Scale;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The question types of issue 17: given poll events, when a command, then the whole decision. */
class PollTypesTest extends DeciderTest<PollState, PollCommand, PollEvent> {
    static final long AT = NOW.toEpochMilli();
    static final long T0 = AT - 60_000;
    static final Actor CAMILLE = Actor.participant("p-camille");
    static final Actor LOU = Actor.participant("p-lou");
    static final Actor SACHA = Actor.participant("p-sacha");
    static final List<String> SITES = List.of("Onisep", "France Travail", "CIO");

    static final Asked MULTI = new Asked("q1", "Lesquels ?", SITES, null, null, T0, PollKind.MULTIPLE, null);
    static final Asked RANKING = new Asked("q1", "Classez", SITES, null, null, T0, PollKind.RANKING, null);
    static final Scale ONE_TO_FIVE = new Scale(1, 5, "Pas du tout", "Tout à fait");
    static final Asked SCALE = new Asked("q1", "Note ?", List.of("1", "2", "3", "4", "5"), null, null, T0, PollKind.SCALE, ONE_TO_FIVE);
    static final Asked WORDS = new Asked("q1", "Un mot ?", List.of(), null, null, T0, PollKind.WORDS, null);
    static final Asked OPEN = new Asked("q1", "Vos freins ?", List.of(), null, null, T0, PollKind.OPEN, null);
    static final Asked QA = new Asked("q1", "Vos questions", List.of(), null, null, T0, PollKind.QA, null);

    static final Roster ROSTER = Roster.EMPTY
            .with(new Roster.Member("p-camille", "Camille", "h1", T0, true))
            .with(new Roster.Member("p-lou", "Lou", "h2", T0, true))
            .with(new Roster.Member("p-sacha", "Sacha", "h3", T0, true));

    PollTypesTest() {
        super(new PollFormat(), ROSTER);
    }

    static Written word(String entry, Actor who, String text) {
        return new Written("q1", entry, ((Actor.Participant) who).id(), text, fr.atelier.workshops.core.Text.foldForComparison(text), false, T0);
    }

    static Submitted asks(String entry, Actor who, String text) {
        return new Submitted("q1", entry, ((Actor.Participant) who).id(), text, fr.atelier.workshops.core.Text.foldForComparison(text), T0);
    }

    PollViews.QuestionView view(Audience audience) {
        return ((PollViews.View) format.view(state, roster, audience)).question();
    }

    @Nested
    class Asking {
        @Test
        void a_scale_gets_its_values_as_options() {
            given();
            when(Actor.FACILITATOR, new Ask(" Note ? ", null, null, null, PollKind.SCALE, new Scale(1, 5, " Pas du tout ", "Tout à fait")));
            thenAccepted(new Asked("q1", "Note ?", List.of("1", "2", "3", "4", "5"), null, null, AT, PollKind.SCALE, ONE_TO_FIVE));
        }

        @Test
        void a_scale_without_bounds_goes_from_1_to_5_and_0_to_10_is_allowed() {
            given();
            when(Actor.FACILITATOR, new Ask("Note ?", null, null, null, PollKind.SCALE, null));
            assertThat(((Asked) events().get(0)).scale()).isEqualTo(new Scale(1, 5, null, null));
            when(Actor.FACILITATOR, new Ask("Note ?", null, null, null, PollKind.SCALE, new Scale(0, 10, null, null)));
            assertThat(((Asked) events().get(0)).options()).hasSize(11);
        }

        @Test
        void a_text_question_has_no_options() {
            given();
            when(Actor.FACILITATOR, new Ask("Un mot ?", List.of(), null, null, PollKind.WORDS, null));
            thenAccepted(new Asked("q1", "Un mot ?", List.of(), null, null, AT, PollKind.WORDS, null));
        }

        @Test
        void a_single_choice_is_written_as_before_the_types() {
            given();
            when(Actor.FACILITATOR, new Ask("Q", SITES, null, null, PollKind.SINGLE, null));
            thenAccepted(new Asked("q1", "Q", SITES, null, null, AT));
        }

        static Stream<Arguments> invalid() {
            return Stream.of(
                    Arguments.of("scale 2 to 7", new Ask("Q", null, null, null, PollKind.SCALE, new Scale(2, 7, null, null))),
                    Arguments.of("scale label of 41", new Ask("Q", null, null, null, PollKind.SCALE, new Scale(1, 5, "x".repeat(41), null))),
                    Arguments.of("options on words", new Ask("Q", SITES, null, null, PollKind.WORDS, null)),
                    Arguments.of("options on a scale", new Ask("Q", SITES, null, null, PollKind.SCALE, null)),
                    Arguments.of("bounds on a choice", new Ask("Q", SITES, null, null, PollKind.SINGLE, ONE_TO_FIVE)),
                    Arguments.of("correct on multiple", new Ask("Q", SITES, 0, null, PollKind.MULTIPLE, null)),
                    Arguments.of("ranking of one", new Ask("Q", List.of("a"), null, null, PollKind.RANKING, null)),
                    Arguments.of("ranking twice the same", new Ask("Q", List.of("CIO", "cio"), null, null, PollKind.RANKING, null)),
                    Arguments.of("qa without text", new Ask(" ", null, null, null, PollKind.QA, null)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalid")
        void invalid_asks_are_refused(String name, Ask ask) {
            given();
            when(Actor.FACILITATOR, ask);
            thenRejected("invalid");
        }
    }

    @Nested
    class Prepared {
        static final PollList LIST = new PollList("echauffement", "Échauffement", null, List.of(
                new PollQuestion(PollKind.WORDS, "Un mot ?", null, null, null, null),
                new PollQuestion(PollKind.SCALE, "Note ?", null, null, 30, ONE_TO_FIVE)));
        static final PollList CLEAN = new PollList("echauffement", "Échauffement", null, List.of(
                new PollQuestion(PollKind.WORDS, "Un mot ?", null, null, null, null),
                new PollQuestion(PollKind.SCALE, "Note ?", null, null, 30, ONE_TO_FIVE)));

        @Test
        void the_facilitator_prepares_a_list_then_asks_from_it() {
            given();
            when(Actor.FACILITATOR, new UseList(LIST));
            thenAccepted(new ListUsed(CLEAN, AT));

            given(new ListUsed(CLEAN, T0));
            when(Actor.FACILITATOR, new AskPrepared(1));
            thenAccepted(new Asked("q1", "Note ?", List.of("1", "2", "3", "4", "5"), null, AT + 30_000, AT, PollKind.SCALE, ONE_TO_FIVE));
        }

        @Test
        void the_same_list_twice_records_nothing() {
            given(new ListUsed(CLEAN, T0));
            when(Actor.FACILITATOR, new UseList(LIST));
            thenAccepted();
        }

        @Test
        void a_list_with_a_bad_question_says_which_and_an_unknown_index_is_not_found() {
            given();
            when(Actor.FACILITATOR, new UseList(new PollList("x", "X", null, List.of(LIST.questions().get(0),
                    new PollQuestion(PollKind.RANKING, "Q", List.of("seule"), null, null, null)))));
            thenRejected("invalid");
            assertThat(message()).startsWith("Question 2 : ");
            when(Actor.FACILITATOR, new UseList(new PollList("x", "X", null, List.of())));
            thenRejected("invalid");

            given(new ListUsed(CLEAN, T0));
            for (Integer i : Arrays.asList(-1, 2, null)) {
                when(Actor.FACILITATOR, new AskPrepared(i));
                thenRejected("not_found");
            }
            given();
            when(Actor.FACILITATOR, new AskPrepared(0));
            thenRejected("not_found");
        }

        @Test
        void only_the_facilitator_prepares() {
            given();
            when(CAMILLE, new UseList(LIST));
            thenRejected("forbidden");
            when(CAMILLE, new AskPrepared(0));
            thenRejected("forbidden");
        }
    }

    @Nested
    class MultipleChoice {
        @Test
        void a_phone_chooses_several_options_kept_in_order() {
            given(MULTI);
            when(CAMILLE, new Choose("q1", List.of(2, 0)));
            thenAccepted(new Picked("q1", "p-camille", List.of(0, 2), AT));
        }

        @Test
        void the_same_choice_again_records_nothing() {
            given(MULTI, new Picked("q1", "p-camille", List.of(0, 2), T0));
            when(CAMILLE, new Choose("q1", List.of(0, 2)));
            thenAccepted();
        }

        static Stream<List<Integer>> bad() {
            return Stream.of(null, List.of(), List.of(3), List.of(-1), List.of(1, 1), Arrays.asList(0, null));
        }

        @ParameterizedTest
        @MethodSource("bad")
        void no_option_an_unknown_one_or_one_twice_is_invalid(List<Integer> options) {
            given(MULTI);
            when(CAMILLE, new Choose("q1", options));
            thenRejected("invalid");
        }

        @Test
        void a_single_answer_to_a_multiple_choice_is_invalid_and_the_reverse() {
            given(MULTI);
            when(CAMILLE, new Answer("q1", 0));
            thenRejected("invalid");
            given(new Asked("q1", "Q", SITES, null, null, T0));
            when(CAMILLE, new Choose("q1", List.of(0)));
            thenRejected("invalid");
        }

        @Test
        void the_distribution_counts_every_choice() {
            given(MULTI, new Picked("q1", "p-camille", List.of(0, 2), T0), new Picked("q1", "p-lou", List.of(2), T0));
            assertThat(state.current().distribution()).containsExactly(1, 0, 2);
            assertThat(state.current().answeredCount()).isEqualTo(2);
        }
    }

    @Nested
    class Ranking {
        @Test
        void a_phone_ranks_every_option() {
            given(RANKING);
            when(CAMILLE, new Rank("q1", List.of(2, 0, 1)));
            thenAccepted(new Picked("q1", "p-camille", List.of(2, 0, 1), AT));
        }

        static Stream<List<Integer>> notPermutations() {
            return Stream.of(null, List.of(), List.of(0, 1), List.of(0, 1, 1), List.of(0, 1, 3), List.of(0, 1, 2, 0),
                    Arrays.asList(0, 1, null));
        }

        @ParameterizedTest
        @MethodSource("notPermutations")
        void a_ranking_that_is_not_a_permutation_is_invalid_and_changes_nothing(List<Integer> order) {
            given(RANKING, new Picked("q1", "p-camille", List.of(1, 0, 2), T0));
            when(CAMILLE, new Rank("q1", order));
            thenRejected("invalid");
            assertThat(message()).contains("3 propositions");
        }

        @Test
        void the_tally_is_the_borda_count() {
            // 3 options: first 2 points, second 1, last 0.
            given(RANKING, new Picked("q1", "p-camille", List.of(2, 0, 1), T0), new Picked("q1", "p-lou", List.of(0, 2, 1), T0),
                    new Picked("q1", "p-sacha", List.of(2, 1, 0), T0));
            assertThat(state.current().distribution()).containsExactly(3, 1, 5);
        }

        @Test
        void a_new_order_replaces_the_old_one() {
            given(RANKING, new Picked("q1", "p-camille", List.of(2, 0, 1), T0), new Picked("q1", "p-camille", List.of(0, 1, 2), T0));
            assertThat(state.current().distribution()).containsExactly(2, 1, 0);
        }
    }

    @Nested
    class ScaleAnswers {
        @Test
        void a_phone_answers_a_scale_with_the_index_of_its_value() {
            given(SCALE);
            when(CAMILLE, new Answer("q1", 4));
            thenAccepted(new Answered("q1", "p-camille", 4, AT));
            when(CAMILLE, new Answer("q1", 5));
            thenRejected("invalid");
        }

        @Test
        void the_mean_is_in_the_result_rows() {
            given(SCALE, new Answered("q1", "p-camille", 4, T0), new Answered("q1", "p-lou", 1, T0));
            PollResultRows.Question q = PollResultRows.of(state).questions().get(0);
            assertThat(q.kind()).isEqualTo("scale");
            assertThat(q.mean()).isEqualTo(3.5); // values 5 and 2
        }
    }

    @Nested
    class WordCloud {
        @Test
        void a_word_is_cleaned_and_folded_for_merging() {
            given(WORDS);
            when(CAMILLE, new Write("q1", "  Écoute\u0007 "));
            thenAccepted(new Written("q1", "e1", "p-camille", "Écoute", "ecoute", false, AT));
        }

        @Test
        void words_merge_without_case_and_accents_in_their_most_frequent_spelling() {
            given(WORDS, word("e1", CAMILLE, "Écoute"), word("e2", LOU, "écoute"), word("e3", SACHA, "Écoute"),
                    word("e4", SACHA, "Réseau"));
            assertThat(view(Audience.PROJECTOR).cloud()).containsExactly(new PollViews.Word("Écoute", 3), new PollViews.Word("Réseau", 1));
        }

        @Test
        void the_same_word_twice_from_a_phone_counts_once() {
            given(WORDS, word("e1", CAMILLE, "Écoute"));
            when(CAMILLE, new Write("q1", "ECOUTE"));
            thenAccepted();
        }

        @Test
        void a_word_over_the_length_limit_is_refused_and_changes_nothing() {
            given(WORDS);
            when(CAMILLE, new Write("q1", "x".repeat(PollAnswers.WORD_MAX + 1)));
            thenRejected("too_long");
            when(CAMILLE, new Write("q1", "x".repeat(PollAnswers.WORD_MAX)));
            assertThat(decision.accepted()).isTrue();
            when(CAMILLE, new Write("q1", "   "));
            thenRejected("too_long");
            when(CAMILLE, new Write("q1", "deux\nlignes"));
            thenRejected("invalid");
        }

        @Test
        void a_phone_sends_three_words_at_most() {
            given(WORDS, word("e1", CAMILLE, "un"), word("e2", CAMILLE, "deux"), word("e3", CAMILLE, "trois"));
            when(CAMILLE, new Write("q1", "quatre"));
            thenRejected("limit_reached");
        }

        @Test
        void a_hidden_word_leaves_the_cloud() {
            given(WORDS, word("e1", CAMILLE, "Écoute"), word("e2", LOU, "vilain"));
            when(Actor.FACILITATOR, new Moderate("q1", "e2", false));
            thenAccepted(new Moderated("q1", "e2", false, AT));
            apply();
            assertThat(view(Audience.PROJECTOR).cloud()).extracting(PollViews.Word::text).containsExactly("Écoute");
        }

        @Test
        void the_cloud_reaches_phones_only_once_revealed_and_a_word_changes_only_its_phone() {
            given(WORDS, word("e1", CAMILLE, "Écoute"), word("e2", LOU, "Réseau"));
            PollViews.QuestionView mine = view(new Audience.Participant("p-camille"));
            assertThat(mine.cloud()).isNull();
            assertThat(mine.mine()).extracting(PollViews.EntryView::text).containsExactly("Écoute");
            assertThat(format.impact(word("e1", CAMILLE, "x"))).isEqualTo(Impact.only("p-camille"));
            given(WORDS, word("e1", CAMILLE, "Écoute"), word("e2", LOU, "Réseau"), new Closed("q1", T0), new Revealed("q1", T0));
            assertThat(view(new Audience.Participant("p-camille")).cloud()).hasSize(2);
        }
    }

    @Nested
    class OpenText {
        @Test
        void a_text_waits_for_the_facilitator() {
            given(OPEN);
            when(CAMILLE, new Write("q1", "Le manque de temps."));
            thenAccepted(new Written("q1", "e1", "p-camille", "Le manque de temps.", "le manque de temps.", true, AT));
            apply();
            assertThat(view(Audience.PROJECTOR).entries()).isEmpty();
            assertThat(view(Audience.FACILITATOR).pending()).isEqualTo(1);
        }

        @Test
        void an_approved_text_goes_on_the_wall() {
            given(OPEN, new Written("q1", "e1", "p-camille", "Le temps", "le temps", true, T0));
            when(Actor.FACILITATOR, new Moderate("q1", "e1", true));
            thenAccepted(new Moderated("q1", "e1", true, AT));
            apply();
            assertThat(view(Audience.PROJECTOR).entries()).extracting(PollViews.EntryView::text).containsExactly("Le temps");
        }

        @Test
        void moderation_of_an_unknown_text_or_without_a_choice_is_refused_and_only_the_facilitator_moderates() {
            given(OPEN, new Written("q1", "e1", "p-camille", "Le temps", "le temps", true, T0));
            when(Actor.FACILITATOR, new Moderate("q1", "e9", true));
            thenRejected("not_found");
            when(Actor.FACILITATOR, new Moderate("q0", "e1", true));
            thenRejected("not_found");
            when(Actor.FACILITATOR, new Moderate("q1", "e1", null));
            thenRejected("invalid");
            when(LOU, new Moderate("q1", "e1", true));
            thenRejected("forbidden");
        }

        @Test
        void a_text_over_280_characters_is_refused() {
            given(OPEN);
            when(CAMILLE, new Write("q1", "x".repeat(PollAnswers.OPEN_MAX + 1)));
            thenRejected("too_long");
        }
    }

    @Nested
    class QuestionsAndAnswers {
        @Test
        void a_question_from_the_room_is_on_every_phone_at_once() {
            given(QA);
            when(CAMILLE, new Write("q1", "Quels horaires ?"));
            thenAccepted(new Submitted("q1", "e1", "p-camille", "Quels horaires ?", "quels horaires ?", AT));
            assertThat(format.impact(events().get(0))).isEqualTo(Impact.ALL);
        }

        @Test
        void a_phone_upvotes_once() {
            given(QA, asks("e1", CAMILLE, "Quels horaires ?"));
            when(LOU, new Upvote("q1", "e1"));
            thenAccepted(new Upvoted("q1", "e1", "p-lou", AT));
            apply();
            when(LOU, new Upvote("q1", "e1"));
            thenRejected("already_voted");
        }

        @Test
        void one_cannot_upvote_ones_own_a_hidden_or_an_unknown_question() {
            given(QA, asks("e1", CAMILLE, "Quels horaires ?"), asks("e2", LOU, "Hors sujet"), new Moderated("q1", "e2", false, T0));
            when(CAMILLE, new Upvote("q1", "e1"));
            thenRejected("invalid");
            when(CAMILLE, new Upvote("q1", "e2"));
            thenRejected("not_found");
            when(CAMILLE, new Upvote("q1", "e9"));
            thenRejected("not_found");
            when(CAMILLE, new Upvote("q1", null));
            thenRejected("not_found");
        }

        @Test
        void votes_on_a_closed_question_are_refused() {
            given(QA, asks("e1", CAMILLE, "Quels horaires ?"), new Closed("q1", T0));
            when(LOU, new Upvote("q1", "e1"));
            thenRejected("wrong_phase");
            when(LOU, new Write("q1", "Et après ?"));
            thenRejected("wrong_phase");
        }

        @Test
        void questions_are_sorted_by_votes_and_answered_ones_go_last() {
            given(QA, asks("e1", CAMILLE, "Première"), asks("e2", LOU, "Deuxième"), asks("e3", SACHA, "Troisième"),
                    new Upvoted("q1", "e2", "p-camille", T0), new Upvoted("q1", "e2", "p-sacha", T0),
                    new Upvoted("q1", "e3", "p-camille", T0), new MarkedAnswered("q1", "e2", true, T0));
            assertThat(view(Audience.PROJECTOR).entries()).extracting(PollViews.EntryView::text, PollViews.EntryView::votes)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Troisième", 1), org.assertj.core.groups.Tuple.tuple("Première", 0),
                            org.assertj.core.groups.Tuple.tuple("Deuxième", 2));
            PollViews.QuestionView camille = view(new Audience.Participant("p-camille"));
            assertThat(camille.entries()).extracting(PollViews.EntryView::voted).containsExactly(true, false, true);
            assertThat(camille.entries()).extracting(PollViews.EntryView::mine).containsExactly(false, true, false);
        }

        @Test
        void the_facilitator_marks_a_question_answered() {
            given(QA, asks("e1", CAMILLE, "Quels horaires ?"));
            when(Actor.FACILITATOR, new MarkAnswered("q1", "e1", true));
            thenAccepted(new MarkedAnswered("q1", "e1", true, AT));
            given(QA, asks("e1", CAMILLE, "Quels horaires ?"), new MarkedAnswered("q1", "e1", true, T0));
            when(Actor.FACILITATOR, new MarkAnswered("q1", "e1", true));
            thenAccepted();
            when(CAMILLE, new MarkAnswered("q1", "e1", true));
            thenRejected("forbidden");
        }

        @Test
        void an_upvote_changes_only_the_voters_phone() {
            assertThat(format.impact(new Upvoted("q1", "e1", "p-lou", T0))).isEqualTo(Impact.only("p-lou"));
        }
    }

    @Test
    void the_consoles_history_keeps_past_questions_without_their_texts() {
        given(WORDS, word("e1", CAMILLE, "Écoute"), new Closed("q1", T0), new Asked("q2", "Q", SITES, null, null, T0));
        PollViews.View v = (PollViews.View) format.view(state, roster, Audience.FACILITATOR);
        assertThat(v.history().get(0).entries()).isNull();
        assertThat(v.history().get(0).cloud()).extracting(PollViews.Word::text).containsExactly("Écoute");
        given(WORDS, word("e1", CAMILLE, "Écoute"));
        assertThat(((PollViews.View) format.view(state, roster, Audience.FACILITATOR)).history().get(0).entries()).hasSize(1);
    }

    @Test
    void result_rows_carry_the_texts_on_the_wall() {
        given(QA, asks("e1", CAMILLE, "Première"), asks("e2", LOU, "Masquée"), new Upvoted("q1", "e1", "p-lou", T0),
                new Moderated("q1", "e2", false, T0));
        PollResultRows.Question q = PollResultRows.of(state).questions().get(0);
        assertThat(q.kind()).isEqualTo("qa");
        assertThat(q.texts()).containsExactly(new PollResultRows.TextRow(0, "Première", 1, false));
    }
}
