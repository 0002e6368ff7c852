package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.cards.CardsCommand;
import fr.atelier.workshops.cards.CardsEvent;
import fr.atelier.workshops.hackathon.HackathonCommand;
import fr.atelier.workshops.hackathon.HackathonEvent;
import fr.atelier.workshops.poll.PollCommand;
import fr.atelier.workshops.poll.PollEvent;
import fr.atelier.workshops.prioritisation.PrioritisationCommand;
import fr.atelier.workshops.prioritisation.PrioritisationEvent;
import fr.atelier.workshops.quiz.QuizCommand;
import fr.atelier.workshops.quiz.QuizEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code type} names are stored in every event log and spoken by every client: the rule of
 * {@link WireNames} must keep giving exactly the names the explicit lists gave (pinned in
 * {@code wire-names.txt}, one {@code Family.Record name} a line).
 */
class WireNamesTest {
    static final List<Class<?>> FAMILIES = List.of(PlatformCommand.class, PlatformEvent.class,
            PollCommand.class, PollEvent.class, QuizCommand.class, QuizEvent.class, CardsCommand.class, CardsEvent.class,
            PrioritisationCommand.class, PrioritisationEvent.class, HackathonCommand.class, HackathonEvent.class);

    @Test
    void every_command_and_event_keeps_its_persisted_name() throws IOException {
        List<String> names = new ArrayList<>();
        for (Class<?> family : FAMILIES) {
            for (Map.Entry<String, Class<?>> e : WireNames.of(family).entrySet()) {
                names.add(family.getSimpleName() + "." + e.getValue().getSimpleName() + " " + e.getKey());
            }
        }
        try (InputStream in = WireNamesTest.class.getResourceAsStream("/wire-names.txt")) {
            List<String> pinned = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(pinned);
        }
    }

    @Test
    void a_command_is_written_and_read_back_under_its_name() throws IOException {
        String json = Json.MAPPER.writerFor(QuizCommand.class).writeValueAsString(new QuizCommand.ShowScoreboard());
        assertThat(json).isEqualTo("{\"type\":\"quiz.scoreboard\"}");
        assertThat(Json.MAPPER.readValue(json, QuizCommand.class)).isEqualTo(new QuizCommand.ShowScoreboard());
        String event = Json.MAPPER.writeValueAsString(new PlatformEvent.SessionEnded(5));
        assertThat(event).isEqualTo("{\"type\":\"session.ended\",\"at\":5}");
        assertThat(Json.MAPPER.readValue(event, PlatformEvent.class)).isEqualTo(new PlatformEvent.SessionEnded(5));
    }
}
