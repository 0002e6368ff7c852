package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.atelier.workshops.core.PlatformCommand.End;
import fr.atelier.workshops.core.PlatformCommand.Join;
import fr.atelier.workshops.core.PlatformCommand.Leave;
import fr.atelier.workshops.core.PlatformCommand.OpenSatisfaction;
import fr.atelier.workshops.core.PlatformCommand.Rate;
import fr.atelier.workshops.core.PlatformCommand.SetJoining;
import fr.atelier.workshops.core.PlatformCommand.StartActivity;
import fr.atelier.workshops.core.PlatformEvent.ActivityStarted;
import fr.atelier.workshops.core.PlatformEvent.JoiningChanged;
import fr.atelier.workshops.core.PlatformEvent.ParticipantJoined;
import fr.atelier.workshops.core.PlatformEvent.ParticipantLeft;
import fr.atelier.workshops.core.PlatformEvent.SatisfactionOpened;
import fr.atelier.workshops.core.PlatformEvent.SatisfactionRated;
import fr.atelier.workshops.core.PlatformEvent.SessionCreated;
import fr.atelier.workshops.core.PlatformEvent.SessionEnded;
import fr.atelier.workshops.poll.PollCommand;
import fr.atelier.workshops.poll.PollEvent;
import fr.atelier.workshops.poll.PollFormat;
import fr.atelier.workshops.poll.PollState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Platform rules of a session (join, phases, satisfaction), with the poll as the running format. */
class SessionTest {
    static final Instant T0 = Instant.parse("2025-11-25T13:00:00Z");
    static final Instant NOW = Instant.parse("2025-11-25T14:00:00Z");
    static final long AT = NOW.toEpochMilli();
    static final long T0_MS = T0.toEpochMilli();

    static final SessionCreated CREATED = new SessionCreated("K7QX2M", "poll", "Atelier de Dreux", "host-hash-secret", T0_MS);
    static final ActivityStarted STARTED = new ActivityStarted(T0_MS + 1_000);
    static final SatisfactionOpened SATISFACTION_OPENED = new SatisfactionOpened(T0_MS + 2_000);
    static final SessionEnded ENDED = new SessionEnded(T0_MS + 3_000);

    static final Actor CAMILLE = Actor.participant("p-camille");
    static final Actor LOU = Actor.participant("p-lou");

    static ParticipantJoined joined(String id, String nickname) {
        return new ParticipantJoined(id, nickname, "token-hash-" + id, T0_MS);
    }

    static final ParticipantJoined CAMILLE_JOINED = joined("p-camille", "Camille");
    static final ParticipantJoined LOU_JOINED = joined("p-lou", "Lou");

    private final Session<PollState, PollCommand, PollEvent> session = new Session<>(new PollFormat());
    private SessionState<PollState> state;
    private Decision<SessionEvent> decision;

    // given / when / then

    private void given(SessionEvent... events) {
        state = session.initialState();
        for (SessionEvent e : events) {
            state = session.evolve(state, e);
        }
    }

    private void when(Actor who, SessionCommand command) {
        decision = session.decide(state, who, command, NOW);
    }

    private void when(Actor who, PollCommand command) {
        when(who, new ActivityCommand(command));
    }

    private void thenAccepted(SessionEvent... events) {
        assertThat(decision).isEqualTo(new Decision.Accepted<>(List.of(events)));
    }

    /** A refusal carries a stable code and a French message for people; the wording itself is not pinned. */
    @SuppressWarnings("unchecked")
    private void thenRejected(String code) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        Decision.Rejected<SessionEvent> r = (Decision.Rejected<SessionEvent>) decision;
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.message()).isNotBlank();
    }

    private static Join join(String id, String nickname) {
        return new Join(id, nickname, "token-hash-" + id);
    }

    @Nested
    class Joining {
        @Test
        void a_guest_joins_with_a_nickname() {
            given(CREATED);
            when(Actor.GUEST, join("p-camille", "Camille"));
            thenAccepted(new ParticipantJoined("p-camille", "Camille", "token-hash-p-camille", AT));
        }

        @Test
        void joining_is_possible_during_the_activity_and_the_questionnaire() {
            given(CREATED, STARTED);
            when(Actor.GUEST, join("p-camille", "Camille"));
            thenAccepted(new ParticipantJoined("p-camille", "Camille", "token-hash-p-camille", AT));

            given(CREATED, STARTED, SATISFACTION_OPENED);
            when(Actor.GUEST, join("p-camille", "Camille"));
            thenAccepted(new ParticipantJoined("p-camille", "Camille", "token-hash-p-camille", AT));
        }

        @ParameterizedTest
        @ValueSource(strings = {"  Camille  ", "\tCamille\r\n", "Cam\u0007ille", "\u0000Camille\u001b"})
        void the_nickname_is_cleaned_before_being_recorded(String raw) {
            given(CREATED);
            when(Actor.GUEST, join("p-camille", raw));
            thenAccepted(new ParticipantJoined("p-camille", "Camille", "token-hash-p-camille", AT));
        }

        @Test
        void a_decomposed_accent_is_recorded_composed() {
            given(CREATED);
            when(Actor.GUEST, join("p-elodie", "E\u0301lodie"));
            thenAccepted(new ParticipantJoined("p-elodie", "\u00c9lodie", "token-hash-p-elodie", AT));
        }

        @Test
        void a_nickname_of_exactly_24_characters_is_accepted() {
            String nickname = "a".repeat(Session.NICKNAME_MAX);
            given(CREATED);
            when(Actor.GUEST, join("p-long", nickname));
            thenAccepted(new ParticipantJoined("p-long", nickname, "token-hash-p-long", AT));
        }

        static Stream<String> invalidNicknames() {
            return Stream.of(
                    "",
                    "   ",
                    "\n",
                    "\u0007\u0008",
                    "a".repeat(Session.NICKNAME_MAX + 1),
                    "  " + "b".repeat(Session.NICKNAME_MAX + 1) + "  ",
                    "Jean\nPierre",
                    "Jean\r\nPierre",
                    "Jean\n\nPierre");
        }

        @ParameterizedTest
        @MethodSource("invalidNicknames")
        void an_empty_too_long_or_multi_line_nickname_is_invalid(String nickname) {
            given(CREATED);
            when(Actor.GUEST, join("p-x", nickname));
            thenRejected("nickname_invalid");
        }

        @Test
        void a_null_nickname_is_invalid() {
            given(CREATED);
            when(Actor.GUEST, new Join("p-x", null, "token-hash-p-x"));
            thenRejected("nickname_invalid");
        }

        /**
         * A nickname made only of non-breaking spaces shows as blank on every screen. French Mac
         * keyboards type U+00A0 with Alt+Space, and String.strip() does not remove it.
         */
        @Test
        void a_nickname_of_only_non_breaking_spaces_is_invalid() {
            given(CREATED);
            when(Actor.GUEST, join("p-x", "\u00a0\u00a0"));
            thenRejected("nickname_invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"elodie", "ELODIE", "Élodie", "  élodie  ", "E\u0301LODIE", "Elodie"})
        void a_taken_nickname_is_compared_without_case_or_accents(String wanted) {
            given(CREATED, joined("p-elodie", "Élodie"));
            when(Actor.GUEST, join("p-other", wanted));
            thenRejected("nickname_taken");
        }

        @Test
        void a_taken_nickname_ignores_repeated_inner_spaces() {
            given(CREATED, joined("p-jp", "Jean Pierre"));
            when(Actor.GUEST, join("p-other", "jean   pierre"));
            thenRejected("nickname_taken");
        }

        @Test
        void the_nickname_of_a_participant_who_left_is_free_again() {
            given(CREATED, joined("p-elodie", "Élodie"), new ParticipantLeft("p-elodie", T0_MS));
            when(Actor.GUEST, join("p-other", "elodie"));
            thenAccepted(new ParticipantJoined("p-other", "elodie", "token-hash-p-other", AT));
        }

        @Test
        void joining_after_the_end_is_refused() {
            given(CREATED, STARTED, ENDED);
            when(Actor.GUEST, join("p-late", "Retardataire"));
            thenRejected("session_ended");
        }

        @Test
        void joining_after_the_end_is_refused_even_if_joining_was_reopened_before() {
            given(CREATED, new JoiningChanged(false, T0_MS), new JoiningChanged(true, T0_MS), ENDED);
            when(Actor.GUEST, join("p-late", "Retardataire"));
            thenRejected("session_ended");
        }

        @Test
        void joining_is_refused_when_the_facilitator_closed_it() {
            given(CREATED, new JoiningChanged(false, T0_MS));
            when(Actor.GUEST, join("p-late", "Retardataire"));
            thenRejected("joining_closed");
        }

        @Test
        void joining_is_possible_again_once_reopened() {
            given(CREATED, new JoiningChanged(false, T0_MS), new JoiningChanged(true, T0_MS));
            when(Actor.GUEST, join("p-late", "Retardataire"));
            thenAccepted(new ParticipantJoined("p-late", "Retardataire", "token-hash-p-late", AT));
        }

        @Test
        void only_a_guest_can_join() {
            given(CREATED, CAMILLE_JOINED);
            for (Actor who : List.of(CAMILLE, Actor.FACILITATOR, Actor.SYSTEM)) {
                when(who, join("p-new", "Nouveau"));
                thenRejected("forbidden");
            }
        }

        @Test
        void the_server_must_draw_a_fresh_participant_id_and_token() {
            given(CREATED, CAMILLE_JOINED);
            assertThatThrownBy(() -> session.decide(state, Actor.GUEST, join("p-camille", "Autre"), NOW))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.decide(state, Actor.GUEST, new Join(null, "Autre", "h"), NOW))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> session.decide(state, Actor.GUEST, new Join("p-new", "Autre", null), NOW))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void a_join_is_recorded_in_the_roster() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED);
            assertThat(state.platform().roster().all()).containsExactly(
                    new Roster.Member("p-camille", "Camille", "token-hash-p-camille", T0_MS, true),
                    new Roster.Member("p-lou", "Lou", "token-hash-p-lou", T0_MS, true));
            assertThat(state.platform().roster().activeCount()).isEqualTo(2);
        }
    }

    @Nested
    class FacilitatorOnly {
        static Stream<Arguments> facilitatorCommandsByOthers() {
            List<PlatformCommand> commands = List.of(new StartActivity(), new End(), new OpenSatisfaction(),
                    new SetJoining(false));
            List<Actor> others = List.of(CAMILLE, Actor.GUEST, Actor.SYSTEM, Actor.participant("p-stranger"));
            List<Arguments> all = new ArrayList<>();
            for (PlatformCommand c : commands) {
                for (Actor a : others) {
                    all.add(Arguments.of(a, c));
                }
            }
            return all.stream();
        }

        @ParameterizedTest(name = "{1} by {0}")
        @MethodSource("facilitatorCommandsByOthers")
        void only_the_facilitator_starts_ends_opens_the_questionnaire_and_sets_joining(Actor who, PlatformCommand c) {
            given(CREATED, CAMILLE_JOINED, STARTED);
            if (c instanceof StartActivity) {
                given(CREATED, CAMILLE_JOINED);
            }
            when(who, c);
            thenRejected("forbidden");
        }

        @Test
        void the_facilitator_starts_the_activity() {
            given(CREATED, CAMILLE_JOINED);
            when(Actor.FACILITATOR, new StartActivity());
            thenAccepted(new ActivityStarted(AT));
        }

        @Test
        void starting_twice_is_the_wrong_phase() {
            given(CREATED, STARTED);
            when(Actor.FACILITATOR, new StartActivity());
            thenRejected("wrong_phase");
        }

        @Test
        void starting_during_the_questionnaire_is_the_wrong_phase() {
            given(CREATED, STARTED, SATISFACTION_OPENED);
            when(Actor.FACILITATOR, new StartActivity());
            thenRejected("wrong_phase");
        }

        @Test
        void starting_after_the_end_is_refused() {
            given(CREATED, STARTED, ENDED);
            when(Actor.FACILITATOR, new StartActivity());
            thenRejected("session_ended");
        }

        @Test
        void the_facilitator_opens_the_questionnaire() {
            given(CREATED, STARTED);
            when(Actor.FACILITATOR, new OpenSatisfaction());
            thenAccepted(new SatisfactionOpened(AT));
        }

        @Test
        void opening_the_questionnaire_twice_is_the_wrong_phase() {
            given(CREATED, STARTED, SATISFACTION_OPENED);
            when(Actor.FACILITATOR, new OpenSatisfaction());
            thenRejected("wrong_phase");
        }

        @Test
        void the_facilitator_ends_the_session_from_any_phase() {
            for (SessionEvent[] history : List.of(
                    new SessionEvent[] {CREATED},
                    new SessionEvent[] {CREATED, STARTED},
                    new SessionEvent[] {CREATED, STARTED, SATISFACTION_OPENED})) {
                given(history);
                when(Actor.FACILITATOR, new End());
                thenAccepted(new SessionEnded(AT));
            }
        }

        @Test
        void nothing_can_happen_after_the_end() {
            given(CREATED, CAMILLE_JOINED, STARTED, ENDED);
            for (PlatformCommand c : List.of(new End(), new OpenSatisfaction(), new StartActivity(),
                    new SetJoining(true), new SetJoining(false))) {
                when(Actor.FACILITATOR, c);
                thenRejected("session_ended");
            }
            when(CAMILLE, new Leave());
            thenRejected("session_ended");
            when(CAMILLE, new Rate(5, null));
            thenRejected("session_ended");
        }

        @Test
        void closing_and_reopening_joining() {
            given(CREATED);
            when(Actor.FACILITATOR, new SetJoining(false));
            thenAccepted(new JoiningChanged(false, AT));

            given(CREATED, new JoiningChanged(false, T0_MS));
            when(Actor.FACILITATOR, new SetJoining(true));
            thenAccepted(new JoiningChanged(true, AT));
        }

        @Test
        void setting_joining_to_its_current_value_records_nothing() {
            given(CREATED);
            when(Actor.FACILITATOR, new SetJoining(true));
            thenAccepted();
        }

        @Test
        void phases_follow_the_events() {
            given(CREATED);
            assertThat(state.platform().phase()).isEqualTo(Phase.LOBBY);
            given(CREATED, STARTED);
            assertThat(state.platform().phase()).isEqualTo(Phase.ACTIVITY);
            assertThat(state.platform().startedAt()).isEqualTo(STARTED.at());
            given(CREATED, STARTED, SATISFACTION_OPENED);
            assertThat(state.platform().phase()).isEqualTo(Phase.SATISFACTION);
            given(CREATED, STARTED, SATISFACTION_OPENED, ENDED);
            assertThat(state.platform().phase()).isEqualTo(Phase.ENDED);
            assertThat(state.platform().endedAt()).isEqualTo(ENDED.at());
            assertThat(state.platform().joiningOpen()).isFalse();
        }

        @Test
        void a_command_on_a_session_not_yet_created_is_a_bug() {
            given();
            assertThatThrownBy(() -> session.decide(state, Actor.FACILITATOR, new StartActivity(), NOW))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Questionnaire {
        @Test
        void a_participant_rates_the_session() {
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            when(CAMILLE, new Rate(4, "Très utile"));
            thenAccepted(new SatisfactionRated("p-camille", 4, "Très utile", AT));
        }

        @Test
        void a_rating_without_comment_is_accepted() {
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            when(CAMILLE, new Rate(1, null));
            thenAccepted(new SatisfactionRated("p-camille", 1, null, AT));
        }

        @Test
        void the_comment_is_cleaned() {
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            when(CAMILLE, new Rate(5, "  Bien\u0007 vu\r\nmerci  "));
            thenAccepted(new SatisfactionRated("p-camille", 5, "Bien vu\nmerci", AT));
        }

        @Test
        void rating_is_only_possible_while_the_questionnaire_is_open() {
            given(CREATED, CAMILLE_JOINED);
            when(CAMILLE, new Rate(4, null));
            thenRejected("wrong_phase");

            given(CREATED, CAMILLE_JOINED, STARTED);
            when(CAMILLE, new Rate(4, null));
            thenRejected("wrong_phase");

            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED, ENDED);
            when(CAMILLE, new Rate(4, null));
            thenRejected("session_ended");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 6, -1, 100, Integer.MIN_VALUE})
        void a_score_outside_1_to_5_is_invalid(int score) {
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            when(CAMILLE, new Rate(score, null));
            thenRejected("invalid");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4, 5})
        void every_score_from_1_to_5_is_accepted(int score) {
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            when(CAMILLE, new Rate(score, null));
            thenAccepted(new SatisfactionRated("p-camille", score, null, AT));
        }

        @Test
        void a_comment_of_500_characters_is_accepted() {
            String comment = "é".repeat(Satisfaction.COMMENT_MAX);
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            when(CAMILLE, new Rate(3, comment));
            thenAccepted(new SatisfactionRated("p-camille", 3, comment, AT));
        }

        @Test
        void a_comment_over_500_characters_is_invalid() {
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            when(CAMILLE, new Rate(3, "x".repeat(Satisfaction.COMMENT_MAX + 1)));
            thenRejected("invalid");
        }

        @Test
        void the_comment_length_is_measured_after_cleaning() {
            String comment = "x".repeat(Satisfaction.COMMENT_MAX);
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            when(CAMILLE, new Rate(3, "   " + comment + "   "));
            thenAccepted(new SatisfactionRated("p-camille", 3, comment, AT));
        }

        @Test
        void only_active_participants_rate() {
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            for (Actor who : List.of(Actor.FACILITATOR, Actor.GUEST, Actor.SYSTEM, Actor.participant("p-stranger"))) {
                when(who, new Rate(5, null));
                thenRejected("forbidden");
            }
        }

        @Test
        void a_rating_changed_twice_counts_once() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, STARTED, SATISFACTION_OPENED,
                    new SatisfactionRated("p-camille", 2, "Bof", T0_MS),
                    new SatisfactionRated("p-camille", 3, null, T0_MS),
                    new SatisfactionRated("p-camille", 5, "Finalement super", T0_MS),
                    new SatisfactionRated("p-lou", 4, null, T0_MS));

            Satisfaction.Summary summary = state.platform().satisfaction().summary(true);
            assertThat(summary.count()).isEqualTo(2);
            assertThat(summary.distribution()).containsExactly(0, 0, 0, 1, 1);
            assertThat(summary.average()).isEqualTo(4.5);
            assertThat(summary.comments()).containsExactly("Finalement super");
            assertThat(state.platform().satisfaction().ratingOf("p-camille"))
                    .isEqualTo(new Satisfaction.Rating(5, "Finalement super"));
        }

        @Test
        @SuppressWarnings("unchecked")
        void a_blank_comment_is_stored_as_no_comment() {
            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED);
            when(CAMILLE, new Rate(4, "   "));
            assertThat(decision.accepted()).isTrue();
            for (SessionEvent e : ((Decision.Accepted<SessionEvent>) decision).events()) {
                state = session.evolve(state, e);
            }
            assertThat(state.platform().satisfaction().ratingOf("p-camille")).isEqualTo(new Satisfaction.Rating(4, null));
            assertThat(state.platform().satisfaction().summary(true).comments()).isEmpty();
        }

        @Test
        void the_average_is_rounded_to_one_decimal() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, joined("p-sam", "Sam"), STARTED, SATISFACTION_OPENED,
                    new SatisfactionRated("p-camille", 5, null, T0_MS),
                    new SatisfactionRated("p-lou", 5, null, T0_MS),
                    new SatisfactionRated("p-sam", 4, null, T0_MS));
            assertThat(state.platform().satisfaction().summary(false).average()).isEqualTo(4.7);
            assertThat(state.platform().satisfaction().summary(false).comments()).isNull();
        }

        @Test
        void an_empty_questionnaire_has_no_average() {
            Satisfaction.Summary summary = Satisfaction.EMPTY.summary(true);
            assertThat(summary.count()).isZero();
            assertThat(summary.average()).isNull();
            assertThat(summary.distribution()).containsExactly(0, 0, 0, 0, 0);
        }
    }

    @Nested
    class Activity {
        static final PollCommand ASK = new PollCommand.Ask("Quel site ?", List.of("Onisep", "France Travail"), 0, null);
        static final ActivityEvent ASKED = new ActivityEvent(
                new PollEvent.Asked("q1", "Quel site ?", List.of("Onisep", "France Travail"), 0, null, T0_MS));

        @Test
        void a_format_command_is_decided_by_the_format_and_its_events_wrapped() {
            given(CREATED, CAMILLE_JOINED, STARTED);
            when(Actor.FACILITATOR, ASK);
            thenAccepted(new ActivityEvent(
                    new PollEvent.Asked("q1", "Quel site ?", List.of("Onisep", "France Travail"), 0, null, AT)));

            given(CREATED, CAMILLE_JOINED, STARTED, ASKED);
            when(CAMILLE, new PollCommand.Answer("q1", 1));
            thenAccepted(new ActivityEvent(new PollEvent.Answered("q1", "p-camille", 1, AT)));
        }

        @Test
        void a_format_refusal_keeps_its_code() {
            given(CREATED, CAMILLE_JOINED, STARTED, ASKED);
            when(CAMILLE, new PollCommand.Answer("q1", 7));
            thenRejected("invalid");
            when(CAMILLE, new PollCommand.Close("q1"));
            thenRejected("forbidden");
        }

        @Test
        void an_activity_command_after_the_end_is_refused() {
            given(CREATED, CAMILLE_JOINED, STARTED, ASKED, ENDED);
            when(CAMILLE, new PollCommand.Answer("q1", 1));
            thenRejected("session_ended");
            when(Actor.FACILITATOR, new PollCommand.Reveal("q1"));
            thenRejected("session_ended");
            when(Actor.SYSTEM, new PollCommand.Close("q1"));
            thenRejected("session_ended");
        }

        @Test
        void an_activity_command_during_the_questionnaire_is_the_wrong_phase() {
            given(CREATED, CAMILLE_JOINED, STARTED, ASKED, SATISFACTION_OPENED);
            when(CAMILLE, new PollCommand.Answer("q1", 1));
            thenRejected("wrong_phase");
            when(Actor.FACILITATOR, ASK);
            thenRejected("wrong_phase");
        }

        @Test
        void a_guest_cannot_take_part() {
            given(CREATED, CAMILLE_JOINED, STARTED, ASKED);
            when(Actor.GUEST, new PollCommand.Answer("q1", 1));
            thenRejected("forbidden");
        }

        @Test
        void someone_who_never_joined_cannot_take_part() {
            given(CREATED, CAMILLE_JOINED, STARTED, ASKED);
            when(Actor.participant("p-stranger"), new PollCommand.Answer("q1", 1));
            thenRejected("forbidden");
        }

        @Test
        void a_command_of_another_format_is_a_bug() {
            given(CREATED, STARTED);
            assertThatThrownBy(() -> session.decide(state, Actor.FACILITATOR, new ActivityCommand("quiz.next"), NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Leaving {
        @Test
        void a_participant_leaves() {
            given(CREATED, CAMILLE_JOINED, STARTED);
            when(CAMILLE, new Leave());
            thenAccepted(new ParticipantLeft("p-camille", AT));
        }

        @Test
        void only_an_active_participant_can_leave() {
            given(CREATED, CAMILLE_JOINED, new ParticipantLeft("p-camille", T0_MS));
            for (Actor who : List.of(CAMILLE, Actor.FACILITATOR, Actor.GUEST, Actor.SYSTEM, Actor.participant("p-stranger"))) {
                when(who, new Leave());
                thenRejected("forbidden");
            }
        }

        @Test
        void a_participant_who_left_can_do_nothing_more() {
            SessionEvent asked = new ActivityEvent(
                    new PollEvent.Asked("q1", "Quel site ?", List.of("Onisep", "France Travail"), null, null, T0_MS));
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, STARTED, asked, new ParticipantLeft("p-camille", T0_MS));
            when(CAMILLE, new PollCommand.Answer("q1", 0));
            thenRejected("forbidden");
            when(LOU, new PollCommand.Answer("q1", 0));
            thenAccepted(new ActivityEvent(new PollEvent.Answered("q1", "p-lou", 0, AT)));

            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED, new ParticipantLeft("p-camille", T0_MS));
            when(CAMILLE, new Rate(5, null));
            thenRejected("forbidden");
        }

        @Test
        void a_participant_who_left_stays_in_the_roster_as_inactive() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, new ParticipantLeft("p-camille", T0_MS));
            assertThat(state.platform().roster().member("p-camille")).contains(
                    new Roster.Member("p-camille", "Camille", "token-hash-p-camille", T0_MS, false));
            assertThat(state.platform().roster().activeCount()).isEqualTo(1);
        }
    }

    @Nested
    class Replay {
        @Test
        @SuppressWarnings("unchecked")
        void replaying_every_event_gives_the_state_built_step_by_step() {
            given(CREATED);
            List<SessionEvent> log = new ArrayList<>(List.of(CREATED));
            List<Object[]> script = List.of(
                    new Object[] {Actor.GUEST, join("p-camille", "Camille")},
                    new Object[] {Actor.GUEST, join("p-lou", " Lou ")},
                    new Object[] {Actor.GUEST, join("p-sam", "Sam")},
                    new Object[] {Actor.FACILITATOR, new SetJoining(false)},
                    new Object[] {Actor.FACILITATOR, new StartActivity()},
                    new Object[] {Actor.FACILITATOR, new ActivityCommand(new PollCommand.Ask("Quel site ?", List.of("Onisep", "France Travail", "CIO"), 2, 30))},
                    new Object[] {CAMILLE, new ActivityCommand(new PollCommand.Answer("q1", 0))},
                    new Object[] {LOU, new ActivityCommand(new PollCommand.Answer("q1", 2))},
                    new Object[] {CAMILLE, new ActivityCommand(new PollCommand.Answer("q1", 1))},
                    new Object[] {Actor.participant("p-sam"), new Leave()},
                    new Object[] {Actor.FACILITATOR, new ActivityCommand(new PollCommand.Reveal("q1"))},
                    new Object[] {Actor.SYSTEM, new ActivityCommand(new PollCommand.Close("q1"))},
                    new Object[] {Actor.FACILITATOR, new ActivityCommand(new PollCommand.Ask("Et ensuite ?", List.of("Oui", "Non"), null, null))},
                    new Object[] {LOU, new ActivityCommand(new PollCommand.Answer("q2", 1))},
                    new Object[] {Actor.FACILITATOR, new ActivityCommand(new PollCommand.Close("q2"))},
                    new Object[] {Actor.FACILITATOR, new OpenSatisfaction()},
                    new Object[] {CAMILLE, new Rate(3, "Pas mal")},
                    new Object[] {LOU, new Rate(5, null)},
                    new Object[] {CAMILLE, new Rate(4, "Finalement bien")},
                    new Object[] {Actor.FACILITATOR, new End()});
            long t = AT;
            for (Object[] step : script) {
                Decision<SessionEvent> d = session.decide(state, (Actor) step[0], (SessionCommand) step[1], Instant.ofEpochMilli(t += 1_000));
                assertThat(d.accepted()).as("%s by %s: %s", step[1], step[0], d).isTrue();
                for (SessionEvent e : ((Decision.Accepted<SessionEvent>) d).events()) {
                    state = session.evolve(state, e);
                    log.add(e);
                }
            }
            assertThat(state.platform().phase()).isEqualTo(Phase.ENDED);
            assertThat(session.replay(log)).isEqualTo(state);

            // The events alone carry everything: a second replay is identical too.
            assertThat(session.replay(List.copyOf(log))).isEqualTo(session.replay(log));
        }
    }

    @Nested
    class Views {
        @Test
        void the_created_event_takes_the_format_title_when_the_title_is_blank() {
            assertThat(session.create("K7QX2M", "  ", "h", NOW))
                    .isEqualTo(new SessionCreated("K7QX2M", "poll", "Sondage express", "h", AT));
            assertThat(session.create("K7QX2M", " Atelier\u0007 de Dreux ", "h", NOW))
                    .isEqualTo(new SessionCreated("K7QX2M", "poll", "Atelier de Dreux", "h", AT));
            assertThat(session.create("K7QX2M", null, "h", NOW).title()).isEqualTo("Sondage express");
        }

        @Test
        void a_phone_sees_itself_and_its_rating_but_no_list_of_participants() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, STARTED, SATISFACTION_OPENED,
                    new SatisfactionRated("p-camille", 4, "Très utile", T0_MS),
                    new SatisfactionRated("p-lou", 2, "Trop long", T0_MS));
            SessionView v = session.view(state, new Audience.Participant("p-camille"));
            assertThat(v.audience()).isEqualTo("participant");
            assertThat(v.session()).isEqualTo(new SessionView.Header("K7QX2M", "poll", "Sondage express", "Atelier de Dreux",
                    Phase.SATISFACTION, true, 2));
            assertThat(v.me()).isEqualTo(new SessionView.Me("p-camille", "Camille"));
            assertThat(v.participants()).isNull();
            assertThat(v.satisfaction()).isEqualTo(new SessionView.SatisfactionView(true, new Satisfaction.Rating(4, "Très utile"), null));
        }

        @Test
        void the_projector_lists_active_participants_and_gets_the_summary_only_once_the_questionnaire_opens() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, new ParticipantLeft("p-lou", T0_MS), STARTED);
            SessionView v = session.view(state, Audience.PROJECTOR);
            assertThat(v.audience()).isEqualTo("projector");
            assertThat(v.me()).isNull();
            assertThat(v.participants()).containsExactly(new SessionView.Person("p-camille", "Camille", true));
            assertThat(v.satisfaction().summary()).isNull();

            given(CREATED, CAMILLE_JOINED, STARTED, SATISFACTION_OPENED, new SatisfactionRated("p-camille", 4, "Secret", T0_MS));
            v = session.view(state, Audience.PROJECTOR);
            assertThat(v.satisfaction().open()).isTrue();
            assertThat(v.satisfaction().mine()).isNull();
            assertThat(v.satisfaction().summary().count()).isEqualTo(1);
            assertThat(v.satisfaction().summary().comments()).isNull();
        }

        @Test
        void the_projector_lists_only_the_last_120_names_but_counts_everyone() {
            List<SessionEvent> events = new ArrayList<>(List.of(CREATED));
            for (int i = 0; i < Session.PROJECTOR_NAMES + 5; i++) {
                events.add(joined("p-" + i, "N" + i));
            }
            given(events.toArray(SessionEvent[]::new));
            SessionView v = session.view(state, Audience.PROJECTOR);
            assertThat(v.session().participantCount()).isEqualTo(Session.PROJECTOR_NAMES + 5);
            assertThat(v.participants()).hasSize(Session.PROJECTOR_NAMES);
            assertThat(v.participants().get(0).nickname()).isEqualTo("N5");
            assertThat(session.view(state, Audience.FACILITATOR).participants()).hasSize(Session.PROJECTOR_NAMES + 5);
        }

        @Test
        void the_console_lists_everyone_and_reads_the_comments() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, new ParticipantLeft("p-lou", T0_MS), STARTED, SATISFACTION_OPENED,
                    new SatisfactionRated("p-camille", 4, "Très utile", T0_MS));
            SessionView v = session.view(state, Audience.FACILITATOR);
            assertThat(v.audience()).isEqualTo("facilitator");
            assertThat(v.participants()).containsExactly(
                    new SessionView.Person("p-camille", "Camille", true),
                    new SessionView.Person("p-lou", "Lou", false));
            assertThat(v.satisfaction().summary().comments()).containsExactly("Très utile");
            assertThat(Arrays.stream(v.satisfaction().summary().distribution()).sum()).isEqualTo(1);
        }

        @Test
        void no_view_carries_a_token_hash() throws Exception {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, STARTED);
            for (Audience a : List.of(Audience.PROJECTOR, Audience.FACILITATOR, new Audience.Participant("p-camille"))) {
                String json = Json.MAPPER.writeValueAsString(session.view(state, a));
                assertThat(json).doesNotContain("token-hash", "host-hash-secret", "tokenHash", "hostTokenHash");
            }
        }

        @Test
        void joins_leaves_and_ratings_change_only_the_phone_concerned() {
            assertThat(session.impact(CAMILLE_JOINED)).isEqualTo(Impact.only("p-camille"));
            assertThat(session.impact(new ParticipantLeft("p-lou", T0_MS))).isEqualTo(Impact.only("p-lou"));
            assertThat(session.impact(new SatisfactionRated("p-lou", 3, null, T0_MS))).isEqualTo(Impact.only("p-lou"));
            assertThat(session.impact(STARTED)).isEqualTo(Impact.ALL);
            assertThat(session.impact(new ActivityEvent(new PollEvent.Answered("q1", "p-lou", 0, T0_MS))))
                    .isEqualTo(Impact.only("p-lou"));
        }
    }

    /** Issue 15, item 4: the facilitator renames or removes a participant. */
    @Nested
    class Moderation {
        static final PlatformEvent.ParticipantRemoved LOU_REMOVED = new PlatformEvent.ParticipantRemoved("p-lou", T0_MS + 500);

        @Test
        void the_facilitator_renames_a_participant_and_their_phone_shows_it() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED);
            when(Actor.FACILITATOR, new PlatformCommand.RenameParticipant("p-lou", "  Louise "));
            thenAccepted(new PlatformEvent.ParticipantRenamed("p-lou", "Louise", AT));
            state = session.evolve(state, new PlatformEvent.ParticipantRenamed("p-lou", "Louise", AT));
            assertThat(session.view(state, new Audience.Participant("p-lou")).me().nickname()).isEqualTo("Louise");
            assertThat(state.platform().roster().nicknameTaken("Lou")).isFalse();
            assertThat(state.platform().roster().nicknameTaken("louise")).isTrue();
        }

        @Test
        void a_rename_follows_the_nickname_rules() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED);
            when(Actor.FACILITATOR, new PlatformCommand.RenameParticipant("p-lou", "camille"));
            thenRejected("nickname_taken");
            when(Actor.FACILITATOR, new PlatformCommand.RenameParticipant("p-lou", ""));
            thenRejected("nickname_invalid");
            when(Actor.FACILITATOR, new PlatformCommand.RenameParticipant("p-nobody", "Zoé"));
            thenRejected("not_found");
            when(Actor.FACILITATOR, new PlatformCommand.RenameParticipant("p-lou", "LOU"));
            thenAccepted(new PlatformEvent.ParticipantRenamed("p-lou", "LOU", AT));
        }

        @Test
        void only_the_facilitator_renames_or_removes() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED);
            when(CAMILLE, new PlatformCommand.RemoveParticipant("p-lou"));
            thenRejected("forbidden");
            when(CAMILLE, new PlatformCommand.RenameParticipant("p-lou", "Nul"));
            thenRejected("forbidden");
        }

        @Test
        void a_removed_participant_is_out_their_token_is_void_and_their_nickname_refused() {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED);
            when(Actor.FACILITATOR, new PlatformCommand.RemoveParticipant("p-lou"));
            thenAccepted(new PlatformEvent.ParticipantRemoved("p-lou", AT));
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, LOU_REMOVED);
            Roster roster = state.platform().roster();
            assertThat(roster.isActive("p-lou")).isFalse();
            assertThat(roster.idForTokenHash("token-hash-p-lou")).isEmpty();
            assertThat(roster.activeCount()).isEqualTo(1);
            assertThat(roster.members().get("p-lou").nickname()).as("no view shows the removed nickname any more")
                    .isEqualTo(Session.REMOVED_NICKNAME);
            assertThat(session.view(state, Audience.FACILITATOR).toString()).doesNotContain("Lou,").doesNotContain("nickname=Lou");
            when(Actor.GUEST, join("p-other", " lou "));
            thenRejected(NameFilter.CODE);
            when(LOU, new ActivityCommand(new PollCommand.Answer("q1", 0)));
            thenRejected("forbidden");
            when(Actor.FACILITATOR, new PlatformCommand.RemoveParticipant("p-lou"));
            thenRejected("not_found");
            SessionView phone = session.view(state, new Audience.Participant("p-lou"));
            assertThat(phone.audience()).isEqualTo(Session.REMOVED);
            assertThat(phone.me()).isNull();
            assertThat(phone.activity()).isNull();
            assertThat(session.view(state, Audience.PROJECTOR).participants()).extracting(SessionView.Person::nickname)
                    .containsExactly("Camille");
        }

        @Test
        void removal_survives_a_snapshot_of_the_roster() throws Exception {
            given(CREATED, CAMILLE_JOINED, LOU_JOINED, LOU_REMOVED);
            Roster roster = state.platform().roster();
            Roster back = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(roster), Roster.class);
            assertThat(back.nicknameRefused("Lou")).isTrue();
            assertThat(back.isRemoved("p-lou")).isTrue();
            assertThat(back.nicknameTaken("Lou")).isFalse();
        }
    }
}
