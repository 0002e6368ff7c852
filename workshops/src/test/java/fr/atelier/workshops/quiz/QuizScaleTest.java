package fr.atelier.workshops.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.PlatformCommand;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCommand;
import fr.atelier.workshops.core.SessionEvent;
import fr.atelier.workshops.core.SessionState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark's room (2,500 participants) plays a live question: deciding every answer and
 * computing every phone's view must stay linear in the number of participants. Generous bounds
 * catch a quadratic regression, not a slow machine; the times are printed for the record.
 */
class QuizScaleTest {
    static final int PEOPLE = 2_500;
    static final int TEAMS = 50;

    private final Session<QuizState, QuizCommand, QuizEvent> session = new Session<>(new QuizFormat());
    private SessionState<QuizState> s;
    private Instant now = Instant.parse("2025-11-25T14:00:00Z");

    private void run(Actor who, SessionCommand c) {
        now = now.plusMillis(1);
        Decision<SessionEvent> d = session.decide(s, who, c, now);
        assertThat(d.accepted()).as("%s", d).isTrue();
        for (SessionEvent e : ((Decision.Accepted<SessionEvent>) d).events()) {
            s = session.evolve(s, e);
        }
    }

    private long allPhoneViews() throws Exception {
        long bytes = 0;
        for (int i = 0; i < PEOPLE; i++) {
            bytes += Json.MAPPER.writeValueAsBytes(session.view(s, new Audience.Participant("p" + i))).length;
        }
        return bytes;
    }

    /** Every participant answers (each team's answer changes many times: everyone in it answers). */
    private void answerAll(QuizBank.Question q) {
        for (int i = 0; i < PEOPLE; i++) {
            run(Actor.participant("p" + i), new ActivityCommand(new QuizCommand.Answer(q.id(),
                    List.of(q.choices().get(i % q.choices().size()).id()), null, null, null)));
        }
    }

    @Test
    void aLiveQuestionFor2500ParticipantsStaysLinear() throws Exception {
        s = session.initialState();
        s = session.evolve(s, session.create("K7QX2M", "Benchmark", "hash", now));
        for (int i = 0; i < PEOPLE; i++) {
            run(Actor.GUEST, new PlatformCommand.Join("p" + i, "Pseudo " + i, "h" + i));
        }
        run(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.UseBank(QuizLibraryTest.LIBRARY.load("partenaires-orientation"))));
        run(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.Configure(
                new QuizSettings(QuizSettings.Pacing.LIVE, 60, 30, true, true, 100, true))));
        run(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.BalanceTeams(42L, TEAMS)));
        run(Actor.FACILITATOR, new PlatformCommand.StartActivity());
        run(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.Start()));

        long t0 = System.nanoTime();
        long setupBytes = allPhoneViews();
        long setupMs = (System.nanoTime() - t0) / 1_000_000;

        run(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.Show(1)));
        allPhoneViews(); // warm-up
        t0 = System.nanoTime();
        long shownBytes = allPhoneViews();
        long shownMs = (System.nanoTime() - t0) / 1_000_000;

        answerAll(s.activity().bank().questions().get(1)); // warm-up question
        run(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.Reveal(s.activity().bank().questions().get(1).id())));
        run(Actor.FACILITATOR, new ActivityCommand(new QuizCommand.Show(5)));
        t0 = System.nanoTime();
        answerAll(s.activity().bank().questions().get(5));
        long answersMs = (System.nanoTime() - t0) / 1_000_000;

        t0 = System.nanoTime();
        long teamBytes = 0;
        for (int i = 0; i < PEOPLE / TEAMS; i++) {
            teamBytes += Json.MAPPER.writeValueAsBytes(session.view(s, new Audience.Participant("p" + i * TEAMS))).length;
        }
        long teamMs = (System.nanoTime() - t0) / 1_000_000;
        long screenBytes = Json.MAPPER.writeValueAsBytes(session.view(s, Audience.PROJECTOR)).length;

        System.out.printf("quiz scale, %d participants in %d teams: all phone views %d ms (%d B each) in set-up, %d ms (%d B each)"
                        + " after a question is shown; %d answers (after a warm-up question) decided and applied in %d ms; one team's views %d ms; projector %d B%n",
                PEOPLE, TEAMS, setupMs, setupBytes / PEOPLE, shownMs, shownBytes / PEOPLE, PEOPLE, answersMs, teamMs, screenBytes);
        assertThat(shownBytes / PEOPLE).as("a phone's view does not grow with the room").isLessThan(10_000);
        assertThat(shownMs).isLessThan(10_000);
        assertThat(answersMs).isLessThan(20_000);
    }
}
