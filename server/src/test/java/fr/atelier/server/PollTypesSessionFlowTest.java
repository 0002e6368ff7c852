package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A poll running every question type (issue 17) over real WebSockets, the embedded Redis and
 * PostgreSQL: a prepared list from the console, three phones, one of which reloads mid-way; the bad
 * inputs of the issue refused with nothing changed; then every frame a phone or the projector
 * received is searched for texts it must never have had, and the archive, synthesis and CSV read.
 */
class PollTypesSessionFlowTest {
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

    private static String refused(WsClient client, JsonNode command) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("rejected");
        assertThat(answer.path("message").asText()).isNotBlank();
        return answer.path("code").asText();
    }

    private static JsonNode question(JsonNode view) {
        return view.path("activity").path("question");
    }

    private static ObjectNode q(String kind, String text, String... options) {
        ObjectNode q = Json.MAPPER.createObjectNode().put("kind", kind).put("text", text);
        if (options.length > 0) {
            ArrayNode o = q.putArray("options");
            for (String option : options) {
                o.add(option);
            }
        }
        return q;
    }

    private static ObjectNode write(String qid, String text) {
        return cmd("poll.write").put("questionId", qid).put("text", text);
    }

    @Test
    void everyTypeWithThreePhonesOneOfWhichReloads() throws Exception {
        JsonNode catalogue = http.get("/api/formats/poll/library").json();
        assertThat(catalogue.findValuesAsText("id")).contains("echauffement", "partenaires");
        Http.Response bad = http.post("/api/formats/poll/library/parse?kind=yaml", "id: x\ntitle: X\nquestions:\n  - kind: scale\n    text: Q\n    scale: {min: 2, max: 7}\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("problems").get(0).path("line").asInt()).isEqualTo(4);

        JsonNode created = http.createSession("poll", "Demi-journée SPRO de Chartres");
        String code = created.get("code").asText();
        String host = created.get("hostToken").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", host);
        WsClient screen = node.connect();
        screen.hello(code, "screen", null);
        Map<String, WsClient> phones = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String nickname : List.of("Camille", "Lou", "Sami")) {
            JsonNode joined = http.join(code, nickname);
            tokens.put(nickname, joined.get("rejoinToken").asText());
            WsClient phone = node.connect();
            phone.hello(code, "participant", tokens.get(nickname));
            phones.put(nickname, phone);
        }
        WsClient camille = phones.get("Camille");
        WsClient sami = phones.get("Sami");

        ack(console, cmd("session.start"));
        ObjectNode list = Json.MAPPER.createObjectNode().put("id", "essai").put("title", "Tous les types");
        ArrayNode questions = list.putArray("questions");
        questions.add(q("SINGLE", "Quel site consultez-vous d’abord ?", "Onisep", "France Travail", "CIO").put("correct", 0));
        questions.add(q("MULTIPLE", "Vers qui orientez-vous ?", "CIO", "Mission locale", "Cap emploi"));
        questions.add(q("WORDS", "Un mot pour cette journée ?"));
        ObjectNode scale = q("SCALE", "Connaissez-vous les autres structures ?");
        scale.putObject("scale").put("min", 1).put("max", 5).put("minLabel", "Pas du tout").put("maxLabel", "Très bien");
        questions.add(scale);
        questions.add(q("OPEN", "Qu’est-ce qui vous freine ?"));
        questions.add(q("RANKING", "Vos priorités ?", "Se connaître", "Partager l’agenda", "Ateliers communs"));
        questions.add(q("QA", "Vos questions aux intervenant·es"));
        ObjectNode useList = cmd("poll.useList");
        useList.set("list", list);
        assertThat(refused(sami, useList)).isEqualTo("forbidden");
        ack(console, useList);
        console.awaitView(v -> v.path("activity").path("prepared").path("questions").size() == 7);

        // ---- single choice ----
        ack(console, cmd("poll.askPrepared").put("index", 0));
        screen.awaitView(v -> question(v).path("id").asText().equals("q1"));
        ack(camille, cmd("poll.answer").put("questionId", "q1").put("option", 0));
        ack(phones.get("Lou"), cmd("poll.answer").put("questionId", "q1").put("option", 2));
        ack(console, cmd("poll.reveal").put("questionId", "q1"));
        assertThat(refused(sami, cmd("poll.answer").put("questionId", "q1").put("option", 1))).as("a vote on a closed question")
                .isEqualTo("wrong_phase");
        JsonNode revealed = sami.awaitView(v -> question(v).path("status").asText().equals("REVEALED"));
        assertThat(question(revealed).path("distribution").toString()).isEqualTo("[1,0,1]");

        // ---- multiple choice ----
        ack(console, cmd("poll.askPrepared").put("index", 1));
        camille.awaitView(v -> question(v).path("id").asText().equals("q2"));
        ObjectNode choose = cmd("poll.choose").put("questionId", "q2");
        choose.putArray("options").add(0).add(1);
        ack(camille, choose);
        ObjectNode twice = cmd("poll.choose").put("questionId", "q2");
        twice.putArray("options").add(1).add(1);
        assertThat(refused(sami, twice)).isEqualTo("invalid");
        JsonNode mine = camille.awaitView(v -> question(v).path("myPicks").size() == 2);
        assertThat(question(mine).has("distribution")).isFalse();
        ack(console, cmd("poll.reveal").put("questionId", "q2"));

        // ---- word cloud, and Lou's phone reloads in the middle of it ----
        ack(console, cmd("poll.askPrepared").put("index", 2));
        camille.awaitView(v -> question(v).path("kind").asText().equals("WORDS"));
        ack(camille, write("q3", "Écoute"));
        ack(phones.get("Lou"), write("q3", "écoute"));
        assertThat(refused(sami, write("q3", "x".repeat(31)))).as("a word over the limit").isEqualTo("too_long");
        assertThat(refused(sami, write("q3", "connasse"))).as("the word filter").isEqualTo("text_refused");
        ack(sami, write("q3", "ECOUTE "));
        ack(sami, write("q3", "VILAIN-MOT-SAMI"));
        phones.get("Lou").close();
        WsClient lou = node.connect();
        lou.hello(code, "participant", tokens.get("Lou"));
        phones.put("Lou", lou);
        JsonNode back = lou.awaitView(v -> question(v).path("mine").size() == 1);
        assertThat(question(back).path("mine").get(0).path("text").asText()).isEqualTo("écoute");
        ack(lou, write("q3", "Réseau"));
        JsonNode cloud = screen.awaitView(v -> question(v).path("cloud").size() == 3);
        assertThat(question(cloud).path("cloud").get(0).path("text").asText()).isEqualTo("Écoute");
        assertThat(question(cloud).path("cloud").get(0).path("count").asInt()).isEqualTo(3);
        JsonNode moderation = console.awaitView(v -> question(v).path("entries").size() == 5);
        String vilain = null;
        for (JsonNode e : question(moderation).path("entries")) {
            if (e.path("text").asText().equals("VILAIN-MOT-SAMI")) {
                vilain = e.path("id").asText();
            }
        }
        ack(console, cmd("poll.moderate").put("questionId", "q3").put("entryId", vilain).put("shown", false));
        screen.awaitView(v -> question(v).path("cloud").size() == 2);
        ack(console, cmd("poll.reveal").put("questionId", "q3"));
        JsonNode louCloud = lou.awaitView(v -> question(v).path("cloud").size() == 2);
        assertThat(louCloud.toString()).doesNotContain("VILAIN-MOT-SAMI");

        // ---- scale ----
        ack(console, cmd("poll.askPrepared").put("index", 3));
        lou.awaitView(v -> question(v).path("kind").asText().equals("SCALE"));
        ack(camille, cmd("poll.answer").put("questionId", "q4").put("option", 4));
        ack(lou, cmd("poll.answer").put("questionId", "q4").put("option", 1));
        assertThat(refused(sami, cmd("poll.answer").put("questionId", "q4").put("option", 5))).isEqualTo("invalid");
        ack(console, cmd("poll.reveal").put("questionId", "q4"));
        JsonNode scaleResult = screen.awaitView(v -> question(v).path("id").asText().equals("q4") && question(v).has("distribution"));
        assertThat(question(scaleResult).path("scale").path("maxLabel").asText()).isEqualTo("Très bien");

        // ---- open text: nothing on the wall before the facilitator approves ----
        ack(console, cmd("poll.askPrepared").put("index", 4));
        camille.awaitView(v -> question(v).path("kind").asText().equals("OPEN"));
        ack(camille, write("q5", "CAMILLE-TEXTE-VALIDE"));
        ack(sami, write("q5", "SAMI-TEXTE-JAMAIS-VALIDE"));
        JsonNode pending = console.awaitView(v -> question(v).path("pending").asInt() == 2);
        String first = question(pending).path("entries").get(0).path("id").asText();
        ack(console, cmd("poll.moderate").put("questionId", "q5").put("entryId", first).put("shown", true));
        JsonNode wall = screen.awaitView(v -> question(v).path("entries").size() == 1);
        assertThat(question(wall).path("entries").get(0).path("text").asText()).isEqualTo("CAMILLE-TEXTE-VALIDE");
        JsonNode samiOwn = sami.awaitView(v -> question(v).path("mine").size() == 1);
        assertThat(question(samiOwn).path("mine").get(0).path("visibility").asText()).isEqualTo("PENDING");
        ack(console, cmd("poll.reveal").put("questionId", "q5"));

        // ---- ranking: not a permutation is refused, the tally is the Borda count ----
        ack(console, cmd("poll.askPrepared").put("index", 5));
        camille.awaitView(v -> question(v).path("kind").asText().equals("RANKING"));
        ObjectNode notPermutation = cmd("poll.rank").put("questionId", "q6");
        notPermutation.putArray("order").add(0).add(0).add(1);
        assertThat(refused(camille, notPermutation)).isEqualTo("invalid");
        for (Map.Entry<String, List<Integer>> r : Map.of("Camille", List.of(2, 0, 1), "Lou", List.of(0, 2, 1), "Sami", List.of(2, 1, 0)).entrySet()) {
            ObjectNode rank = cmd("poll.rank").put("questionId", "q6");
            r.getValue().forEach(rank.putArray("order")::add);
            ack(phones.get(r.getKey()), rank);
        }
        ack(console, cmd("poll.reveal").put("questionId", "q6"));
        JsonNode borda = screen.awaitView(v -> question(v).path("id").asText().equals("q6") && question(v).has("distribution"));
        assertThat(question(borda).path("distribution").toString()).isEqualTo("[3,1,5]");

        // ---- Q&A: one upvote each, answered, no vote once closed ----
        ack(console, cmd("poll.askPrepared").put("index", 6));
        camille.awaitView(v -> question(v).path("kind").asText().equals("QA"));
        ack(camille, write("q7", "Quels horaires pour les ateliers ?"));
        JsonNode asked = lou.awaitView(v -> question(v).path("entries").size() == 1);
        String entry = question(asked).path("entries").get(0).path("id").asText();
        assertThat(question(asked).path("entries").get(0).has("author")).isFalse();
        ack(lou, cmd("poll.upvote").put("questionId", "q7").put("entryId", entry));
        assertThat(refused(lou, cmd("poll.upvote").put("questionId", "q7").put("entryId", entry))).as("a second upvote")
                .isEqualTo("already_voted");
        assertThat(refused(camille, cmd("poll.upvote").put("questionId", "q7").put("entryId", entry))).isEqualTo("invalid");
        ack(sami, cmd("poll.upvote").put("questionId", "q7").put("entryId", entry));
        screen.awaitView(v -> question(v).path("entries").path(0).path("votes").asInt() == 2);
        ack(console, cmd("poll.markAnswered").put("questionId", "q7").put("entryId", entry).put("answered", true));
        ack(console, cmd("poll.close").put("questionId", "q7"));
        assertThat(refused(sami, cmd("poll.upvote").put("questionId", "q7").put("entryId", entry))).isEqualTo("wrong_phase");
        screen.awaitView(v -> question(v).path("entries").path(0).path("answered").asBoolean());
        ack(console, cmd("session.end"));

        // ---- secrecy over the wire ----
        for (Map.Entry<String, WsClient> e : phones.entrySet()) {
            String all = e.getValue().all().toString();
            assertThat(all).as("%s got an author", e.getKey()).doesNotContain("\"author\"");
            if (!e.getKey().equals("Sami")) {
                assertThat(all).as("%s got Sami's hidden word", e.getKey()).doesNotContain("VILAIN-MOT-SAMI");
                assertThat(all).as("%s got Sami's unapproved text", e.getKey()).doesNotContain("SAMI-TEXTE-JAMAIS-VALIDE");
            }
        }
        String screenFrames = screen.all().toString();
        assertThat(screenFrames).doesNotContain("SAMI-TEXTE-JAMAIS-VALIDE").doesNotContain("myAnswer").doesNotContain("\"author\"");

        // ---- archive, synthesis, CSV ----
        Pg pg = new Pg(node.server().databaseUrl());
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ? order by created_at desc limit 1", code);
        pg.await(v -> Long.valueOf(7).equals(v), "select count(*) from poll_question where session_id = ?", sessionId);
        assertThat(pg.rows("select question_id, kind from poll_question where session_id = ? order by position", sessionId))
                .containsExactly(List.of("q1", "single"), List.of("q2", "multiple"), List.of("q3", "words"), List.of("q4", "scale"),
                        List.of("q5", "open"), List.of("q6", "ranking"), List.of("q7", "qa"));
        assertThat(pg.value("select mean::text from poll_question where session_id = ? and question_id = 'q4'", sessionId)).isEqualTo("3.50");
        assertThat(pg.rows("select text, count from poll_text where session_id = ? and question_id = 'q3' order by text_index", sessionId))
                .containsExactly(List.of("Écoute", 3), List.of("Réseau", 1));
        assertThat(pg.rows("select text, count, answered from poll_text where session_id = ? and question_id = 'q7'", sessionId))
                .containsExactly(List.of("Quels horaires pour les ateliers ?", 2, true));
        assertThat(pg.value("select count(*) from poll_text where session_id = ? and text like 'SAMI-%'", sessionId)).isEqualTo(0L);
        assertThat(pg.value("select votes from poll_option where session_id = ? and question_id = 'q6' and option_index = 2", sessionId))
                .isEqualTo(5);

        JsonNode synthesis = http.get("/api/sessions/" + code + "/synthesis", host).json();
        assertThat(synthesis.path("results").findValuesAsText("kind")).contains("WORDS", "QA");
        Http.Response csv = http.get("/api/sessions/" + code + "/export.csv", host);
        assertThat(csv.body()).contains("\"Nuage de mots\"").contains("\"Écoute\";\"3\"").contains("\"Classement (points Borda)\"")
                .contains("\"3,50\"").doesNotContain("VILAIN-MOT-SAMI");

        for (WsClient c : phones.values()) {
            c.close();
        }
        console.close();
        screen.close();
    }
}
