package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole "Jeu de cartes SPRO" session over real WebSockets, the embedded Redis and PostgreSQL: deck
 * from the library, volunteers, roles by hand then at random, draws and a redraw, the scene with its
 * timer (run out by the server), grids, feelings, debrief, two rounds, end, archive, synthesis and
 * CSV. Every frame a phone or the projector received is then searched for briefings and notes it
 * must never have had.
 */
class CardsSessionFlowTest {
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

    private static void ack(WsClient client, JsonNode command) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("ack");
    }

    private static JsonNode round(JsonNode view) {
        return view.path("activity").path("round");
    }

    private static ObjectNode grid(int round, String question, List<String> doors, String scheme, String worked) {
        ObjectNode c = cmd("cards.saveGrid").put("round", round);
        ObjectNode answers = c.putObject("answers");
        answers.putArray("card").add("99");
        answers.putArray("questions").add(question);
        com.fasterxml.jackson.databind.node.ArrayNode d = answers.putArray("doors");
        doors.forEach(d::add);
        answers.putArray("schemes").add(scheme);
        answers.putArray("worked").add(worked);
        return c;
    }

    @Test
    void twoRoundsFromTheLibraryToTheArchivedSynthesis() throws Exception {
        JsonNode catalogue = http.get("/api/formats/cards/library").json();
        assertThat(catalogue.findValuesAsText("id")).as("catalogue %s", catalogue).contains("spro");
        Http.Response deckResponse = http.get("/api/formats/cards/library/spro");
        assertThat(deckResponse.status()).isEqualTo(200);
        JsonNode deck = deckResponse.json();
        assertThat(deckResponse.body().length()).as("the deck needs the facilitator's large frames").isGreaterThan(16 * 1024);
        Map<Integer, JsonNode> cases = new LinkedHashMap<>();
        deck.path("cases").forEach(c -> cases.put(c.path("number").asInt(), c));

        Http.Response bad = http.post("/api/formats/cards/library/parse?kind=yaml", "id: essai\ntitle: Essai\nrules: []\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("problems").toString()).contains("{\"line\":3,\"message\":\"Le jeu : « rules » ne peut pas être vide.\"}");
        Http.Response exported = http.post("/api/formats/cards/library/export?kind=yaml", deck.toString());
        assertThat(exported.status()).isEqualTo(200);
        Http.Response reparsed = http.post("/api/formats/cards/library/parse?kind=yaml", exported.body());
        assertThat(reparsed.status()).isEqualTo(200);
        assertThat(reparsed.json().path("content")).isEqualTo(deck);

        JsonNode created = http.createSession("cards", "Rencontre SPRO de Dreux");
        String code = created.get("code").asText();
        String host = created.get("hostToken").asText();
        WsClient console = node.connect();
        assertThat(console.hello(code, "facilitator", host).path("type").asText()).isEqualTo("welcome");
        WsClient screen = node.connect();
        screen.hello(code, "screen", null);

        List<String> names = List.of("Camille", "Lou", "Sami", "Nina", "Yanis");
        Map<String, WsClient> phones = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String nickname : names) {
            JsonNode joined = http.join(code, nickname);
            ids.put(nickname, joined.get("participantId").asText());
            WsClient phone = node.connect();
            phone.hello(code, "participant", joined.get("rejoinToken").asText());
            phones.put(nickname, phone);
        }

        ack(console, cmd("session.start"));
        ObjectNode useDeck = cmd("cards.useDeck");
        useDeck.set("deck", deck);
        ack(console, useDeck);
        screen.awaitView(v -> v.path("activity").path("deckTitle").asText().startsWith("Jeu de cartes SPRO"));
        assertThat(phones.get("Sami").command(cmd("cards.useDeck")).path("code").asText()).as("a phone cannot choose the deck")
                .isEqualTo("forbidden");

        // ---- round 1: roles by hand, draws from the players' phones, a redraw from the console ----
        for (String n : List.of("Camille", "Lou", "Sami")) {
            ack(phones.get(n), cmd("cards.raiseHand"));
        }
        screen.awaitView(v -> v.path("activity").path("volunteers").size() == 3);
        ack(console, cmd("cards.nextRound"));
        ack(console, cmd("cards.assign").put("counsellor", ids.get("Camille")).put("beneficiary", ids.get("Lou")));
        ack(phones.get("Camille"), cmd("cards.drawCase").put("seed", 12345L));
        ack(phones.get("Lou"), cmd("cards.drawStructure").put("seed", 777L));
        JsonNode before = console.awaitView(v -> round(v).path("card").has("number") && round(v).has("structure"));
        int firstDraw = round(before).path("card").path("number").asInt();
        ack(console, cmd("cards.drawCase").put("seed", 999L));
        JsonNode redrawn = console.awaitView(v -> round(v).path("casesDrawn").size() == 2);
        int case1 = round(redrawn).path("card").path("number").asInt();
        assertThat(case1).isNotEqualTo(firstDraw);
        assertThat(round(redrawn).path("card").path("notes").asText()).isEqualTo(cases.get(case1).path("notes").asText());
        String structure1 = round(redrawn).path("structure").path("id").asText();

        JsonNode counsellor = phones.get("Camille").awaitView(v -> round(v).path("card").path("number").asInt() == case1);
        assertThat(round(counsellor).path("role").asText()).isEqualTo("counsellor");
        assertThat(round(counsellor).path("card").path("situation").asText()).isEqualTo(cases.get(case1).path("situation").asText());
        assertThat(round(counsellor).has("briefing")).isFalse();
        JsonNode beneficiary = phones.get("Lou").awaitView(v -> round(v).path("card").path("number").asInt() == case1);
        assertThat(round(beneficiary).path("briefing").asText()).isEqualTo(cases.get(case1).path("briefing").asText());
        JsonNode onScreen = screen.awaitView(v -> round(v).path("card").path("number").asInt() == case1);
        assertThat(round(onScreen).path("structure").path("id").asText()).isEqualTo(structure1);
        assertThat(onScreen.path("activity").path("rules").size()).isPositive();

        ack(console, cmd("cards.startScene").put("seconds", 600));
        JsonNode scene = screen.awaitView(v -> round(v).path("stage").asText().equals("SCENE"));
        assertThat(round(scene).path("deadline").asLong()).isGreaterThan(System.currentTimeMillis());
        JsonNode observer = phones.get("Sami").awaitView(v -> round(v).has("grid"));
        assertThat(round(observer).path("grid").path("answers").path("card").get(0).asText()).isEqualTo(Integer.toString(case1));

        ack(phones.get("Sami"), grid(1, "Depuis quand cherchez-vous ?", List.of("mission-locale", "cio"), "CEJ", "SAMI-ECOUTE"));
        ack(phones.get("Nina"), grid(1, "depuis quand cherchez-vous ?", List.of("mission-locale"), "cej", "NINA-REFORMULATION"));
        ack(phones.get("Yanis"), grid(1, "Qu'aimez-vous faire ?", List.of("france-travail"), "PMSMP", "YANIS-CALME"));
        screen.awaitView(v -> round(v).path("grids").asInt() == 3);
        JsonNode sami = phones.get("Sami").awaitView(v -> round(v).path("grid").path("answers").has("worked"));
        assertThat(sami.toString()).contains("SAMI-ECOUTE").doesNotContain("NINA-REFORMULATION");
        assertThat(phones.get("Camille").command(grid(1, "Q", List.of(), "x", "y")).path("code").asText()).isEqualTo("forbidden");

        ack(console, cmd("cards.openFeelings"));
        ack(phones.get("Camille"), cmd("cards.shareFeeling").put("round", 1).put("text", "Pas facile de poser les bonnes questions"));
        ack(phones.get("Lou"), cmd("cards.shareFeeling").put("round", 1).put("text", "Je me suis sentie écoutée"));
        console.awaitView(v -> round(v).path("feelings").size() == 2);
        ack(console, cmd("cards.openDebrief"));
        JsonNode debrief = screen.awaitView(v -> round(v).path("stage").asText().equals("DEBRIEF"));
        JsonNode fields = round(debrief).path("aggregate").path("fields");
        assertThat(round(debrief).path("aggregate").path("grids").asInt()).isEqualTo(3);
        JsonNode doors = fields.get(1);
        assertThat(doors.path("id").asText()).isEqualTo("doors");
        assertThat(doors.path("tally").get(0).path("key").asText()).isEqualTo("mission-locale");
        assertThat(doors.path("tally").get(0).path("count").asInt()).isEqualTo(2);
        assertThat(fields.get(0).path("tally").get(0).path("count").asInt()).as("questions folded").isEqualTo(2);
        assertThat(debrief.toString()).contains("NINA-REFORMULATION").doesNotContain(cases.get(case1).path("briefing").asText())
                .doesNotContain("Pas facile de poser");

        // ---- round 2: two volunteers picked at random, draws from the console, no timer ----
        ack(phones.get("Nina"), cmd("cards.raiseHand"));
        ack(phones.get("Yanis"), cmd("cards.raiseHand"));
        ack(phones.get("Sami"), cmd("cards.lowerHand"));
        ack(console, cmd("cards.nextRound"));
        ack(console, cmd("cards.pickRandom").put("seed", 42L));
        ack(console, cmd("cards.drawCase").put("seed", 4242L));
        ack(console, cmd("cards.drawStructure").put("seed", 4343L));
        JsonNode setup2 = console.awaitView(v -> round(v).path("number").asInt() == 2 && round(v).has("card") && round(v).has("structure")
                && round(v).has("counsellor"));
        int case2 = round(setup2).path("card").path("number").asInt();
        assertThat(case2).isNotIn(case1, firstDraw);
        assertThat(round(setup2).path("structure").path("id").asText()).isNotEqualTo(structure1);
        String c2 = round(setup2).path("counsellor").path("nickname").asText();
        String b2 = round(setup2).path("beneficiary").path("nickname").asText();
        assertThat(List.of(c2, b2)).containsExactlyInAnyOrder("Nina", "Yanis");
        // The shortest timer: the server's deadline ends the time by itself.
        ack(console, cmd("cards.startScene").put("seconds", 10));
        Thread.sleep(8_000);
        JsonNode timeUp = screen.awaitView(v -> round(v).path("timeUp").asBoolean());
        assertThat(round(timeUp).path("stage").asText()).isEqualTo("SCENE");
        List<String> observers2 = new ArrayList<>(List.of("Camille", "Lou", "Sami"));
        for (String n : observers2) {
            phones.get(n).awaitView(v -> round(v).path("number").asInt() == 2 && round(v).has("grid"));
            ack(phones.get(n), grid(2, "Quel est votre projet ?", List.of("cap-emploi"), "RQTH", n.toUpperCase() + "-R2"));
        }
        ack(console, cmd("cards.openDebrief"));
        screen.awaitView(v -> round(v).path("stage").asText().equals("DEBRIEF") && round(v).path("number").asInt() == 2);
        // A paper grid typed in at the debrief (issue 16): counted with the phones' grids, marked as paper.
        ObjectNode paper = cmd("cards.addPaperGrid").put("round", 2);
        paper.putObject("answers").putArray("worked").add("PAPIER-R2");
        ack(console, paper);
        JsonNode withPaper = screen.awaitView(v -> round(v).path("aggregate").path("grids").asInt() == 4);
        assertThat(round(withPaper).path("aggregate").path("paper").asInt()).isEqualTo(1);
        ObjectNode wrongRound = cmd("cards.addPaperGrid").put("round", 3);
        wrongRound.putObject("answers").putArray("worked").add("PERDU");
        assertThat(console.command(wrongRound).path("code").asText()).isEqualTo("not_found");

        ack(console, cmd("session.openSatisfaction"));
        ack(phones.get("Sami"), cmd("session.rate").put("score", 5));
        ack(console, cmd("session.end"));

        // ---- secrecy over the wire: every frame each phone and the projector ever got ----
        String briefing1 = cases.get(case1).path("briefing").asText();
        String briefing2 = cases.get(case2).path("briefing").asText();
        String briefingRedrawn = cases.get(firstDraw).path("briefing").asText();
        for (Map.Entry<String, WsClient> e : phones.entrySet()) {
            String all = e.getValue().all().toString();
            for (JsonNode c : cases.values()) {
                assertThat(all).as("%s got facilitator notes", e.getKey()).doesNotContain(c.path("notes").asText());
            }
            if (!e.getKey().equals("Lou")) {
                assertThat(all).as("%s got round 1's briefing", e.getKey()).doesNotContain(briefing1);
            }
            if (!e.getKey().equals(b2)) {
                assertThat(all).as("%s got round 2's briefing", e.getKey()).doesNotContain(briefing2);
            }
            for (String n : names) {
                if (!n.equals(e.getKey())) {
                    assertThat(all).as("%s saw %s's grid", e.getKey(), n).doesNotContain(n.toUpperCase() + "-R2");
                }
            }
        }
        assertThat(phones.get("Lou").all().toString()).contains(briefing1).contains(briefingRedrawn);
        String screenFrames = screen.all().toString();
        for (JsonNode c : cases.values()) {
            assertThat(screenFrames).doesNotContain(c.path("briefing").asText()).doesNotContain(c.path("notes").asText());
        }

        // ---- archive ----
        Pg pg = new Pg(node.server().databaseUrl());
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ? order by created_at desc limit 1", code);
        pg.await(v -> Long.valueOf(2).equals(v), "select count(*) from cards_round where session_id = ?", sessionId);
        assertThat(pg.rows("select round_number, case_number, structure_id, counsellor, beneficiary, grids, redraws, paper_grids"
                + " from cards_round where session_id = ? order by round_number", sessionId))
                .containsExactly(List.of(1, case1, structure1, "Camille", "Lou", 3, 1, 0),
                        List.of(2, case2, round(setup2).path("structure").path("id").asText(), c2, b2, 4, 0, 1));
        assertThat(pg.value("select value from cards_grid_value where session_id = ? and round_number = 2 and participant_id = 'paper-1'"
                + " and field_id = 'worked'", sessionId)).isEqualTo("PAPIER-R2");
        assertThat(pg.value("select mentions from cards_citation where session_id = ? and round_number = 1 and field_id = 'doors'"
                + " and item_key = 'mission-locale'", sessionId)).isEqualTo(2);
        assertThat(pg.rows("select label, sum(mentions)::int from cards_citation where session_id = ? and kind = 'structures'"
                + " group by label order by 2 desc, 1 limit 2", sessionId))
                .containsExactly(List.of("Cap emploi", 3), List.of("Mission locale", 2));
        assertThat(pg.value("select count(*) from cards_grid_value where session_id = ? and field_id = 'card'", sessionId)).isEqualTo(0L);
        assertThat(pg.value("select value from cards_grid_value where session_id = ? and round_number = 1 and participant_id = ?"
                + " and field_id = 'worked'", sessionId, ids.get("Nina"))).isEqualTo("NINA-REFORMULATION");
        long values = (Long) pg.value("select count(*) from cards_grid_value where session_id = ?", sessionId);
        long citations = (Long) pg.value("select count(*) from cards_citation where session_id = ?", sessionId);
        assertThat(pg.value("select count(*) from session_event where session_id = ? and type = 'cards.deckChosen'", sessionId)).isEqualTo(1L);

        node.server().archiver().archive(sessionId).await();
        assertThat(pg.value("select count(*) from cards_grid_value where session_id = ?", sessionId)).isEqualTo(values);
        assertThat(pg.value("select count(*) from cards_citation where session_id = ?", sessionId)).isEqualTo(citations);
        assertThat(pg.value("select count(*) from cards_round where session_id = ?", sessionId)).isEqualTo(2L);

        JsonNode synthesis = http.get("/api/sessions/" + code + "/synthesis", host).json();
        JsonNode results = synthesis.path("results");
        assertThat(results.path("roundsPlayed").asInt()).isEqualTo(2);
        assertThat(results.path("rounds").get(0).path("counsellor").asText()).isEqualTo("Camille");
        assertThat(results.path("rounds").get(1).path("caseNumber").asInt()).isEqualTo(case2);
        assertThat(results.path("topStructures").get(0).path("key").asText()).isEqualTo("cap-emploi");
        assertThat(results.path("topSchemes").findValuesAsText("label")).contains("CEJ", "RQTH");
        assertThat(results.toString()).doesNotContain(briefing1).doesNotContain(cases.get(case1).path("notes").asText());
        // The players' feelings are kept, by role only (protocol.md): no nickname, no participant id, no round.
        JsonNode feelings = results.path("feelings");
        assertThat(feelings).hasSize(2);
        assertThat(List.of(feelings.get(0).path("role").asText(), feelings.get(0).path("text").asText()))
                .containsExactly("counsellor", "Pas facile de poser les bonnes questions");
        assertThat(List.of(feelings.get(1).path("role").asText(), feelings.get(1).path("text").asText()))
                .containsExactly("beneficiary", "Je me suis sentie écoutée");
        assertThat(feelings.get(0).size()).as("role and text only").isEqualTo(2);
        assertThat(feelings.toString()).doesNotContain("Camille").doesNotContain("Lou").doesNotContain(ids.get("Camille"))
                .doesNotContain(ids.get("Lou"));
        assertThat((String) pg.value("select results::text from session where id = ?", sessionId)).as("archived")
                .contains("Pas facile de poser les bonnes questions").contains("Je me suis sentie écoutée");

        Http.Response csv = http.get("/api/sessions/" + code + "/export.csv", host);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("\"Structures les plus citées\"").contains("\"Cap emploi\";\"3\"")
                .contains("\"Camille\";\"Lou\"").contains("\"NINA-REFORMULATION\"")
                .contains("\"Dont grilles papier\"").contains("\"4\";\"1\"").contains("\"PAPIER-R2\"")
                .contains("\"Conseiller·e\";\"Pas facile de poser les bonnes questions\"")
                .contains("\"Personne accompagnée\";\"Je me suis sentie écoutée\"");

        for (WsClient c : phones.values()) {
            c.close();
        }
        console.close();
        screen.close();
    }
}
