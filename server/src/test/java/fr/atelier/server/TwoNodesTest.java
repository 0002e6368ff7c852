package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two real nodes (separate Vert.x instances) sharing one Redis and one PostgreSQL: any node serves
 * any participant, and when the node hosting a session dies another carries it on with every
 * acknowledged answer.
 */
class TwoNodesTest {
    private final List<TestNode> nodes = new ArrayList<>();

    private TestNode started(TestNode node) {
        nodes.add(node);
        return node;
    }

    /** Node A on the embedded default; node B uses A's Redis and PostgreSQL as external services. */
    private TestNode[] twoNodes() {
        TestNode a = started(TestNode.embedded());
        return new TestNode[] {a, started(a.peer("node-b"))};
    }

    @AfterEach
    void stop() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode ask() {
        var ask = cmd("poll.ask").put("text", "Quel portail pour l'apprentissage ?");
        ask.withArray("options").add("Parcoursup").add("Portail de l'alternance").add("Mon Master");
        return ask;
    }

    @Test
    void participantsOnDifferentNodesSeeTheSameSession() {
        TestNode[] n = twoNodes();
        Http httpA = n[0].http();
        Http httpB = n[1].http();
        JsonNode created = httpA.createSession("poll", "Deux nœuds");
        String code = created.get("code").asText();

        WsClient console = n[1].connect();
        assertThat(console.hello(code, "facilitator", created.get("hostToken").asText()).path("type").asText()).isEqualTo("welcome");
        WsClient screen = n[0].connect();
        screen.hello(code, "screen", null);
        List<WsClient> phones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Http http = i % 2 == 0 ? httpA : httpB;
            JsonNode joined = http.join(code, "Participant " + i);
            WsClient phone = (i % 2 == 0 ? n[1] : n[0]).connect();
            assertThat(phone.hello(code, "participant", joined.get("rejoinToken").asText()).path("type").asText()).isEqualTo("welcome");
            phones.add(phone);
        }
        screen.awaitView(v -> v.path("session").path("participantCount").asInt() == 6);
        assertThat(console.command(cmd("session.start")).path("type").asText()).isEqualTo("ack");
        assertThat(console.command(ask()).path("type").asText()).isEqualTo("ack");
        for (int i = 0; i < phones.size(); i++) {
            phones.get(i).awaitView(v -> v.path("activity").path("question").path("status").asText().equals("OPEN"));
            assertThat(phones.get(i).command(cmd("poll.answer").put("questionId", "q1").put("option", i % 3)).path("type").asText())
                    .isEqualTo("ack");
        }
        JsonNode onConsole = console.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 6);
        assertThat(onConsole.path("activity").path("question").path("distribution").toString()).isEqualTo("[2,2,2]");
        screen.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 6);
        assertThat(httpB.get("/api/sessions/" + code).json().path("participantCount").asInt()).isEqualTo(6);
    }

    @Test
    void whenTheOwnerDiesAnotherNodeCarriesTheSessionOnWithEveryAcknowledgedAnswer() {
        TestNode a = started(TestNode.embedded());
        TestNode b = started(a.peer("node-b"));
        TestNode c = started(a.peer("node-c"));
        Http httpB = b.http();
        JsonNode created = httpB.createSession("poll", "Panne");
        String code = created.get("code").asText();
        String host = created.get("hostToken").asText();

        // The facilitator's node hosts the session (first to touch it).
        WsClient console = b.connect();
        console.hello(code, "facilitator", host);
        assertThat(b.server().registry().hostedCount()).isEqualTo(1);
        List<JsonNode> joined = new ArrayList<>();
        List<WsClient> phonesOnC = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode j = httpB.join(code, "Phone " + i);
            joined.add(j);
            WsClient phone = c.connect();
            phone.hello(code, "participant", j.get("rejoinToken").asText());
            phonesOnC.add(phone);
        }
        console.command(cmd("session.start"));
        console.command(ask());
        phonesOnC.get(0).awaitView(v -> v.path("activity").path("question").path("status").asText().equals("OPEN"));
        assertThat(phonesOnC.get(0).command(cmd("poll.answer").put("questionId", "q1").put("option", 1)).path("type").asText()).isEqualTo("ack");
        assertThat(phonesOnC.get(1).command(cmd("poll.answer").put("questionId", "q1").put("option", 1)).path("type").asText()).isEqualTo("ack");

        long died = System.nanoTime();
        b.server().crash();
        nodes.remove(b);

        // Phones on C keep their sockets: their answers are held until C or A takes the session over.
        JsonNode third = phonesOnC.get(2).command("after-crash-2", cmd("poll.answer").put("questionId", "q1").put("option", 2));
        if (!third.path("type").asText().equals("ack")) {
            third = phonesOnC.get(2).command("after-crash-2", cmd("poll.answer").put("questionId", "q1").put("option", 2));
        }
        assertThat(third.path("type").asText()).isEqualTo("ack");
        long takeoverMs = (System.nanoTime() - died) / 1_000_000;
        assertThat(takeoverMs).as("taken over within 5 s").isLessThan(5000);

        // The facilitator's browser reconnects by itself, here to node A.
        WsClient console2 = a.connect();
        assertThat(console2.hello(code, "facilitator", host).path("type").asText()).isEqualTo("welcome");
        assertThat(phonesOnC.get(3).command(cmd("poll.answer").put("questionId", "q1").put("option", 0)).path("type").asText()).isEqualTo("ack");
        JsonNode view = console2.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 4);
        assertThat(view.path("activity").path("question").path("distribution").toString()).isEqualTo("[1,2,1]");
        phonesOnC.get(0).awaitView(v -> v.path("activity").path("question").path("myAnswer").asInt(-1) == 1);
    }
}
