package fr.atelier.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.cards.CardsFormat;
import fr.atelier.workshops.core.ActivityCommand;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.TimeUp;
import fr.atelier.workshops.hackathon.HackathonCommand;
import fr.atelier.workshops.hackathon.HackathonFormat;
import fr.atelier.workshops.poll.PollFormat;
import fr.atelier.workshops.prioritisation.PrioritisationFormat;
import fr.atelier.workshops.quiz.QuizFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Time is up" has one name in every timed format, only the server may say it, and old names still read. */
class TimeUpTest {
    private static final List<Format<?, ?, ?>> TIMED = List.of(new PollFormat(), new QuizFormat(), new CardsFormat(), new HackathonFormat());

    @Test
    void every_timed_format_reads_its_timeUp_and_refuses_it_from_anyone_but_the_server() {
        for (Format<?, ?, ?> f : TIMED) {
            Object command = readTimeUp(f);
            assertThat(command).as(f.id()).isInstanceOf(TimeUp.class);
            assertThat(((TimeUp) command).deadline()).isEqualTo(1000);
            assertThat(decide(f, Actor.FACILITATOR, command).accepted()).as(f.id()).isFalse();
            assertThat(decide(f, new Actor.Participant("p1"), command).accepted()).as(f.id()).isFalse();
        }
    }

    @Test
    void a_stale_timeUp_changes_nothing() {
        for (Format<?, ?, ?> f : List.<Format<?, ?, ?>>of(new PollFormat(), new CardsFormat(), new HackathonFormat())) {
            Object command = readTimeUp(f);
            Decision<?> d = decide(f, Actor.SYSTEM, command);
            assertThat(d.accepted()).as(f.id()).isTrue();
            assertThat(((Decision.Accepted<?>) d).events()).as(f.id()).isEmpty();
        }
    }

    @Test
    void the_hackathon_still_reads_its_former_expire() throws Exception {
        var node = Json.MAPPER.readTree("{\"type\":\"hackathon.expire\",\"at\":42}");
        Object command = ((ActivityCommand) new SessionCodec(new HackathonFormat()).readCommand(node)).command();
        assertThat(command).isEqualTo(new HackathonCommand.TimeUp(42));
    }

    @Test
    void an_untimed_format_has_no_deadline() {
        PrioritisationFormat f = new PrioritisationFormat();
        assertThat(f.nextDeadline(f.initialState())).isNull();
    }

    private static Object readTimeUp(Format<?, ?, ?> f) {
        try {
            String round = f.id().equals("cards") ? ",\"round\":1" : "";
            var node = Json.MAPPER.readTree("{\"type\":\"" + f.id() + ".timeUp\"" + round + ",\"deadline\":1000}");
            return ((ActivityCommand) new SessionCodec(f).readCommand(node)).command();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Decision<?> decide(Format f, Actor who, Object command) {
        return f.decide(f.initialState(), Roster.EMPTY, who, command, Instant.ofEpochMilli(5000));
    }
}
