package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Challenge numérique" over real WebSockets, the embedded Redis and PostgreSQL: a five-question
 * bank from the library, three teams on six phones (teams made by the console and by phones), both
 * pacings to the podium and the debrief, a phone that reconnects mid-question, then the archive in
 * PostgreSQL, the synthesis and the CSV export. Also the library's HTTP import/export.
 */
class QuizSessionFlowTest {
    static TestNode node;
    static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.embedded();
        http = node.http();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** One room: console, projector, six phones in three teams of two. */
    static final class Room {
        String code;
        String host;
        WsClient console;
        WsClient screen;
        final Map<String, WsClient> phones = new LinkedHashMap<>();
        final Map<String, String> tokens = new LinkedHashMap<>();
        final Map<String, String> ids = new LinkedHashMap<>();
        final Map<String, String> teamOf = new LinkedHashMap<>();
        JsonNode bank;

        WsClient phone(String nickname) {
            return phones.get(nickname);
        }

        void closeAll() {
            phones.values().forEach(WsClient::close);
            console.close();
            screen.close();
        }
    }

    static final List<String> PEOPLE = List.of("Camille", "Élodie", "Sami", "Lou", "Nina", "Yanis");

    static JsonNode quiz(JsonNode view) {
        return view.path("activity");
    }

    static void ok(WsClient client, JsonNode command) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("ack");
    }

    static String rejected(WsClient client, JsonNode command) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("rejected");
        return answer.path("code").asText();
    }

    static ObjectNode settings(String pacing, Integer seconds, int minutes) {
        ObjectNode s = Json.MAPPER.createObjectNode().put("pacing", pacing).put("timeLimitMinutes", minutes)
                .put("speedBonus", true).put("partialCredit", true).put("teamSize", 3).put("selfTeams", true);
        if (seconds != null) {
            s.put("secondsPerQuestion", seconds);
        }
        return s;
    }

    private Room setUp(String pacing, Integer seconds) {
        Room r = new Room();
        JsonNode created = http.createSession("quiz", "Challenge numérique de Dreux");
        r.code = created.get("code").asText();
        r.host = created.get("hostToken").asText();
        r.console = node.connect();
        assertThat(r.console.hello(r.code, "facilitator", r.host).path("type").asText()).isEqualTo("welcome");
        r.screen = node.connect();
        r.screen.hello(r.code, "screen", null);
        for (String nickname : PEOPLE) {
            JsonNode joined = http.join(r.code, nickname);
            r.tokens.put(nickname, joined.get("rejoinToken").asText());
            r.ids.put(nickname, joined.get("participantId").asText());
            WsClient phone = node.connect();
            phone.hello(r.code, "participant", joined.get("rejoinToken").asText());
            r.phones.put(nickname, phone);
        }

        // The console picks a bank from the library and sends all of it.
        JsonNode catalogue = http.get("/api/formats/quiz/library").json();
        assertThat(catalogue.findValuesAsText("id")).contains("decouverte-5", "partenaires-orientation");
        r.bank = http.get("/api/formats/quiz/library/decouverte-5").json();
        ObjectNode useBank = cmd("quiz.useBank");
        useBank.set("bank", r.bank);
        ok(r.console, useBank);
        ObjectNode configure = cmd("quiz.configure");
        configure.set("settings", settings(pacing, seconds, 20));
        ok(r.console, configure);
        ok(r.console, cmd("session.start"));

        // Teams: one made by the facilitator, two created from phones; the others join.
        ok(r.console, cmd("quiz.createTeam").put("name", "Les Orienteurs"));
        ok(r.phone("Sami"), cmd("quiz.createTeam").put("name", "Cap Avenir"));
        ok(r.phone("Nina"), cmd("quiz.createTeam").put("name", "Étoile filante"));
        assertThat(rejected(r.phone("Lou"), cmd("quiz.createTeam").put("name", "cap avenir"))).isEqualTo("invalid");
        JsonNode teams = quiz(r.phone("Camille").awaitView(v -> quiz(v).path("teams").size() == 3)).path("teams");
        Map<String, String> byName = new LinkedHashMap<>();
        teams.forEach(t -> byName.put(t.path("name").asText(), t.path("id").asText()));
        ok(r.phone("Camille"), cmd("quiz.joinTeam").put("teamId", byName.get("Les Orienteurs")));
        ok(r.phone("Élodie"), cmd("quiz.joinTeam").put("teamId", byName.get("Les Orienteurs")));
        ok(r.phone("Lou"), cmd("quiz.joinTeam").put("teamId", byName.get("Cap Avenir")));
        ok(r.phone("Yanis"), cmd("quiz.joinTeam").put("teamId", byName.get("Étoile filante")));
        r.teamOf.put("Camille", byName.get("Les Orienteurs"));
        r.teamOf.put("Élodie", byName.get("Les Orienteurs"));
        r.teamOf.put("Sami", byName.get("Cap Avenir"));
        r.teamOf.put("Lou", byName.get("Cap Avenir"));
        r.teamOf.put("Nina", byName.get("Étoile filante"));
        r.teamOf.put("Yanis", byName.get("Étoile filante"));
        JsonNode screenTeams = quiz(r.screen.awaitView(v -> quiz(v).path("unassignedCount").asInt(-1) == 0)).path("teams");
        assertThat(screenTeams).allSatisfy(t -> assertThat(t.path("members")).hasSize(2));

        ok(r.console, cmd("quiz.start"));
        for (WsClient phone : r.phones.values()) {
            phone.awaitView(v -> quiz(v).path("stage").asText().equals("PLAYING"));
        }
        return r;
    }

    /** Answers of each team, per question, in the shape of quiz.answer; index 0–2 = team 1–3. */
    static final List<List<ObjectNode>> ANSWERS = List.of(
            List.of(answer("q01").set("choices", arr("a")), answer("q01").set("choices", arr("b")), answer("q01").set("choices", arr("a"))),
            List.of(answer("q02").set("choices", arr("a", "b")), answer("q02").set("choices", arr("a")), answer("q02").set("choices", arr("c"))),
            List.of(answer("q03").put("truth", true), answer("q03").put("truth", true), answer("q03").put("truth", false)),
            List.of(answer("q04").put("number", 6), answer("q04").put("number", 5), answer("q04").put("number", 6)),
            List.of(answer("q05").put("text", "etoile"), answer("q05").put("text", "Onisep"), answer("q05").put("text", "Portail ÉTOILE")));

    static ObjectNode answer(String q) {
        return cmd("quiz.answer").put("questionId", q);
    }

    static com.fasterxml.jackson.databind.node.ArrayNode arr(String... ids) {
        com.fasterxml.jackson.databind.node.ArrayNode a = Json.MAPPER.createArrayNode();
        for (String id : ids) {
            a.add(id);
        }
        return a;
    }

    @Test
    void liveQuizFromTeamsToTheArchive() {
        Room r = setUp("live", 8);
        String[] firsts = {"Camille", "Sami", "Nina"};
        String[] seconds = {"Élodie", "Lou", "Yanis"};
        for (int q = 0; q < 5; q++) {
            String qid = "q0" + (q + 1);
            ok(r.console, cmd("quiz.show"));
            if (q > 0) {
                // Room to answer on a busy machine; the first question closes on its own countdown.
                ok(r.console, cmd("quiz.extend").put("seconds", 120));
            }
            for (WsClient phone : r.phones.values()) {
                JsonNode live = quiz(phone.awaitView(v -> qid.equals(quiz(v).path("live").path("question").path("id").asText())))
                        .path("live");
                assertThat(live.has("reveal")).as("no right answer before the reveal").isFalse();
                assertThat(live.path("status").asText()).isEqualTo("OPEN");
            }
            for (int t = 0; t < 3; t++) {
                // Alternate who answers for the team; the teammate sees it with the author's name.
                String author = q % 2 == 0 ? firsts[t] : seconds[t];
                String mate = q % 2 == 0 ? seconds[t] : firsts[t];
                if (t == 1 && q == 1) {
                    ok(r.phone(author), answer(qid).set("choices", arr("c", "d")));
                }
                ok(r.phone(author), ANSWERS.get(q).get(t));
                JsonNode seen = quiz(r.phone(mate).awaitView(v -> author.equals(quiz(v).path("live").path("teamAnswer").path("by").asText())))
                        .path("live").path("teamAnswer");
                assertThat(seen.path("mine").asBoolean()).isFalse();
                assertThat(seen.path("label").asText()).isNotBlank();
            }
            if (q == 2) {
                // Lou's phone drops mid-question and comes back: the question and the team's answer are there.
                r.phone("Lou").close();
                WsClient again = node.connect();
                assertThat(again.hello(r.code, "participant", r.tokens.get("Lou")).path("type").asText()).isEqualTo("welcome");
                JsonNode live = quiz(again.awaitView(v -> true)).path("live");
                assertThat(live.path("question").path("id").asText()).isEqualTo(qid);
                assertThat(live.path("teamAnswer").path("by").asText()).isEqualTo("Sami");
                assertThat(live.path("teamAnswer").path("mine").asBoolean()).isFalse();
                assertThat(live.has("reveal")).isFalse();
                r.phones.put("Lou", again);
            }
            JsonNode onScreen = quiz(r.screen.awaitView(v -> qid.equals(quiz(v).path("live").path("question").path("id").asText())
                    && quiz(v).path("live").path("answered").asInt() == 3)).path("live");
            assertThat(onScreen.has("reveal")).as("projector: nothing revealed yet").isFalse();
            assertThat(onScreen.has("teamAnswers")).isFalse();
            JsonNode onConsole = quiz(r.console.awaitView(v -> qid.equals(quiz(v).path("live").path("question").path("id").asText())
                    && quiz(v).path("live").path("answered").asInt() == 3)).path("live");
            assertThat(onConsole.path("teamAnswers")).hasSize(3);
            assertThat(onConsole.path("reveal").path("rightLabel").asText()).isNotBlank();
            if (q == 0) {
                r.console.awaitView(v -> "LOCKED".equals(quiz(v).path("live").path("status").asText()));
                assertThat(rejected(r.phone("Camille"), ANSWERS.get(0).get(1))).isEqualTo("wrong_phase");
            }
            ok(r.console, cmd("quiz.reveal").put("questionId", qid));
            JsonNode revealed = quiz(r.phone("Yanis").awaitView(v -> qid.equals(quiz(v).path("live").path("question").path("id").asText())
                    && "REVEALED".equals(quiz(v).path("live").path("status").asText()))).path("live");
            assertThat(revealed.path("reveal").path("explanation").asText()).isNotBlank();
            assertThat(revealed.path("reveal").path("source").path("url").asText()).startsWith("https://");
            assertThat(revealed.path("reveal").path("distribution").size()).isPositive();
            assertThat(revealed.has("myResult")).isTrue();
            if (q == 2) {
                ok(r.console, cmd("quiz.scoreboard"));
                JsonNode board = quiz(r.screen.awaitView(v -> quiz(v).path("live").path("scoreboard").asBoolean())).path("scoreboard");
                assertThat(board).hasSize(3);
            }
        }
        ok(r.console, cmd("quiz.finish"));
        JsonNode podium = quiz(r.screen.awaitView(v -> "FINISHED".equals(quiz(v).path("stage").asText()))).path("end").path("ranking");
        assertThat(podium).hasSize(3);
        assertThat(podium.get(0).path("name").asText()).isEqualTo("Les Orienteurs");
        ok(r.console, cmd("quiz.debrief").put("index", 1));
        JsonNode debrief = quiz(r.phone("Sami").awaitView(v -> quiz(v).path("end").path("current").path("index").asInt(-1) == 1))
                .path("end");
        assertThat(debrief.path("current").path("reveal").path("rightLabel").asText()).contains("Consulter");
        assertThat(debrief.path("current").path("myResult").path("partial").asBoolean()).isTrue();
        assertThat(debrief.path("mine")).hasSize(5);

        String sessionId = endAndArchive(r);
        Pg pg = new Pg(node.server().databaseUrl());
        assertThat(pg.value("select pacing from quiz_game where session_id = ?", sessionId)).isEqualTo("live");
        assertThat(pg.value("select questions_played from quiz_game where session_id = ?", sessionId)).isEqualTo(5);
        assertThat(pg.rows("select name, final_rank, right_count from quiz_team where session_id = ? order by final_rank", sessionId))
                .containsExactly(List.of("Les Orienteurs", 1, 5), List.of("Étoile filante", 2, 3), List.of("Cap Avenir", 3, 1));
        assertThat(pg.value("select count(*) from quiz_team_answer where session_id = ?", sessionId)).isEqualTo(15L);
        // A coordinator's report is a query: how many teams got each question right.
        assertThat(pg.rows("select question_id, right_count from quiz_question where session_id = ? order by position", sessionId))
                .containsExactly(List.of("q01", 2), List.of("q02", 1), List.of("q03", 2), List.of("q04", 2), List.of("q05", 2));
        assertThat(pg.value("select count(*) from quiz_participant where session_id = ? and final_answers > 0", sessionId)).isEqualTo(6L);
        assertThat(pg.value("select answer from quiz_participant_answer a join participant p on p.session_id = a.session_id "
                + "and p.id = a.participant_id where a.session_id = ? and a.question_id = 'q02' and p.nickname = 'Lou'", sessionId))
                .isEqualTo("A. Consulter le montant de ses droits");
        checkSynthesisAndCsv(r, "Les Orienteurs");
        r.closeAll();
    }

    @Test
    void challengeQuizAtEachTeamsPaceToTheArchive() {
        Room r = setUp("challenge", null);
        JsonNode phoneView = quiz(r.phone("Camille").awaitView(v -> quiz(v).path("challenge").path("questions").size() == 5));
        assertThat(phoneView.path("challenge").path("deadline").asLong()).isPositive();
        assertThat(phoneView.toString()).doesNotContain("explanation").doesNotContain("\"key\"");
        String[] members = {"Camille", "Sami", "Nina"};
        String[] mates = {"Élodie", "Lou", "Yanis"};
        // Each team goes its own way: team 1 in order, team 2 backwards, team 3 skips and comes back.
        int[][] orders = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 4, 0, 1, 3}};
        for (int step = 0; step < 5; step++) {
            for (int t = 0; t < 3; t++) {
                int q = orders[t][step];
                String who = step % 2 == 0 ? members[t] : mates[t];
                if (t == 2 && step == 1) {
                    // Team 3 comes back to the question it answered first, hesitates, and keeps its answer.
                    ok(r.phone(who), answer("q03").put("truth", true));
                    ok(r.phone(who), answer("q03").put("truth", false));
                }
                ok(r.phone(who), ANSWERS.get(q).get(t));
            }
            if (step == 2) {
                r.phone("Élodie").close();
                WsClient again = node.connect();
                again.hello(r.code, "participant", r.tokens.get("Élodie"));
                JsonNode back = quiz(again.awaitView(v -> true)).path("challenge");
                assertThat(back.path("questions")).hasSize(5);
                assertThat(back.path("answers").size()).isEqualTo(3);
                r.phones.put("Élodie", again);
            }
        }
        JsonNode progress = quiz(r.screen.awaitView(v -> {
            int done = 0;
            for (JsonNode p : quiz(v).path("challenge").path("progress")) {
                done += p.path("answered").asInt();
            }
            return done == 15;
        })).path("challenge");
        assertThat(progress.toString()).doesNotContain("teamAnswer").doesNotContain("explanation");
        String screenText = r.screen.all().toString();
        assertThat(screenText).doesNotContain("\"key\"").doesNotContain("Portail ÉTOILE");
        String phoneText = r.phone("Camille").all().toString();
        assertThat(phoneText).as("team 1 never sees team 3's typed answer").doesNotContain("Portail ÉTOILE").doesNotContain("Onisep\"}");

        ok(r.phone("Sami"), cmd("quiz.submit"));
        r.phone("Lou").awaitView(v -> quiz(v).path("challenge").path("submitted").asBoolean());
        assertThat(rejected(r.phone("Lou"), ANSWERS.get(0).get(0))).isEqualTo("wrong_phase");
        ok(r.console, cmd("quiz.finish"));
        JsonNode end = quiz(r.phone("Nina").awaitView(v -> "FINISHED".equals(quiz(v).path("stage").asText()))).path("end");
        assertThat(end.path("ranking")).hasSize(3);
        assertThat(end.path("mine")).hasSize(5);
        assertThat(end.path("ranking").get(0).path("name").asText()).isEqualTo("Les Orienteurs");

        String sessionId = endAndArchive(r);
        Pg pg = new Pg(node.server().databaseUrl());
        assertThat(pg.value("select pacing from quiz_game where session_id = ?", sessionId)).isEqualTo("challenge");
        assertThat(pg.value("select time_limit_minutes from quiz_game where session_id = ?", sessionId)).isEqualTo(20);
        assertThat(pg.value("select count(*) from quiz_question where session_id = ?", sessionId)).isEqualTo(5L);
        assertThat(pg.value("select count(*) from quiz_team_answer where session_id = ?", sessionId)).isEqualTo(15L);
        assertThat(pg.value("select answer from quiz_team_answer a join quiz_team t using (session_id, team_id) "
                + "where a.session_id = ? and t.name = 'Étoile filante' and a.question_id = 'q03'", sessionId)).isEqualTo("Faux");
        assertThat(pg.value("select final_rank from quiz_team where session_id = ? and name = 'Les Orienteurs'", sessionId)).isEqualTo(1);
        checkSynthesisAndCsv(r, "Les Orienteurs");
        r.closeAll();
    }

    private String endAndArchive(Room r) {
        ok(r.console, cmd("session.end"));
        Pg pg = new Pg(node.server().databaseUrl());
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ? order by created_at desc limit 1", r.code);
        pg.await(v -> v != null, "select session_id from quiz_game where session_id = ?", sessionId);
        long rows = (Long) pg.value("select count(*) from quiz_participant_answer where session_id = ?", sessionId);
        assertThat(rows).isPositive();
        // Archiving again changes nothing.
        node.server().archiver().archive(sessionId).await();
        assertThat(pg.value("select count(*) from quiz_participant_answer where session_id = ?", sessionId)).isEqualTo(rows);
        assertThat(pg.value("select count(*) from quiz_team where session_id = ?", sessionId)).isEqualTo(3L);
        long events = (Long) pg.value("select count(*) from session_event where session_id = ?", sessionId);
        assertThat(events).isEqualTo(pg.value("select max(seq) from session_event where session_id = ?", sessionId));
        assertThat(pg.value("select count(*) from session_event where session_id = ? and type = 'quiz.bankChosen' "
                + "and payload->'bank'->>'id' = 'decouverte-5'", sessionId)).as("the log records the bank played").isEqualTo(1L);
        return sessionId;
    }

    private void checkSynthesisAndCsv(Room r, String winner) {
        Http.Response synthesis = http.get("/api/sessions/" + r.code + "/synthesis", r.host);
        assertThat(synthesis.status()).isEqualTo(200);
        JsonNode results = synthesis.json().path("results");
        assertThat(results.path("teams").get(0).path("name").asText()).isEqualTo(winner);
        assertThat(results.path("questions")).hasSize(5);
        assertThat(results.path("participants")).hasSize(6);
        Http.Response csv = http.get("/api/sessions/" + r.code + "/export.csv", r.host);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("\"Classement\"").contains("\"" + winner + "\"").contains("\"Réponses des équipes\"")
                .contains("\"Participation\"").contains("\"Élodie\"");
    }

    @Test
    void theConsoleImportsAndExportsBanksOverHttp() {
        String csv = "type;question;choix;reponse\nsingle;Quel site ?;Onisep | France Travail;z\nqcm;Quoi ?;;a\n";
        Http.Response bad = http.post("/api/formats/quiz/library/parse?kind=csv", csv);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("ok").asBoolean()).isFalse();
        List<String> problems = new ArrayList<>();
        bad.json().path("problems").forEach(p -> problems.add(p.path("line").asInt() + ": " + p.path("message").asText()));
        assertThat(problems).containsExactly(
                "2: La réponse « z » de la question « q01 » ne fait pas partie des choix (a, b).",
                "3: Type inconnu « qcm » pour la question « q02 » : single, multiple, truefalse, number ou text.");

        JsonNode bank = http.get("/api/formats/quiz/library/partenaires-orientation").json();
        Http.Response yaml = http.post("/api/formats/quiz/library/export?kind=yaml", bank.toString());
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("id: partenaires-orientation");
        Http.Response back = http.post("/api/formats/quiz/library/parse?kind=yaml", yaml.body());
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().path("content")).isEqualTo(bank);
        Http.Response asCsv = http.post("/api/formats/quiz/library/export?kind=csv", bank.toString());
        assertThat(asCsv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
        assertThat(http.post("/api/formats/quiz/library/parse?kind=csv", asCsv.body()).json().path("content")).isEqualTo(bank);
        assertThat(http.get("/api/formats/quiz/library/nope").status()).isEqualTo(404);
    }
}
