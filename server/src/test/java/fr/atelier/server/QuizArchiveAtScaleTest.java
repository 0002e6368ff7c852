package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A big quiz reaches PostgreSQL, and archiving it again gives the same tables: 400 participants in
 * 50 teams answer the 39 questions of the default bank (over 10,000 participant answers). The load
 * benchmark found such an archive failing for ever: stale rows were deleted with a "not in" list of
 * every key, and PostgreSQL runs out of stack past about 10,000 keys.
 */
class QuizArchiveAtScaleTest {
    static final int PEOPLE = 400;
    static TestNode node;
    static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.embedded(Map.of("ATELIER_JOINS_PER_MINUTE", "100000"));
        http = node.http();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void tenThousandAnswersAreArchivedAndArchivedAgain() {
        JsonNode created = http.createSession("quiz", "Forum de l'orientation");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        List<WsClient> phones = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            WsClient phone = node.connect();
            phone.hello(code, "participant", http.join(code, "Visiteur " + i).get("rejoinToken").asText());
            phones.add(phone);
        }
        JsonNode bank = http.get("/api/formats/quiz/library/partenaires-orientation").json();
        ObjectNode useBank = cmd("quiz.useBank");
        useBank.set("bank", bank);
        ok(console, useBank);
        ObjectNode configure = cmd("quiz.configure");
        configure.set("settings", Json.MAPPER.createObjectNode().put("pacing", "live").put("secondsPerQuestion", 600)
                .put("speedBonus", false).put("partialCredit", false).put("teamSize", 8).put("selfTeams", false));
        ok(console, configure);
        ok(console, cmd("session.start"));
        ok(console, cmd("quiz.balanceTeams").put("seed", 7).put("teams", 50));
        ok(console, cmd("quiz.start"));

        for (JsonNode q : bank.path("questions")) {
            ok(console, cmd("quiz.show"));
            // Every phone answers something of its own, so that nearly every answer changes its team's.
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                String id = "a" + i + "-" + q.path("id").asText();
                ObjectNode message = Json.MAPPER.createObjectNode().put("type", "command").put("id", id);
                message.set("command", answer(q, i));
                phones.get(i).send(message);
                ids.add(id);
            }
            for (int i = 0; i < PEOPLE; i++) {
                String id = ids.get(i);
                JsonNode reply = phones.get(i).next(m -> id.equals(m.path("id").asText()));
                assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("ack");
            }
            ok(console, cmd("quiz.reveal").put("questionId", q.path("id").asText()));
        }
        ok(console, cmd("quiz.finish"));
        ok(console, cmd("session.end"));

        Pg pg = new Pg(node.server().databaseUrl());
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ?", code);
        pg.await(v -> v != null, "select session_id from quiz_game where session_id = ?", sessionId);
        long answers = (Long) pg.value("select count(*) from quiz_participant_answer where session_id = ?", sessionId);
        assertThat(answers).isGreaterThan(10_000L);
        assertThat(pg.value("select count(*) from quiz_participant where session_id = ?", sessionId)).isEqualTo((long) PEOPLE);
        assertThat(pg.value("select count(*) from quiz_team_answer where session_id = ?", sessionId))
                .isEqualTo(50L * bank.path("questions").size());

        node.server().archiver().archive(sessionId).await();
        assertThat(pg.value("select count(*) from quiz_participant_answer where session_id = ?", sessionId)).isEqualTo(answers);
        assertThat(pg.value("select count(*) from quiz_participant where session_id = ?", sessionId)).isEqualTo((long) PEOPLE);
        phones.forEach(WsClient::close);
        console.close();
    }

    /** Participant {@code i}'s answer to question {@code q}, in the shape its type takes. */
    private static ObjectNode answer(JsonNode q, int i) {
        ObjectNode a = cmd("quiz.answer").put("questionId", q.path("id").asText());
        JsonNode choices = q.path("choices");
        switch (q.path("type").asText()) {
            case "single", "multiple" -> a.putArray("choices").add(choices.get(i % choices.size()).path("id").asText());
            case "truefalse" -> a.put("truth", i % 2 == 0);
            case "number" -> a.put("number", i);
            default -> a.put("text", "Réponse " + i);
        }
        return a;
    }

    private static void ok(WsClient client, JsonNode command) {
        JsonNode reply = client.command(command);
        assertThat(reply.path("type").asText()).as("%s → %s", command, reply).isEqualTo("ack");
    }
}
