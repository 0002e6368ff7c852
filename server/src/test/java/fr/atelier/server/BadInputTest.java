package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a clear error, changes nothing, and leaves the connection usable. */
class BadInputTest {
    static TestNode node;
    static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.fastest();
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private record Room(String code, String host, WsClient console, WsClient phone) {}

    private Room room() {
        JsonNode created = http.createSession("poll", "Entrées invalides");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        JsonNode joined = http.join(code, "Lina");
        WsClient phone = node.connect();
        phone.hello(code, "participant", joined.get("rejoinToken").asText());
        return new Room(code, created.get("hostToken").asText(), console, phone);
    }

    @Test
    void malformedFramesGetAnErrorAndTheConnectionStaysUsable() {
        Room r = room();
        r.phone.sendRaw("{pas du json");
        assertThat(r.phone.next(m -> m.path("type").asText().equals("error")).get("code").asText()).isEqualTo("bad_message");
        r.phone.sendRaw("[1,2,3]");
        assertThat(r.phone.next(m -> m.path("type").asText().equals("error")).get("message").asText()).contains("type");
        r.phone.sendRaw("{\"type\":\"teleport\"}");
        assertThat(r.phone.next(m -> m.path("type").asText().equals("error")).get("message").asText()).contains("teleport");
        r.phone.sendRaw("{\"type\":\"command\",\"command\":{\"type\":\"session.leave\"}}");
        assertThat(r.phone.next(m -> m.path("type").asText().equals("error")).get("message").asText()).contains("id");

        JsonNode unknown = r.phone.command(cmd("poll.explode"));
        assertThat(unknown.get("type").asText()).isEqualTo("rejected");
        assertThat(unknown.get("code").asText()).isEqualTo("bad_message");
        JsonNode wrongField = r.phone.command(cmd("poll.answer").put("questionId", "q1").put("option", "deux"));
        assertThat(wrongField.get("code").asText()).as("a known field's value").isEqualTo("invalid");
        assertThat(wrongField.get("message").asText()).contains("« option »").contains("nombre entier");
        JsonNode extraField = r.phone.command(cmd("session.rate").put("score", 4).put("email", "x@y.fr"));
        assertThat(extraField.get("code").asText()).isEqualTo("bad_message");

        // Still usable: a ping is answered.
        r.phone.sendRaw("{\"type\":\"ping\",\"t\":42}");
        assertThat(r.phone.next(m -> m.path("type").asText().equals("pong")).get("t").asInt()).isEqualTo(42);
        assertThat(r.phone.isClosed()).isFalse();
    }

    @Test
    void commandsOutOfPhaseOrRoleAreRejectedAndChangeNothing() {
        Room r = room();
        JsonNode early = r.phone.command(cmd("session.rate").put("score", 5));
        assertThat(early.get("code").asText()).isEqualTo("wrong_phase");
        assertThat(early.get("message").asText()).contains("satisfaction");
        JsonNode notHost = r.phone.command(cmd("session.start"));
        assertThat(notHost.get("code").asText()).isEqualTo("forbidden");
        JsonNode noQuestion = r.phone.command(cmd("poll.answer").put("questionId", "q1").put("option", 0));
        assertThat(noQuestion.get("code").asText()).isEqualTo("not_found");
        r.console.command(cmd("session.start"));
        var bad = cmd("poll.ask").put("text", "Une seule réponse ?");
        bad.withArray("options").add("oui");
        assertThat(r.console.command(bad).get("code").asText()).isEqualTo("invalid");
        JsonNode view = r.console.awaitView(v -> v.path("session").path("phase").asText().equals("ACTIVITY"));
        assertThat(view.path("activity").path("asked").asInt()).as("nothing asked").isZero();

        WsClient screen = node.connect();
        screen.hello(r.code, "screen", null);
        assertThat(screen.command(cmd("session.end")).get("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void wrongTokensUnknownCodesAndOversizedFramesCloseWithTheirCodes() {
        Room r = room();
        WsClient intruder = node.connect();
        assertThat(intruder.hello(r.code, "facilitator", "not-the-token").get("code").asText()).isEqualTo("unauthorized");
        assertThat(intruder.awaitClose()).isEqualTo((short) 4401);

        WsClient lost = node.connect();
        assertThat(lost.hello("ZZZZZZ", "screen", null).get("code").asText()).isEqualTo("unknown_session");
        assertThat(lost.awaitClose()).isEqualTo((short) 4404);

        WsClient oldClient = node.connect();
        oldClient.sendRaw("{\"type\":\"hello\",\"protocol\":0,\"code\":\"" + r.code + "\",\"role\":\"screen\"}");
        assertThat(oldClient.awaitClose()).isEqualTo((short) 4400);

        String huge = "{\"type\":\"ping\",\"t\":\"" + "x".repeat(20_000) + "\"}";
        r.phone.sendRaw(huge);
        assertThat(r.phone.awaitClose()).isEqualTo((short) 1009);
    }

    @Test
    void httpErrorsAreClearAndJoinAttemptsAreRateLimited() {
        Room r = room();
        Http.Response taken = http.post("/api/sessions/" + r.code + "/join", "{\"nickname\":\"  lina \"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("error").path("code").asText()).isEqualTo("nickname_taken");
        Http.Response empty = http.post("/api/sessions/" + r.code + "/join", "{\"nickname\":\"   \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("error").path("message").asText()).contains("pseudo");
        assertThat(http.post("/api/sessions/" + r.code + "/join", "pas du json").status()).isEqualTo(400);
        assertThat(http.post("/api/sessions/" + r.code + "/join", "{\"nickname\":42}").status()).isEqualTo(400);
        assertThat(http.post("/api/sessions/" + r.code + "/join", "{\"nickname\":\"" + "n".repeat(20_000) + "\"}").status()).isEqualTo(413);
        assertThat(http.get("/api/sessions/ZZZZZZ").json().path("error").path("code").asText()).isEqualTo("unknown_session");
        assertThat(http.post("/api/sessions", "{\"format\":\"bingo\"}").status()).isEqualTo(400);

        r.console.command(cmd("session.end"));
        Http.Response late = http.post("/api/sessions/" + r.code + "/join", "{\"nickname\":\"Tardif\"}");
        assertThat(late.status()).isEqualTo(410);

    }
}
