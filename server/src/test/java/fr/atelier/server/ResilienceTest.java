package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Nothing acknowledged is lost: resent commands, reconnecting phones, a whole server restart. */
class ResilienceTest {
    private final Path dataDir = TestConfig.newDataDir();
    private TestNode node;
    private Http http;

    private void start() {
        node = TestNode.start(TestConfig.embedded(dataDir));
        http = node.http();
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static JsonNode ask(WsClient console) {
        var ask = cmd("poll.ask").put("text", "Combien de départements en Centre-Val de Loire ?");
        ask.withArray("options").add("4").add("6").add("8");
        return console.command(ask);
    }

    @Test
    void aResentCommandIsAcknowledgedAgainButAppliedOnce() {
        start();
        JsonNode created = http.createSession("poll", "Doublons");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        JsonNode joined = http.join(code, "Noa");
        WsClient phone = node.connect();
        phone.hello(code, "participant", joined.get("rejoinToken").asText());
        console.command(cmd("session.start"));
        ask(console);

        JsonNode first = phone.command("answer-1", cmd("poll.answer").put("questionId", "q1").put("option", 1));
        JsonNode second = phone.command("answer-1", cmd("poll.answer").put("questionId", "q1").put("option", 2));
        assertThat(first.get("type").asText()).isEqualTo("ack");
        assertThat(second.get("type").asText()).isEqualTo("ack");
        assertThat(second.get("seq").asLong()).as("same acknowledgement").isEqualTo(first.get("seq").asLong());
        JsonNode view = console.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 1);
        assertThat(view.path("activity").path("question").path("distribution").toString())
                .as("the resent command (even with other content) was not applied again").isEqualTo("[0,1,0]");
    }

    @Test
    void aPhoneThatReconnectsGetsItsStateBack() {
        start();
        JsonNode created = http.createSession("poll", "Reconnexion");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        JsonNode joined = http.join(code, "Inès");
        WsClient phone = node.connect();
        phone.hello(code, "participant", joined.get("rejoinToken").asText());
        console.command(cmd("session.start"));
        ask(console);
        phone.command(cmd("poll.answer").put("questionId", "q1").put("option", 1));
        long lastSeq = phone.all().stream().filter(m -> m.path("type").asText().equals("view"))
                .mapToLong(m -> m.get("seq").asLong()).max().orElseThrow();
        phone.close();

        // The phone slept; meanwhile the facilitator closed the question.
        console.command(cmd("poll.close").put("questionId", "q1"));
        WsClient again = node.connect();
        var hello = cmd("hello").put("protocol", 1).put("code", code).put("role", "participant")
                .put("token", joined.get("rejoinToken").asText()).put("lastSeq", lastSeq);
        again.send(hello);
        JsonNode welcome = again.next(m -> m.path("type").asText().equals("welcome"));
        assertThat(welcome.get("seq").asLong()).isGreaterThan(lastSeq);
        JsonNode view = again.awaitView(v -> v.path("activity").path("question").path("status").asText().equals("CLOSED"));
        assertThat(view.path("me").path("nickname").asText()).isEqualTo("Inès");
        assertThat(view.path("activity").path("question").path("myAnswer").asInt()).isEqualTo(1);
    }

    @Test
    void aServerRestartLosesNoSessionParticipantOrAnswer() {
        start();
        JsonNode created = http.createSession("poll", "Redémarrage");
        String code = created.get("code").asText();
        String host = created.get("hostToken").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", host);
        JsonNode a = http.join(code, "Aya");
        JsonNode b = http.join(code, "Bastien");
        console.command(cmd("session.start"));
        ask(console);
        WsClient phoneA = node.connect();
        phoneA.hello(code, "participant", a.get("rejoinToken").asText());
        assertThat(phoneA.command(cmd("poll.answer").put("questionId", "q1").put("option", 2)).get("type").asText()).isEqualTo("ack");

        node.close();
        start();

        WsClient phoneB = node.connect();
        phoneB.hello(code, "participant", b.get("rejoinToken").asText());
        assertThat(phoneB.command(cmd("poll.answer").put("questionId", "q1").put("option", 1)).get("type").asText()).isEqualTo("ack");
        WsClient phoneA2 = node.connect();
        phoneA2.hello(code, "participant", a.get("rejoinToken").asText());
        assertThat(phoneA2.awaitView(v -> true).path("activity").path("question").path("myAnswer").asInt()).isEqualTo(2);
        WsClient console2 = node.connect();
        console2.hello(code, "facilitator", host);
        JsonNode view = console2.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 2);
        assertThat(view.path("session").path("participantCount").asInt()).isEqualTo(2);
        assertThat(view.path("activity").path("question").path("distribution").toString()).isEqualTo("[0,1,1]");
    }

    @Test
    void anEndedSessionReloadsFromItsSnapshotAfterARestart() {
        start();
        JsonNode created = http.createSession("poll", "Instantané");
        String code = created.get("code").asText();
        String host = created.get("hostToken").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", host);
        JsonNode a = http.join(code, "Nour");
        WsClient phone = node.connect();
        phone.hello(code, "participant", a.get("rejoinToken").asText());
        console.command(cmd("session.start"));
        ask(console);
        phone.command(cmd("poll.answer").put("questionId", "q1").put("option", 0));
        assertThat(console.command(cmd("session.end")).get("type").asText()).isEqualTo("ack");

        node.close();
        start();

        // The actor is rebuilt from the snapshot written at the end (and the empty stream tail after it).
        JsonNode synthesis = http.get("/api/sessions/" + code + "/synthesis", host).json();
        assertThat(synthesis.path("phase").asText()).isEqualTo("ENDED");
        assertThat(synthesis.path("participants").get(0).path("nickname").asText()).isEqualTo("Nour");
        assertThat(synthesis.path("results").get(0).path("distribution").toString()).isEqualTo("[1,0,0]");
        WsClient late = node.connect();
        late.hello(code, "participant", a.get("rejoinToken").asText());
        assertThat(late.command(cmd("poll.answer").put("questionId", "q1").put("option", 1)).get("code").asText())
                .isEqualTo("session_ended");
    }
}
