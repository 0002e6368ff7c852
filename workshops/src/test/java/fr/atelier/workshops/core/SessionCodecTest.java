package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON of a poll session: events for storage, snapshots, and commands from the wire. */
class SessionCodecTest {
    static final long T = 1_764_079_200_000L;

    private final Session<PollState, PollCommand, PollEvent> session = new Session<>(new PollFormat());
    private final SessionCodec codec = new SessionCodec(new PollFormat());

    static final List<PlatformEvent> PLATFORM_EVENTS = List.of(
            new SessionCreated("K7QX2M", "poll", "Atelier de Dreux — « 2025 »", "host-hash", T),
            new ParticipantJoined("p-camille", "Camille", "token-hash-1", T + 1),
            new ParticipantJoined("p-elodie", "Élodie 🌱", "token-hash-2", T + 2),
            new JoiningChanged(false, T + 3),
            new JoiningChanged(true, T + 4),
            new ActivityStarted(T + 5),
            new ParticipantLeft("p-elodie", T + 6),
            new SatisfactionOpened(T + 7),
            new SatisfactionRated("p-camille", 4, "Très utile,\n\"merci\"", T + 8),
            new SatisfactionRated("p-camille", 5, null, T + 9),
            new PlatformEvent.ParticipantRenamed("p-elodie", "Élo", T + 9),
            new PlatformEvent.ParticipantRemoved("p-elodie", T + 9),
            new PlatformEvent.Framed(List.of(new Bilan.Structure("st_1", "CIO de Dreux")), true,
                    List.of(new Bilan.Question("iq_1", "Connaissez-vous mieux les structures présentes ?", "both")), T + 9),
            new PlatformEvent.Declared("p-camille", "st_1", 3, T + 9),
            new PlatformEvent.ImpactAnswered("p-camille", "iq_1", "after", 4, T + 9),
            new SessionEnded(T + 10, "system"));

    static final List<PollEvent> POLL_EVENTS = List.of(
            new PollEvent.Asked("q1", "Quel site ?", List.of("Onisep", "France Travail"), 1, T + 20_000, T),
            new PollEvent.Answered("q1", "p-camille", 0, T + 1),
            new PollEvent.Answered("q1", "p-camille", 1, T + 2),
            new PollEvent.Closed("q1", T + 3),
            new PollEvent.Revealed("q1", T + 4),
            new PollEvent.Asked("q2", "Sans bonne réponse ni minuteur", List.of("a", "b", "c"), null, null, T + 5));

    @Nested
    class Events {
        @Test
        void the_samples_cover_every_event_type() {
            assertThat(PLATFORM_EVENTS.stream().map(Object::getClass).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(PlatformEvent.class.getPermittedSubclasses());
            assertThat(POLL_EVENTS.stream().map(Object::getClass).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(PollEvent.class.getPermittedSubclasses());
        }

        @Test
        void every_platform_and_poll_event_round_trips() {
            List<SessionEvent> events = new ArrayList<>(PLATFORM_EVENTS);
            POLL_EVENTS.forEach(e -> events.add(new ActivityEvent(e)));
            String json = codec.writeEvents(events);
            assertThat(codec.readEvents(json)).isEqualTo(events);
        }

        @Test
        void each_event_round_trips_alone() {
            List<SessionEvent> events = new ArrayList<>(PLATFORM_EVENTS);
            POLL_EVENTS.forEach(e -> events.add(new ActivityEvent(e)));
            for (SessionEvent e : events) {
                assertThat(codec.readEvents(codec.writeEvents(List.of(e)))).containsExactly(e);
            }
        }

        @Test
        void an_empty_log_round_trips() {
            assertThat(codec.writeEvents(List.of())).isEqualTo("[]");
            assertThat(codec.readEvents("[]")).isEmpty();
        }

        @Test
        void events_are_typed_with_their_prefix() {
            List<SessionEvent> events = new ArrayList<>(PLATFORM_EVENTS);
            POLL_EVENTS.forEach(e -> events.add(new ActivityEvent(e)));
            List<String> types = new ArrayList<>();
            for (SessionEvent e : events) {
                types.add(codec.eventTree(e).path("type").asText());
            }
            assertThat(types).containsExactly(
                    "session.created", "session.joined", "session.joined", "session.joiningChanged",
                    "session.joiningChanged", "session.activityStarted", "session.left", "session.satisfactionOpened",
                    "session.rated", "session.rated", "session.renamed", "session.removed", "session.framed", "session.declared", "session.impactAnswered", "session.ended",
                    "poll.asked", "poll.answered", "poll.answered", "poll.closed", "poll.revealed", "poll.asked");
        }

        @Test
        void absent_optional_fields_are_left_out() {
            JsonNode asked = codec.eventTree(new ActivityEvent(POLL_EVENTS.get(5)));
            assertThat(asked.has("correct")).isFalse();
            assertThat(asked.has("deadline")).isFalse();
            JsonNode rated = codec.eventTree(PLATFORM_EVENTS.get(9));
            assertThat(rated.has("comment")).isFalse();
        }
    }

    @Nested
    class Snapshots {
        @Test
        void a_rich_state_round_trips() {
            List<SessionEvent> log = new ArrayList<>(PLATFORM_EVENTS.subList(0, 6));
            POLL_EVENTS.forEach(e -> log.add(new ActivityEvent(e)));
            log.add(new ActivityEvent(new PollEvent.Answered("q2", "p-camille", 2, T + 30)));
            log.addAll(PLATFORM_EVENTS.subList(6, 9));
            SessionState<PollState> state = session.replay(log);
            assertThat(state.activity().questions()).hasSize(2);
            assertThat(state.platform().satisfaction().ratings()).isNotEmpty();

            assertThat(codec.readSnapshot(codec.writeSnapshot(state))).isEqualTo(state);
        }

        @Test
        void an_ended_state_round_trips() {
            List<SessionEvent> log = new ArrayList<>(PLATFORM_EVENTS);
            SessionState<PollState> state = session.replay(log);
            assertThat(state.platform().phase()).isEqualTo(Phase.ENDED);
            assertThat(codec.readSnapshot(codec.writeSnapshot(state))).isEqualTo(state);
        }

        @Test
        void a_fresh_session_round_trips() {
            SessionState<PollState> state = session.replay(List.of(PLATFORM_EVENTS.get(0)));
            assertThat(codec.readSnapshot(codec.writeSnapshot(state))).isEqualTo(state);
        }

        @Test
        void a_restored_snapshot_goes_on_like_the_original() {
            SessionState<PollState> state = session.replay(new ArrayList<>(PLATFORM_EVENTS.subList(0, 6)));
            @SuppressWarnings("unchecked")
            SessionState<PollState> restored = (SessionState<PollState>) codec.readSnapshot(codec.writeSnapshot(state));
            SessionEvent next = new ActivityEvent(POLL_EVENTS.get(0));
            assertThat(session.evolve(restored, next)).isEqualTo(session.evolve(state, next));
        }
    }

    @Nested
    class Commands {
        private SessionCommand read(String json) throws Exception {
            return codec.readCommand(Json.MAPPER.readTree(json));
        }

        static Stream<Arguments> wellFormed() {
            return Stream.of(
                    Arguments.of("{\"type\":\"session.rate\",\"score\":4,\"comment\":\"Très utile\"}",
                            new PlatformCommand.Rate(4, "Très utile")),
                    Arguments.of("{\"type\":\"session.rate\",\"score\":4}", new PlatformCommand.Rate(4, null)),
                    Arguments.of("{\"type\":\"session.setJoining\",\"open\":false}", new PlatformCommand.SetJoining(false)),
                    Arguments.of("{\"type\":\"session.start\"}", new PlatformCommand.StartActivity()),
                    Arguments.of("{\"type\":\"session.openSatisfaction\"}", new PlatformCommand.OpenSatisfaction()),
                    Arguments.of("{\"type\":\"session.end\"}", new PlatformCommand.End()),
                    Arguments.of("{\"type\":\"session.leave\"}", new PlatformCommand.Leave()),
                    Arguments.of("{\"type\":\"poll.ask\",\"text\":\"Quel site ?\",\"options\":[\"Onisep\",\"CIO\"],\"correct\":1,\"seconds\":30}",
                            new ActivityCommand(new PollCommand.Ask("Quel site ?", List.of("Onisep", "CIO"), 1, 30))),
                    Arguments.of("{\"type\":\"poll.ask\",\"text\":\"Q\",\"options\":[\"a\",\"b\"]}",
                            new ActivityCommand(new PollCommand.Ask("Q", List.of("a", "b"), null, null))),
                    Arguments.of("{\"type\":\"poll.answer\",\"questionId\":\"q2\",\"option\":1}",
                            new ActivityCommand(new PollCommand.Answer("q2", 1))),
                    Arguments.of("{\"type\":\"poll.close\",\"questionId\":\"q2\"}",
                            new ActivityCommand(new PollCommand.Close("q2"))),
                    Arguments.of("{\"type\":\"poll.reveal\",\"questionId\":\"q2\"}",
                            new ActivityCommand(new PollCommand.Reveal("q2"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("wellFormed")
        void well_formed_commands_are_read(String json, SessionCommand expected) throws Exception {
            assertThat(read(json)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[]", "[{\"type\":\"session.start\"}]", "\"session.start\"", "42", "true", "null"})
        void a_command_that_is_not_an_object_is_refused(String json) {
            assertThatThrownBy(() -> read(json))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .hasMessage("La commande doit être un objet JSON.");
        }

        @Test
        void a_missing_command_is_refused() {
            assertThatThrownBy(() -> codec.readCommand(null))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .hasMessage("La commande doit être un objet JSON.");
            assertThatThrownBy(() -> codec.readCommand(NullNode.getInstance()))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .hasMessage("La commande doit être un objet JSON.");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "{}",
            "{\"type\":\"\"}",
            "{\"type\":42}",
            "{\"type\":\"ping\"}",
            "{\"type\":\"quiz.answer\",\"questionId\":\"q1\",\"option\":0}",
            "{\"type\":\"pollx.answer\"}",
            "{\"type\":\"poll\"}",
            "{\"type\":\"session\"}",
            "{\"type\":\"SESSION.START\"}"})
        void an_unknown_type_is_refused(String json) {
            assertThatThrownBy(() -> read(json))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .hasMessageStartingWith("Commande inconnue : « ");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "{\"type\":\"session.dance\"}",
            "{\"type\":\"session.created\",\"code\":\"K7QX2M\"}",
            "{\"type\":\"poll.vote\",\"questionId\":\"q1\"}",
            "{\"type\":\"poll.asked\",\"questionId\":\"q1\"}"})
        void an_unknown_type_in_a_known_namespace_is_refused(String json) {
            assertThatThrownBy(() -> read(json))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .hasMessageContaining("Commande « ");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "{\"type\":\"session.start\",\"now\":1}",
            "{\"type\":\"session.rate\",\"score\":4,\"participantId\":\"p-other\"}",
            "{\"type\":\"poll.answer\",\"questionId\":\"q1\",\"option\":0,\"participantId\":\"p-other\"}",
            "{\"type\":\"poll.ask\",\"text\":\"Q\",\"options\":[\"a\",\"b\"],\"deadline\":1}"})
        void an_unknown_field_is_refused(String json) {
            assertThatThrownBy(() -> read(json))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .hasMessageStartingWith("Commande « ")
                    .hasMessageContaining("mal formée");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "{\"type\":\"session.rate\",\"score\":\"4\"}",
            "{\"type\":\"session.rate\",\"score\":null}",
            "{\"type\":\"session.rate\",\"score\":[4]}",
            "{\"type\":\"session.rate\",\"score\":4,\"comment\":{\"text\":\"x\"}}",
            "{\"type\":\"session.setJoining\",\"open\":\"true\"}",
            "{\"type\":\"session.setJoining\",\"open\":null}",
            "{\"type\":\"poll.answer\",\"questionId\":\"q1\",\"option\":\"1\"}",
            "{\"type\":\"poll.answer\",\"questionId\":[\"q1\"],\"option\":1}",
            "{\"type\":\"poll.ask\",\"text\":\"Q\",\"options\":\"a,b\"}",
            "{\"type\":\"poll.ask\",\"text\":\"Q\",\"options\":[\"a\",\"b\"],\"seconds\":\"30\"}"})
        void a_field_of_the_wrong_type_is_refused(String json) {
            assertThatThrownBy(() -> read(json))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .hasMessageStartingWith("Commande « ")
                    .hasMessageContaining("mal formée");
        }

        /** protocol.md: a frame with a missing field is refused, it changes nothing. */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "{\"type\":\"session.setJoining\"}",
            "{\"type\":\"session.rate\",\"comment\":\"Très utile\"}"})
        void a_missing_required_field_is_refused(String json) {
            assertThatThrownBy(() -> read(json))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .hasMessageStartingWith("Commande « ")
                    .hasMessageContaining("mal formée");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "{\"type\":\"session.join\",\"participantId\":\"p-me\",\"nickname\":\"Moi\",\"tokenHash\":\"h\"}",
            "{\"type\":\"session.join\",\"nickname\":\"Moi\"}",
            "{\"type\":\"session.join\"}"})
        void joining_over_the_wire_is_refused(String json) {
            assertThatThrownBy(() -> read(json))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .hasMessageStartingWith("Pour rejoindre une session, utilisez la page d'accueil");
        }

        /** Issue 11: a number is what it says; the refusal names the field, never the parser or a class. */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "{\"type\":\"poll.answer\",\"questionId\":\"q1\",\"option\":1.5}|option|un nombre entier",
            "{\"type\":\"poll.answer\",\"questionId\":\"q1\",\"option\":1.0}|option|un nombre entier",
            "{\"type\":\"poll.ask\",\"text\":\"Q\",\"options\":[\"a\",\"b\"],\"correct\":0.5}|correct|un nombre entier",
            "{\"type\":\"session.rate\",\"score\":2.5}|score|un nombre entier",
            "{\"type\":\"poll.answer\",\"questionId\":\"q1\",\"option\":3000000000}|option|hors des limites",
            "{\"type\":\"poll.answer\",\"questionId\":\"q1\",\"option\":-3000000000}|option|hors des limites",
            "{\"type\":\"poll.ask\",\"text\":\"Q\",\"options\":[\"a\",\"b\"],\"seconds\":99999999999999999999}|seconds|hors des limites",
            "{\"type\":\"poll.answer\",\"questionId\":\"q1\",\"option\":\"deux\"}|option|un nombre entier",
            "{\"type\":\"session.setJoining\",\"open\":1}|open|vrai ou faux"})
        void a_number_that_is_not_an_integer_or_out_of_range_is_invalid(String caseLine) {
            String[] parts = caseLine.split("\\|");
            assertThatThrownBy(() -> read(parts[0]))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .satisfies(e -> {
                        assertThat(((SessionCodec.BadCommand) e).code()).isEqualTo("invalid");
                        assertThat(e.getMessage()).contains("« " + parts[1] + " »").contains(parts[2])
                                .doesNotContainIgnoringCase("java").doesNotContain("Integer").doesNotContain("`")
                                .doesNotContainIgnoringCase("jackson").doesNotContain("Cannot").doesNotContain("coerce");
                    });
        }

        @Test
        void the_message_of_a_malformed_command_is_short() {
            String huge = "{\"type\":\"poll.ask\",\"text\":\"Q\",\"options\":[\"a\",\"b\"],\"" + "z".repeat(5_000) + "\":1}";
            assertThatThrownBy(() -> read(huge))
                    .isInstanceOf(SessionCodec.BadCommand.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\n"));
        }
    }

    @Test
    void the_codec_writes_any_record_as_json() {
        assertThat(codec.write(new Satisfaction.Rating(4, null))).isEqualTo("{\"score\":4}");
    }
}
