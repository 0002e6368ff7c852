package fr.atelier.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Satisfaction;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionState;
import java.time.Instant;
import java.util.List;

/** What a coordinator reads after a session: the same shape whether live or archived. */
public record Synthesis(
        String code,
        String title,
        String format,
        String formatTitle,
        String phase,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        boolean archived,
        List<Person> participants,
        Satisfaction.Summary satisfaction,
        JsonNode results,
        // Issue 18: the impact questions, before/after.
        List<fr.atelier.workshops.core.Bilan.QuestionSummary> impact) {

    public record Person(String nickname, Instant joinedAt) {}

    public static <S> Synthesis fromLive(Session<S, ?, ?> session, SessionState<S> state) {
        var p = state.platform();
        java.util.Set<String> staff = session.staff(state);
        List<Person> people = p.roster().all().stream()
                .filter((Roster.Member m) -> !staff.contains(m.id()))
                .map((Roster.Member m) -> new Person(m.nickname(), Instant.ofEpochMilli(m.joinedAtMillis())))
                .toList();
        Object results = session.format().results(state.activity(), p.roster());
        return new Synthesis(p.code(), p.title(), p.format(), session.format().title(), p.phase().name(),
                Instant.ofEpochMilli(p.createdAt()), toInstant(p.startedAt()), toInstant(p.endedAt()), false, people,
                p.satisfaction().summary(true), Json.MAPPER.valueToTree(results), p.bilan().summaries());
    }

    private static Instant toInstant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
