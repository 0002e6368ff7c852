package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.workshops.core.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Dessine-moi session with its own vocabulary (issue 16): the facilitator sends the copy before
 * anything is collected; a phone sees the session's words, they end up in the archived results and
 * the CSV; once contributions have started, the vocabulary can no longer change.
 */
class PrioritisationVocabularyFlowTest {
    static TestNode node;
    static Http http;
    static Pg pg;

    static final String VOCABULARY = """
            {"id":"vocab-cleor","title":"Vocabulaire de Cléor","profiles":[
              {"id":"young","label":"Élève ou apprenti·e","hint":"Collège, lycée, CFA."},
              {"id":"employer","label":"Artisan·e ou patron·ne"}],
             "categories":[{"id":"recruitment","label":"Trouver du monde","hint":"Embaucher, se faire embaucher."},
              {"id":"conditions","label":"Le quotidien du métier"}]}""";

    @BeforeAll
    static void start() {
        node = TestNode.embedded();
        http = node.http();
        pg = new Pg(node.server().databaseUrl());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static JsonNode answer(WsClient client, JsonNode command, String type) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo(type);
        return answer;
    }

    private static ObjectNode useVocabulary(String json) throws Exception {
        ObjectNode c = cmd("prioritisation.useVocabulary");
        c.set("vocabulary", Json.MAPPER.readTree(json));
        return c;
    }

    private static String label(JsonNode entries, String id) {
        for (JsonNode e : entries) {
            if (e.path("id").asText().equals(id)) {
                return e.path("label").asText();
            }
        }
        return null;
    }

    @Test
    void aSessionsVocabularyReachesThePhonesTheArchiveAndTheCsv() throws Exception {
        JsonNode created = http.createSession("prioritisation", "Dessine-moi, vocabulaire de Cléor");
        String code = created.get("code").asText();
        String host = created.get("hostToken").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", host);

        JsonNode unknown = answer(console, useVocabulary(VOCABULARY.replace("\"recruitment\"", "\"weather\"")), "rejected");
        assertThat(unknown.path("code").asText()).isEqualTo("invalid");
        assertThat(unknown.toString()).contains("Vocabulaire invalide").contains("« weather » inconnu");
        answer(console, useVocabulary(VOCABULARY), "ack");
        answer(console, cmd("prioritisation.setApprovalHold").put("hold", false), "ack");

        JsonNode joined = http.join(code, "Camille");
        WsClient phone = node.connect();
        phone.hello(code, "participant", joined.get("rejoinToken").asText());
        JsonNode seen = phone.awaitView(v -> v.path("activity").has("vocabulary"));
        assertThat(label(seen.path("activity").path("vocabulary").path("categories"), "recruitment")).isEqualTo("Trouver du monde");
        assertThat(label(seen.path("activity").path("vocabulary").path("profiles"), "young")).isEqualTo("Élève ou apprenti·e");

        answer(console, cmd("session.start"), "ack");
        answer(phone, cmd("prioritisation.setProfile").put("profile", "employer"), "ack");
        answer(phone, cmd("prioritisation.contribute").put("text", "Personne ne répond aux annonces du samedi").put("kind", "difficulty")
                .put("category", "recruitment"), "ack");
        JsonNode late = answer(console, useVocabulary(VOCABULARY.replace("Trouver du monde", "Recruter")), "rejected");
        assertThat(late.path("code").asText()).isEqualTo("wrong_phase");
        assertThat(late.toString()).contains("Le vocabulaire se choisit avant les premières contributions.");

        answer(console, cmd("session.end"), "ack");
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ? order by created_at desc limit 1", code);
        pg.await(v -> v != null, "select archived_at from session where id = ?", sessionId);
        node.server().archiver().archive(sessionId).await();
        String archived = (String) pg.value("select results::text from session where id = ?", sessionId);
        assertThat(archived).contains("Trouver du monde").contains("Artisan·e ou patron·ne").doesNotContain("Recruter\"");

        Http.Response csv = http.get("/api/sessions/" + code + "/export.csv", host);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("\"Trouver du monde\"").contains("\"Artisan·e ou patron·ne\"")
                .contains("\"Le quotidien du métier\"").contains("\"Communication\"").doesNotContain("Freins au recrutement");
        phone.close();
        console.close();
    }

    @Test
    void aSessionWithoutOneKeepsTheBuiltInWords() {
        JsonNode created = http.createSession("prioritisation", "Dessine-moi, vocabulaire intégré");
        WsClient console = node.connect();
        JsonNode first = console.hello(created.get("code").asText(), "facilitator", created.get("hostToken").asText());
        JsonNode view = console.awaitView(v -> v.path("activity").has("stage"));
        assertThat(view.path("activity").has("vocabulary")).as("%s", first).isFalse();
        console.close();
    }
}
