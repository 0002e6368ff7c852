package fr.atelier.workshops.poll;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.DeciderTest;
import fr.atelier.workshops.core.Impact;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.poll.PollCommand.Answer;
import fr.atelier.workshops.poll.PollCommand.Ask;
import fr.atelier.workshops.poll.PollCommand.Close;
import fr.atelier.workshops.poll.PollCommand.Reveal;
import fr.atelier.workshops.poll.PollEvent.Answered;
import fr.atelier.workshops.poll.PollEvent.Asked;
import fr.atelier.workshops.poll.PollEvent.Closed;
import fr.atelier.workshops.poll.PollEvent.Revealed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The poll decider on its own: given poll events, when a command, then the whole decision. */
class PollFormatTest extends DeciderTest<PollState, PollCommand, PollEvent> {
    static final long AT = NOW.toEpochMilli();
    static final long T0 = AT - 60_000;

    static final Actor CAMILLE = Actor.participant("p-camille");
    static final Actor LOU = Actor.participant("p-lou");
    static final List<String> SITES = List.of("Onisep", "France Travail", "CIO");

    static final Asked Q1 = new Asked("q1", "Quel site ?", SITES, 1, null, T0);
    static final Asked Q1_TIMED = new Asked("q1", "Quel site ?", SITES, 1, T0 + 30_000, T0);
    static final Asked Q2 = new Asked("q2", "Et ensuite ?", List.of("Oui", "Non"), null, null, T0 + 1_000);

    static Answered answered(String q, Actor who, int option) {
        return new Answered(q, ((Actor.Participant) who).id(), option, T0);
    }

    static final Roster ROSTER = Roster.EMPTY
            .with(new Roster.Member("p-camille", "Camille", "h1", T0, true))
            .with(new Roster.Member("p-lou", "Lou", "h2", T0, true));

    PollFormatTest() {
        super(new PollFormat(), ROSTER);
    }

    @Nested
    class Asking {
        @Test
        void the_facilitator_asks_a_question() {
            given();
            when(Actor.FACILITATOR, new Ask("Quel site ?", SITES, 1, null));
            thenAccepted(new Asked("q1", "Quel site ?", SITES, 1, null, AT));
        }

        @Test
        void a_question_without_correct_answer_is_a_plain_poll() {
            given();
            when(Actor.FACILITATOR, new Ask("Quel site ?", SITES, null, null));
            thenAccepted(new Asked("q1", "Quel site ?", SITES, null, null, AT));
        }

        @Test
        void a_timed_question_gets_its_deadline() {
            given();
            when(Actor.FACILITATOR, new Ask("Quel site ?", SITES, null, 30));
            thenAccepted(new Asked("q1", "Quel site ?", SITES, null, AT + 30_000, AT));
        }

        @Test
        void text_and_options_are_cleaned() {
            given();
            when(Actor.FACILITATOR, new Ask("  Quel\u0007 site ?\t", List.of(" Onisep ", "France\u0000 Travail"), null, null));
            thenAccepted(new Asked("q1", "Quel site ?", List.of("Onisep", "France Travail"), null, null, AT));
        }

        @Test
        void questions_are_numbered_in_order() {
            given(Q1, new Closed("q1", T0));
            when(Actor.FACILITATOR, new Ask("Et ensuite ?", List.of("Oui", "Non"), null, null));
            thenAccepted(new Asked("q2", "Et ensuite ?", List.of("Oui", "Non"), null, null, AT));
        }

        static Stream<Arguments> validAsks() {
            return Stream.of(
                    Arguments.of("text of 200", new Ask("x".repeat(PollFormat.TEXT_MAX), SITES, null, null)),
                    Arguments.of("2 options", new Ask("Q", List.of("a", "b"), null, null)),
                    Arguments.of("8 options", new Ask("Q", options(8), null, null)),
                    Arguments.of("option of 80", new Ask("Q", List.of("o".repeat(PollFormat.OPTION_MAX), "b"), null, null)),
                    Arguments.of("correct first", new Ask("Q", SITES, 0, null)),
                    Arguments.of("correct last", new Ask("Q", SITES, 2, null)),
                    Arguments.of("5 seconds", new Ask("Q", SITES, null, 5)),
                    Arguments.of("one hour", new Ask("Q", SITES, null, PollFormat.SECONDS_MAX)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("validAsks")
        void asks_at_the_bounds_are_accepted(String name, Ask ask) {
            given();
            when(Actor.FACILITATOR, ask);
            assertThat(decision.accepted()).as("%s", decision).isTrue();
        }

        static Stream<Arguments> invalidAsks() {
            return Stream.of(
                    Arguments.of("null text", new Ask(null, SITES, null, null)),
                    Arguments.of("empty text", new Ask("", SITES, null, null)),
                    Arguments.of("blank text", new Ask(" \t\n ", SITES, null, null)),
                    Arguments.of("text of 201", new Ask("x".repeat(PollFormat.TEXT_MAX + 1), SITES, null, null)),
                    Arguments.of("no options", new Ask("Q", null, null, null)),
                    Arguments.of("0 option", new Ask("Q", List.of(), null, null)),
                    Arguments.of("1 option", new Ask("Q", List.of("seule"), null, null)),
                    Arguments.of("9 options", new Ask("Q", options(9), null, null)),
                    Arguments.of("empty option", new Ask("Q", List.of("a", ""), null, null)),
                    Arguments.of("blank option", new Ask("Q", List.of("a", "   "), null, null)),
                    Arguments.of("null option", new Ask("Q", Arrays.asList("a", null), null, null)),
                    Arguments.of("option of 81", new Ask("Q", List.of("a", "o".repeat(PollFormat.OPTION_MAX + 1)), null, null)),
                    Arguments.of("correct -1", new Ask("Q", SITES, -1, null)),
                    Arguments.of("correct = size", new Ask("Q", SITES, 3, null)),
                    Arguments.of("correct far", new Ask("Q", SITES, 99, null)),
                    Arguments.of("0 seconds", new Ask("Q", SITES, null, 0)),
                    Arguments.of("4 seconds", new Ask("Q", SITES, null, 4)),
                    Arguments.of("negative seconds", new Ask("Q", SITES, null, -30)),
                    Arguments.of("3601 seconds", new Ask("Q", SITES, null, PollFormat.SECONDS_MAX + 1)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidAsks")
        void invalid_asks_are_refused(String name, Ask ask) {
            given();
            when(Actor.FACILITATOR, ask);
            thenRejected("invalid");
        }

        @Test
        void asking_while_a_question_is_open_is_the_wrong_phase() {
            given(Q1);
            when(Actor.FACILITATOR, new Ask("Et ensuite ?", List.of("Oui", "Non"), null, null));
            thenRejected("wrong_phase");
        }

        @Test
        void asking_after_a_close_or_a_reveal_is_accepted() {
            given(Q1, new Closed("q1", T0));
            when(Actor.FACILITATOR, new Ask("Et ensuite ?", List.of("Oui", "Non"), null, null));
            thenAccepted(new Asked("q2", "Et ensuite ?", List.of("Oui", "Non"), null, null, AT));

            given(Q1, new Closed("q1", T0), new Revealed("q1", T0));
            when(Actor.FACILITATOR, new Ask("Et ensuite ?", List.of("Oui", "Non"), null, null));
            thenAccepted(new Asked("q2", "Et ensuite ?", List.of("Oui", "Non"), null, null, AT));
        }

        @Test
        void only_the_facilitator_asks() {
            given();
            for (Actor who : List.of(CAMILLE, Actor.GUEST, Actor.SYSTEM)) {
                when(who, new Ask("Quel site ?", SITES, null, null));
                thenRejected("forbidden");
            }
        }
    }

    @Nested
    class Answering {
        @Test
        void a_participant_answers_the_open_question() {
            given(Q1);
            when(CAMILLE, new Answer("q1", 2));
            thenAccepted(new Answered("q1", "p-camille", 2, AT));
        }

        @Test
        void only_participants_answer() {
            given(Q1);
            for (Actor who : List.of(Actor.FACILITATOR, Actor.GUEST, Actor.SYSTEM)) {
                when(who, new Answer("q1", 0));
                thenRejected("forbidden");
            }
        }

        @Test
        void answering_with_no_question_or_another_question_is_not_found() {
            given();
            when(CAMILLE, new Answer("q1", 0));
            thenRejected("not_found");

            given(Q1, new Closed("q1", T0), Q2);
            when(CAMILLE, new Answer("q1", 0));
            thenRejected("not_found");
            when(CAMILLE, new Answer("q3", 0));
            thenRejected("not_found");
            when(CAMILLE, new Answer(null, 0));
            thenRejected("not_found");
        }

        @Test
        void answering_once_closed_or_revealed_is_too_late() {
            given(Q1, new Closed("q1", T0));
            when(CAMILLE, new Answer("q1", 0));
            thenRejected("wrong_phase");

            given(Q1, new Closed("q1", T0), new Revealed("q1", T0));
            when(CAMILLE, new Answer("q1", 0));
            thenRejected("wrong_phase");
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 3, 4, Integer.MAX_VALUE, Integer.MIN_VALUE})
        void an_option_out_of_bounds_is_invalid(int option) {
            given(Q1);
            when(CAMILLE, new Answer("q1", option));
            thenRejected("invalid");
        }

        @Test
        void a_missing_option_is_invalid() {
            given(Q1);
            when(CAMILLE, new Answer("q1", null));
            thenRejected("invalid");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2})
        void every_option_in_bounds_is_accepted(int option) {
            given(Q1);
            when(CAMILLE, new Answer("q1", option));
            thenAccepted(new Answered("q1", "p-camille", option, AT));
        }

        @Test
        void a_participant_changes_their_answer_while_open() {
            given(Q1, answered("q1", CAMILLE, 0));
            when(CAMILLE, new Answer("q1", 2));
            thenAccepted(new Answered("q1", "p-camille", 2, AT));
        }

        @Test
        void the_same_answer_twice_records_nothing() {
            given(Q1, answered("q1", CAMILLE, 2));
            when(CAMILLE, new Answer("q1", 2));
            thenAccepted();
        }

        @Test
        void the_same_answer_as_someone_else_is_recorded() {
            given(Q1, answered("q1", LOU, 2));
            when(CAMILLE, new Answer("q1", 2));
            thenAccepted(new Answered("q1", "p-camille", 2, AT));
        }

        @Test
        void a_changed_answer_counts_once() {
            given(Q1, answered("q1", CAMILLE, 0), answered("q1", LOU, 1), answered("q1", CAMILLE, 2));
            assertThat(state.current().answers()).isEqualTo(Map.of("p-camille", 2, "p-lou", 1));
            assertThat(state.current().distribution()).containsExactly(0, 1, 1);
        }
    }

    @Nested
    class ClosingAndRevealing {
        @Test
        void the_facilitator_closes_the_open_question() {
            given(Q1);
            when(Actor.FACILITATOR, new Close("q1"));
            thenAccepted(new Closed("q1", AT));
        }

        @Test
        void closing_a_question_that_is_not_open_is_the_wrong_phase() {
            given();
            when(Actor.FACILITATOR, new Close("q1"));
            thenRejected("wrong_phase");

            given(Q1, new Closed("q1", T0));
            when(Actor.FACILITATOR, new Close("q1"));
            thenRejected("wrong_phase");

            given(Q1, new Closed("q1", T0), Q2);
            when(Actor.FACILITATOR, new Close("q1"));
            thenRejected("wrong_phase");
        }

        @Test
        void only_the_facilitator_and_the_timer_close() {
            given(Q1);
            for (Actor who : List.of(CAMILLE, Actor.GUEST)) {
                when(who, new Close("q1"));
                thenRejected("forbidden");
            }
            when(Actor.SYSTEM, new Close("q1"));
            thenAccepted(new Closed("q1", AT));
        }

        @Test
        void revealing_an_open_question_closes_it_first() {
            given(Q1, answered("q1", CAMILLE, 1));
            when(Actor.FACILITATOR, new Reveal("q1"));
            thenAccepted(new Closed("q1", AT), new Revealed("q1", AT));
        }

        @Test
        void revealing_a_closed_question() {
            given(Q1, new Closed("q1", T0));
            when(Actor.FACILITATOR, new Reveal("q1"));
            thenAccepted(new Revealed("q1", AT));
        }

        @Test
        void revealing_twice_is_the_wrong_phase() {
            given(Q1, new Closed("q1", T0), new Revealed("q1", T0));
            when(Actor.FACILITATOR, new Reveal("q1"));
            thenRejected("wrong_phase");
        }

        @Test
        void revealing_an_unknown_or_old_question_is_not_found() {
            given();
            when(Actor.FACILITATOR, new Reveal("q1"));
            thenRejected("not_found");

            given(Q1, new Closed("q1", T0), Q2);
            when(Actor.FACILITATOR, new Reveal("q1"));
            thenRejected("not_found");
        }

        @Test
        void only_the_facilitator_reveals() {
            given(Q1);
            for (Actor who : List.of(CAMILLE, Actor.GUEST, Actor.SYSTEM)) {
                when(who, new Reveal("q1"));
                thenRejected("forbidden");
            }
        }

        @Test
        void events_move_the_current_question_through_its_statuses() {
            given(Q1);
            assertThat(state.current().status()).isEqualTo(Poll.Status.OPEN);
            given(Q1, new Closed("q1", T0));
            assertThat(state.current().status()).isEqualTo(Poll.Status.CLOSED);
            given(Q1, new Closed("q1", T0), new Revealed("q1", T0));
            assertThat(state.current().status()).isEqualTo(Poll.Status.REVEALED);
            given(Q1, new Closed("q1", T0), new Revealed("q1", T0), Q2);
            assertThat(state.questions()).extracting(Poll::id, Poll::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("q1", Poll.Status.REVEALED),
                            org.assertj.core.groups.Tuple.tuple("q2", Poll.Status.OPEN));
        }
    }

    @Nested
    class Timer {
        @Test
        void a_stale_timer_for_a_closed_question_records_nothing() {
            given(Q1_TIMED, new Closed("q1", T0));
            when(Actor.SYSTEM, new Close("q1"));
            thenAccepted();
        }

        @Test
        void a_stale_timer_for_an_old_question_records_nothing() {
            given(Q1_TIMED, new Closed("q1", T0), Q2);
            when(Actor.SYSTEM, new Close("q1"));
            thenAccepted();

            given(Q1_TIMED, new Closed("q1", T0), new Revealed("q1", T0));
            when(Actor.SYSTEM, new Close("q1"));
            thenAccepted();
        }

        @Test
        void a_timer_with_no_question_records_nothing() {
            given();
            when(Actor.SYSTEM, new Close("q1"));
            thenAccepted();
        }

        @Test
        void there_is_no_deadline_without_an_open_timed_question() {
            given();
            assertThat(format.nextDeadline(state)).isNull();
            given(Q1);
            assertThat(format.nextDeadline(state)).isNull();
            given(Q1_TIMED, new Closed("q1", T0));
            assertThat(format.nextDeadline(state)).isNull();
            given(Q1_TIMED, new Closed("q1", T0), new Revealed("q1", T0));
            assertThat(format.nextDeadline(state)).isNull();
        }

        @Test
        void an_open_timed_question_has_its_deadline() {
            given(Q1_TIMED);
            assertThat(format.nextDeadline(state)).isEqualTo(Instant.ofEpochMilli(T0 + 30_000));
        }

        @Test
        void the_expiry_closes_the_question_whose_deadline_passed() {
            given(Q1_TIMED, answered("q1", CAMILLE, 0));
            Instant deadline = format.nextDeadline(state);
            PollCommand expiry = format.timeUp(state, deadline);
            assertThat(expiry).isEqualTo(new PollCommand.TimeUp(deadline.toEpochMilli()));
            when(Actor.SYSTEM, expiry);
            thenAccepted(new Closed("q1", AT));
        }

        @Test
        void an_expiry_after_a_manual_close_records_nothing() {
            given(Q1_TIMED);
            Instant deadline = format.nextDeadline(state);
            given(Q1_TIMED, new Closed("q1", T0));
            PollCommand expiry = format.timeUp(state, deadline);
            if (expiry != null) {
                when(Actor.SYSTEM, expiry);
                thenAccepted();
            }
        }

        @Test
        void there_is_nothing_to_expire_without_a_question() {
            given();
            assertThat(format.timeUp(state, NOW)).isNull();
        }

        /**
         * q1 had a 30 s timer but was closed by hand; q2 was asked with no timer. When q1's old
         * deadline passes, the server asks for the expiry command: it must not close q2.
         */
        @Test
        void the_expiry_of_an_old_deadline_does_not_close_the_next_question() {
            given(Q1_TIMED);
            Instant oldDeadline = format.nextDeadline(state);
            given(Q1_TIMED, new Closed("q1", T0), Q2);
            PollCommand expiry = format.timeUp(state, oldDeadline);
            if (expiry != null) {
                when(Actor.SYSTEM, expiry);
                thenAccepted();
            }
        }
    }

    @Nested
    class Views {
        private PollViews.View view(Audience audience) {
            return (PollViews.View) format.view(state, roster, audience);
        }

        @Test
        void before_any_question_everyone_sees_nothing_asked() {
            given();
            assertThat(view(new Audience.Participant("p-camille"))).isEqualTo(new PollViews.View(null, 0, null));
            assertThat(view(Audience.PROJECTOR)).isEqualTo(new PollViews.View(null, 0, null));
            assertThat(view(Audience.FACILITATOR)).isEqualTo(new PollViews.View(null, 0, List.of()));
        }

        @Test
        void a_phone_sees_its_own_answer_and_nothing_else_until_revealed() {
            given(Q1, answered("q1", CAMILLE, 0), answered("q1", LOU, 2));
            PollViews.QuestionView q = view(new Audience.Participant("p-camille")).question();
            assertThat(q.myAnswer()).isEqualTo(0);
            assertThat(q.answered()).isNull();
            assertThat(q.distribution()).isNull();
            assertThat(q.correct()).isNull();

            given(Q1, answered("q1", CAMILLE, 0), answered("q1", LOU, 2), new Closed("q1", T0));
            q = view(new Audience.Participant("p-camille")).question();
            assertThat(q.status()).isEqualTo(Poll.Status.CLOSED);
            assertThat(q.distribution()).isNull();
            assertThat(q.correct()).isNull();

            given(Q1, answered("q1", CAMILLE, 0), answered("q1", LOU, 2), new Closed("q1", T0), new Revealed("q1", T0));
            q = view(new Audience.Participant("p-camille")).question();
            assertThat(q.myAnswer()).isEqualTo(0);
            assertThat(q.answered()).isEqualTo(2);
            assertThat(q.distribution()).containsExactly(1, 0, 1);
            assertThat(q.correct()).isEqualTo(1);
        }

        @Test
        void a_phone_that_did_not_answer_has_no_answer() {
            given(Q1, answered("q1", LOU, 2));
            assertThat(view(new Audience.Participant("p-camille")).question().myAnswer()).isNull();
        }

        @Test
        void the_projector_counts_answers_live_and_shows_the_result_once_revealed() {
            given(Q1, answered("q1", CAMILLE, 0), answered("q1", LOU, 2));
            PollViews.QuestionView q = view(Audience.PROJECTOR).question();
            assertThat(q.answered()).isEqualTo(2);
            assertThat(q.myAnswer()).isNull();
            assertThat(q.distribution()).isNull();
            assertThat(q.correct()).isNull();

            given(Q1, answered("q1", CAMILLE, 0), answered("q1", LOU, 2), new Closed("q1", T0), new Revealed("q1", T0));
            q = view(Audience.PROJECTOR).question();
            assertThat(q.distribution()).containsExactly(1, 0, 1);
            assertThat(q.correct()).isEqualTo(1);
        }

        @Test
        void the_console_sees_everything_with_the_history() {
            given(Q1, answered("q1", CAMILLE, 0), new Closed("q1", T0), Q2, answered("q2", LOU, 1));
            PollViews.View v = view(Audience.FACILITATOR);
            assertThat(v.asked()).isEqualTo(2);
            assertThat(v.question().id()).isEqualTo("q2");
            assertThat(v.question().distribution()).containsExactly(0, 1);
            assertThat(v.history()).extracting(PollViews.QuestionView::id).containsExactly("q1", "q2");
            assertThat(v.history().get(0).correct()).isEqualTo(1);
            assertThat(v.history().get(0).distribution()).containsExactly(1, 0, 0);
        }

        @Test
        void results_list_every_question_with_its_answer() {
            given(Q1, answered("q1", CAMILLE, 1), answered("q1", LOU, 1), new Closed("q1", T0), Q2);
            @SuppressWarnings("unchecked")
            List<PollViews.Result> results = (List<PollViews.Result>) format.results(state, roster);
            assertThat(results).hasSize(2);
            PollViews.Result r1 = results.get(0);
            assertThat(List.of(r1.id(), r1.text(), r1.options(), r1.correct(), r1.answered()))
                    .containsExactly("q1", "Quel site ?", SITES, 1, 2);
            assertThat(r1.distribution()).containsExactly(0, 2, 0);
            assertThat(results.get(1).answered()).isZero();
        }

        @Test
        void an_answer_changes_only_its_phone() {
            assertThat(format.impact(answered("q1", CAMILLE, 0))).isEqualTo(Impact.only("p-camille"));
            assertThat(format.impact(Q1)).isEqualTo(Impact.ALL);
            assertThat(format.impact(new Closed("q1", T0))).isEqualTo(Impact.ALL);
            assertThat(format.impact(new Revealed("q1", T0))).isEqualTo(Impact.ALL);
        }
    }

    static List<String> options(int n) {
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add("Réponse " + i);
        }
        return all;
    }
}
