package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A whole poll session over real WebSockets, real Redis and real PostgreSQL: join, ask, answer,
 * reveal, satisfaction, end, archive, synthesis. Run on both storage paths by the subclasses.
 */
abstract class LiveSessionFlowTest {
    static TestNode node;
    static Http http;

    static void startServer(Config config) {
        node = TestNode.start(config);
        http = node.http();
    }

    @AfterAll
    static void stopServer() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aPollSessionRunsFromJoinToTheArchivedSynthesis() {
        JsonNode created = http.createSession("poll", "Atelier de Dreux");
        String code = created.get("code").asText();
        String host = created.get("hostToken").asText();

        WsClient console = node.connect();
        assertThat(console.hello(code, "facilitator", host).path("type").asText()).isEqualTo("welcome");
        WsClient screen = node.connect();
        screen.hello(code, "screen", null);

        List<WsClient> phones = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String nickname : List.of("Camille", "Élodie", "Sami")) {
            JsonNode joined = http.join(code, nickname);
            ids.add(joined.get("participantId").asText());
            WsClient phone = node.connect();
            JsonNode welcome = phone.hello(code, "participant", joined.get("rejoinToken").asText());
            assertThat(welcome.get("participantId").asText()).isEqualTo(joined.get("participantId").asText());
            phones.add(phone);
        }
        JsonNode lobby = screen.awaitView(v -> v.path("session").path("participantCount").asInt() == 3);
        assertThat(lobby.get("participants")).extracting(p -> p.get("nickname").asText())
                .containsExactly("Camille", "Élodie", "Sami");

        assertThat(console.command(cmd("session.start")).path("type").asText()).isEqualTo("ack");
        com.fasterxml.jackson.databind.node.ObjectNode ask = cmd("poll.ask").put("text", "Quel site pour les fiches métiers ?").put("correct", 1);
        ask.withArray("options").add("France Travail").add("Onisep").add("Parcoursup");
        assertThat(console.command(ask).path("type").asText()).isEqualTo("ack");

        for (WsClient phone : phones) {
            JsonNode v = phone.awaitView(view -> view.path("activity").path("question").path("status").asText().equals("OPEN"));
            assertThat(v.path("activity").path("question").has("correct")).as("correct answer hidden from phones").isFalse();
            assertThat(v.path("activity").path("question").has("distribution")).isFalse();
        }
        int[] choices = {1, 1, 0};
        for (int i = 0; i < 3; i++) {
            JsonNode answer = cmd("poll.answer").put("questionId", "q1").put("option", choices[i]);
            assertThat(phones.get(i).command(answer).path("type").asText()).isEqualTo("ack");
            int mine = choices[i];
            phones.get(i).awaitView(v -> v.path("activity").path("question").path("myAnswer").asInt(-1) == mine);
        }
        JsonNode onScreen = screen.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 3);
        assertThat(onScreen.path("activity").path("question").has("distribution")).as("not revealed yet").isFalse();
        JsonNode onConsole = console.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 3);
        assertThat(onConsole.path("activity").path("question").path("distribution").toString()).isEqualTo("[1,2,0]");

        assertThat(console.command(cmd("poll.reveal").put("questionId", "q1")).path("type").asText()).isEqualTo("ack");
        JsonNode revealed = phones.get(2).awaitView(v -> v.path("activity").path("question").path("status").asText().equals("REVEALED"));
        assertThat(revealed.path("activity").path("question").path("distribution").toString()).isEqualTo("[1,2,0]");
        assertThat(revealed.path("activity").path("question").path("correct").asInt()).isEqualTo(1);

        assertThat(console.command(cmd("session.openSatisfaction")).path("type").asText()).isEqualTo("ack");
        int[] scores = {5, 4, 4};
        for (int i = 0; i < 3; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode rate = cmd("session.rate").put("score", scores[i]);
            if (i == 2) {
                rate.put("comment", "Très utile pour découvrir les sites <b>partenaires</b>");
            }
            assertThat(phones.get(i).command(rate).path("type").asText()).isEqualTo("ack");
        }
        JsonNode satisfaction = screen.awaitView(v -> v.path("satisfaction").path("summary").path("count").asInt() == 3);
        assertThat(satisfaction.path("satisfaction").path("summary").path("average").asDouble()).isEqualTo(4.3);
        assertThat(satisfaction.path("satisfaction").path("summary").has("comments")).as("comments stay off the projector").isFalse();

        assertThat(console.command(cmd("session.end")).path("type").asText()).isEqualTo("ack");
        phones.get(0).awaitView(v -> v.path("session").path("phase").asText().equals("ENDED"));

        Pg pg = new Pg(node.server().databaseUrl());
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ? order by created_at desc limit 1", code);
        assertThat(pg.value("select count(*) from participant where session_id = ?", sessionId)).isEqualTo(3L);
        assertThat(pg.value("select count(*) from satisfaction_answer where session_id = ?", sessionId)).isEqualTo(3L);
        assertThat(pg.value("select satisfaction_average::text from session where id = ?", sessionId)).isEqualTo("4.3");
        assertThat(pg.value("select votes from poll_option where session_id = ? and option_index = 1", sessionId)).isEqualTo(2);
        long events = (Long) pg.value("select count(*) from session_event where session_id = ?", sessionId);
        long maxSeq = (Long) pg.value("select max(seq) from session_event where session_id = ?", sessionId);
        assertThat(events).as("every event archived once, no gap").isEqualTo(maxSeq);
        assertThat(pg.value("select type from session_event where session_id = ? and seq = 1", sessionId)).isEqualTo("session.created");

        // Archiving again is harmless: same rows, no duplicates.
        node.server().archiver().archive(sessionId).await();
        assertThat(pg.value("select count(*) from session_event where session_id = ?", sessionId)).isEqualTo(events);

        Http.Response synthesis = http.get("/api/sessions/" + code + "/synthesis", host);
        assertThat(synthesis.status()).isEqualTo(200);
        JsonNode s = synthesis.json();
        assertThat(s.path("participants")).hasSize(3);
        assertThat(s.path("satisfaction").path("distribution").toString()).isEqualTo("[0,0,0,2,1]");
        assertThat(s.path("satisfaction").path("comments").get(0).asText()).contains("<b>partenaires</b>");
        assertThat(s.path("results").get(0).path("distribution").toString()).isEqualTo("[1,2,0]");
        assertThat(http.get("/api/sessions/" + code + "/synthesis", "wrong").status()).isEqualTo(401);
        assertThat(http.get("/api/sessions/" + code + "/synthesis").status()).isEqualTo(401);

        Http.Response csv = http.get("/api/sessions/" + code + "/export.csv", host);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF").contains("\"Élodie\"").contains("\"Onisep\";\"2\";\"oui\"");

        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("atelier_commands_total{outcome=\"acknowledged\"}", "atelier_redis_append_seconds",
                "atelier_websocket_connections", "jvm_memory_used_bytes", "vertx_http_server_active_connections");

        // The coordinators' activity report is a query over the archive.
        Http.Response report = http.get("/api/coordination/report", TestConfig.COORDINATOR_KEY);
        assertThat(report.status()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode r : report.json().path("sessions")) {
            if (r.path("code").asText().equals(code)) {
                row = r;
            }
        }
        assertThat(row).as("archived session listed").isNotNull();
        assertThat(row.path("participants").asInt()).isEqualTo(3);
        assertThat(row.path("satisfaction").asDouble()).isEqualTo(4.3);
        assertThat(report.json().path("overall").path("sessions").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/api/coordination/report", "mauvaise-cle").status()).isEqualTo(401);
        assertThat(http.get("/api/coordination/report.csv", TestConfig.COORDINATOR_KEY).body()).contains("Atelier de Dreux");
        Http.Response viaCoordination = http.get("/api/coordination/sessions/" + code + "/synthesis", TestConfig.COORDINATOR_KEY);
        assertThat(viaCoordination.status()).isEqualTo(200);
        assertThat(viaCoordination.json().path("participants")).hasSize(3);

        for (WsClient c : phones) {
            c.close();
        }
        console.close();
        screen.close();
    }
}
