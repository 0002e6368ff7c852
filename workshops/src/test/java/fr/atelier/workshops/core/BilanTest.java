package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.Bilan.Question;
import fr.atelier.workshops.core.Bilan.Structure;
import fr.atelier.workshops.core.PlatformCommand.Declare;
import fr.atelier.workshops.core.PlatformCommand.EndIdle;
import fr.atelier.workshops.core.PlatformCommand.Frame;
import fr.atelier.workshops.core.PlatformCommand.ImpactAnswer;
import fr.atelier.workshops.core.PlatformEvent.ActivityStarted;
import fr.atelier.workshops.core.PlatformEvent.Declared;
import fr.atelier.workshops.core.PlatformEvent.Framed;
import fr.atelier.workshops.core.PlatformEvent.ImpactAnswered;
import fr.atelier.workshops.core.PlatformEvent.ParticipantJoined;
import fr.atelier.workshops.core.PlatformEvent.SatisfactionOpened;
import fr.atelier.workshops.core.PlatformEvent.SessionCreated;
import fr.atelier.workshops.core.PlatformEvent.SessionEnded;
import fr.atelier.workshops.poll.PollCommand;
import fr.atelier.workshops.poll.PollEvent;
import fr.atelier.workshops.poll.PollFormat;
import fr.atelier.workshops.poll.PollState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 18: structures at join, declared team sizes, impact questions before/after, the idle end. */
class BilanTest {
    static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");
    static final long AT = NOW.toEpochMilli();
    static final long T0 = AT - 60_000;

    static final SessionCreated CREATED = new SessionCreated("K7QX2M", "poll", "Forum des métiers", "h", T0);
    static final ParticipantJoined CAMILLE = new ParticipantJoined("p-camille", "Camille", "t1", T0);
    static final Structure MISSION_LOCALE = new Structure("st_ml", "Mission locale de Dreux");
    static final Structure CIO = new Structure("st_cio", "CIO de Chartres");
    static final Question KNOW = new Question("iq_know", "Connaissez-vous mieux les structures présentes ?", "both");
    static final Question AFTER_ONLY = new Question("iq_after", "Savez-vous vers qui orienter ?", "after");
    static final Framed FRAMED = new Framed(List.of(MISSION_LOCALE, CIO), true, List.of(KNOW, AFTER_ONLY), T0);
    static final Actor ME = Actor.participant("p-camille");

    private final Session<PollState, PollCommand, PollEvent> session = new Session<>(new PollFormat());
    private SessionState<PollState> state;
    private Decision<SessionEvent> decision;

    private void given(SessionEvent... events) {
        state = session.replay(List.of(events));
    }

    private void when(Actor who, SessionCommand c) {
        decision = session.decide(state, who, c, NOW);
    }

    private void thenAccepted(SessionEvent... events) {
        assertThat(decision).isEqualTo(new Decision.Accepted<>(List.of(events)));
    }

    private void thenRejected(String code) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.message()).isNotBlank();
        });
    }

    @Test
    void only_the_server_frames_a_session() {
        given(CREATED);
        Frame frame = new Frame(List.of(MISSION_LOCALE, CIO), true, List.of(KNOW, AFTER_ONLY));
        when(Actor.FACILITATOR, frame);
        thenRejected("forbidden");
        when(Actor.SYSTEM, frame);
        thenAccepted(new Framed(List.of(MISSION_LOCALE, CIO), true, List.of(KNOW, AFTER_ONLY), AT));
    }

    @Test
    void a_frame_with_a_bad_question_is_refused() {
        given(CREATED);
        when(Actor.SYSTEM, new Frame(List.of(), false, List.of(new Question("iq_x", "Q ?", "during"))));
        thenRejected("invalid");
        when(Actor.SYSTEM, new Frame(List.of(), false, List.of(new Question("iq_x", " ", "both"))));
        thenRejected("invalid");
    }

    @Test
    void a_participant_picks_a_structure_of_the_list_and_a_team_size() {
        given(CREATED, FRAMED, CAMILLE);
        when(ME, new Declare("st_cio", 3));
        thenAccepted(new Declared("p-camille", "st_cio", 3, AT));
        given(CREATED, FRAMED, CAMILLE, new Declared("p-camille", "st_cio", 3, AT));
        assertThat(state.platform().bilan().declarations().get("p-camille")).isEqualTo(new Bilan.Declaration("st_cio", 3));
        assertThat(state.platform().bilan().peopleCount(Set.of("p-camille"))).isEqualTo(3);
        when(ME, new Declare("st_cio", 3));
        thenAccepted();
    }

    @Test
    void a_structure_of_another_territory_or_a_silly_size_is_refused() {
        given(CREATED, FRAMED, CAMILLE);
        when(ME, new Declare("st_elsewhere", null));
        thenRejected("not_found");
        when(ME, new Declare(null, 0));
        thenRejected("invalid");
        when(ME, new Declare(null, Bilan.MAX_TEAM_SIZE + 1));
        thenRejected("invalid");
        when(Actor.GUEST, new Declare("st_cio", null));
        thenRejected("forbidden");
    }

    @Test
    void no_structure_is_asked_outside_professionals_sessions() {
        given(CREATED, new Framed(List.of(CIO), false, List.of(), T0), CAMILLE);
        when(ME, new Declare("st_cio", null));
        thenRejected("invalid");
        when(ME, new Declare(null, 2));
        thenAccepted(new Declared("p-camille", null, 2, AT));
    }

    @Test
    void impact_questions_are_answered_before_then_after() {
        given(CREATED, FRAMED, CAMILLE);
        when(ME, new ImpactAnswer("iq_know", "before", 2));
        thenAccepted(new ImpactAnswered("p-camille", "iq_know", "before", 2, AT));
        when(ME, new ImpactAnswer("iq_know", "after", 4));
        thenRejected("wrong_phase");
        when(ME, new ImpactAnswer("iq_after", "before", 4));
        thenRejected("invalid");

        given(CREATED, FRAMED, CAMILLE, new ImpactAnswered("p-camille", "iq_know", "before", 2, T0),
                new ActivityStarted(T0), new SatisfactionOpened(T0));
        when(ME, new ImpactAnswer("iq_know", "before", 3));
        thenRejected("wrong_phase");
        when(ME, new ImpactAnswer("iq_know", "after", 4));
        thenAccepted(new ImpactAnswered("p-camille", "iq_know", "after", 4, AT));
        state = session.evolve(state, new ImpactAnswered("p-camille", "iq_know", "after", 4, AT));
        assertThat(state.platform().bilan().summaries().get(0))
                .isEqualTo(new Bilan.QuestionSummary("iq_know", KNOW.text(), 1, 2.0, 1, 4.0));
    }

    @Test
    void a_score_of_6_or_an_unknown_question_is_refused_with_nothing_changed() {
        given(CREATED, FRAMED, CAMILLE);
        SessionState<PollState> before = state;
        when(ME, new ImpactAnswer("iq_know", "before", 6));
        thenRejected("invalid");
        when(ME, new ImpactAnswer("iq_know", "before", 0));
        thenRejected("invalid");
        when(ME, new ImpactAnswer("iq_nope", "before", 3));
        thenRejected("not_found");
        when(ME, new ImpactAnswer("iq_know", "during", 3));
        thenRejected("invalid");
        assertThat(state).isEqualTo(before);
    }

    @Test
    void the_phone_sees_the_structures_and_the_questions_open_now() {
        given(CREATED, FRAMED, CAMILLE);
        SessionView v = session.view(state, new Audience.Participant("p-camille"));
        Bilan.PhoneView phone = (Bilan.PhoneView) v.bilan();
        assertThat(phone.structures()).containsExactly(MISSION_LOCALE, CIO);
        assertThat(phone.questions()).extracting(Bilan.PhoneQuestion::id).containsExactly("iq_know");
        given(CREATED, FRAMED, CAMILLE, new ActivityStarted(T0), new SatisfactionOpened(T0));
        phone = (Bilan.PhoneView) session.view(state, new Audience.Participant("p-camille")).bilan();
        assertThat(phone.structures()).isNull();
        assertThat(phone.questions()).extracting(Bilan.PhoneQuestion::id).containsExactly("iq_know", "iq_after");
        assertThat(session.view(state, Audience.PROJECTOR).bilan()).isNull();
    }

    @Test
    void only_the_server_ends_an_idle_session_and_it_is_recorded_as_the_system() {
        given(CREATED, CAMILLE);
        when(Actor.FACILITATOR, new EndIdle(T0));
        thenRejected("forbidden");
        when(Actor.SYSTEM, new EndIdle(T0));
        thenAccepted(new SessionEnded(AT, "system"));
        state = session.evolve(state, new SessionEnded(AT, "system"));
        assertThat(state.platform().phase()).isEqualTo(Phase.ENDED);
        assertThat(state.platform().bilan().closedBy()).isEqualTo("system");
        when(Actor.SYSTEM, new EndIdle(T0));
        thenRejected("session_ended");

        given(CREATED, new SessionEnded(AT));
        assertThat(state.platform().bilan().closedBy()).isEqualTo("facilitator");
    }

    @Test
    void publics_are_checked_against_the_fixed_list() {
        assertThat(Publics.problemWith(List.of("lyceens", "professionnels"))).isNull();
        assertThat(Publics.problemWith(List.of("lyceens", "astronautes"))).contains("astronautes");
        assertThat(Publics.normalise(List.of("professionnels", "lyceens", "lyceens"))).containsExactly("lyceens", "professionnels");
        assertThat(Publics.forProfessionals(List.of("professionnels"))).isTrue();
    }
}
