package fr.atelier.server.workspace;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import fr.atelier.server.TestNode;
import fr.atelier.server.WsClient;
import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.Role;
import fr.atelier.server.moderation.NameFilters;
import fr.atelier.workshops.core.NameFilter;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 4 over real Redis and PostgreSQL: an offensive nickname refused at join with the
 * neutral message, a removed participant's socket closed (4403) with the reason and its rejoin
 * refused, a renamed phone told its new name, team names filtered, and the administrator's word
 * list changing the filter on the node.
 */
class ModerationTest {
    private static TestNode node;
    private static Http http;

    @BeforeAll
    static void start() {
        node = TestNode.start(TestConfig.external());
        http = node.http();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anOffensiveNicknameIsRefusedWithTheNeutralMessage() {
        String code = http.createSession("poll", "Atelier").get("code").asText();
        for (String nickname : new String[] {"Connard", "c.o.n.n.a.r.d", "C0nn4rd"}) {
            Http.Response r = http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"" + nickname + "\"}");
            assertThat(r.status()).as(nickname).isEqualTo(400);
            assertThat(r.json().get("error").get("code").asText()).isEqualTo("name_refused");
            assertThat(r.json().get("error").get("message").asText()).isEqualTo(NameFilter.REFUSAL);
        }
        assertThat(http.join(code, "Conan").get("nickname").asText()).isEqualTo("Conan");
        JsonNode info = http.get("/api/sessions/" + code).json();
        assertThat(info.toString()).doesNotContain("onnard");
    }

    @Test
    void theFacilitatorRemovesAParticipantWhosePhoneIsToldWhyAndCannotComeBack() {
        JsonNode created = http.createSession("poll", "Atelier");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        JsonNode lou = http.join(code, "Lou");
        JsonNode sami = http.join(code, "Sami");
        WsClient phone = node.connect();
        phone.hello(code, "participant", lou.get("rejoinToken").asText());
        phone.awaitView(v -> v.path("me").path("nickname").asText().equals("Lou"));
        WsClient other = node.connect();
        other.hello(code, "participant", sami.get("rejoinToken").asText());

        JsonNode renamed = console.command(cmd("session.renameParticipant").put("participantId", lou.get("participantId").asText())
                .put("nickname", "Louise"));
        assertThat(renamed.path("type").asText()).isEqualTo("ack");
        phone.awaitView(v -> v.path("me").path("nickname").asText().equals("Louise"));
        JsonNode badRename = console.command(cmd("session.renameParticipant").put("participantId", lou.get("participantId").asText())
                .put("nickname", "Salope"));
        assertThat(badRename.path("code").asText()).isEqualTo("name_refused");

        JsonNode removed = console.command(cmd("session.removeParticipant").put("participantId", lou.get("participantId").asText()));
        assertThat(removed.path("type").asText()).isEqualTo("ack");
        JsonNode why = phone.next(m -> m.path("type").asText().equals("error"));
        assertThat(why.path("code").asText()).isEqualTo("removed");
        assertThat(why.path("message").asText()).contains("mis fin à votre participation");
        assertThat(phone.awaitClose()).isEqualTo((short) 4403);
        assertThat(other.isClosed()).isFalse();
        console.awaitView(v -> v.path("session").path("participantCount").asInt() == 1);

        WsClient again = node.connect();
        again.hello(code, "participant", lou.get("rejoinToken").asText());
        assertThat(again.awaitClose()).isEqualTo((short) 4401);
        Http.Response sameName = http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"louise\"}");
        assertThat(sameName.status()).isEqualTo(400);
        assertThat(sameName.json().get("error").get("message").asText()).isEqualTo(NameFilter.REFUSAL);
        assertThat(http.join(code, "Lou").get("nickname").asText()).as("the old name was not refused").isEqualTo("Lou");
        console.close();
        other.close();
    }

    @Test
    void aPhoneOnAnotherNodeIsClosedToo() {
        try (TestNode peer = peer("moderation-b")) {
            JsonNode created = http.createSession("poll", "Atelier");
            String code = created.get("code").asText();
            WsClient console = node.connect();
            console.hello(code, "facilitator", created.get("hostToken").asText());
            JsonNode lou = peer.http().join(code, "Lou");
            WsClient phone = peer.connect();
            phone.hello(code, "participant", lou.get("rejoinToken").asText());
            phone.awaitView(v -> v.path("me").path("nickname").asText().equals("Lou"));
            assertThat(console.command(cmd("session.removeParticipant").put("participantId", lou.get("participantId").asText()))
                    .path("type").asText()).isEqualTo("ack");
            assertThat(phone.next(m -> m.path("type").asText().equals("error")).path("code").asText()).isEqualTo("removed");
            assertThat(phone.awaitClose()).isEqualTo((short) 4403);
            console.close();
        }
    }

    @Test
    void teamNamesGoThroughTheFilter() {
        JsonNode created = http.createSession("quiz", "Quiz");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        JsonNode refused = console.command(cmd("quiz.createTeam").put("name", "Les Enculés"));
        assertThat(refused.path("type").asText()).isEqualTo("rejected");
        assertThat(refused.path("code").asText()).isEqualTo("name_refused");
        assertThat(refused.path("message").asText()).isEqualTo(NameFilter.REFUSAL);
        console.close();
    }

    @Test
    void theAdministratorsWordsAndExceptionsChangeTheFilterOnTheNode() {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@cio-dreux.fr";
        String link = AdminCli.invite(node.config().adminTarget(), email, Role.ADMIN);
        Browser admin = new Browser(node.port());
        Http.Response set = admin.post("/api/auth/set-password", "{\"token\":\"" + link.substring(link.indexOf("#t=") + 3).trim()
                + "\",\"password\":\"Region-Centre-Val-2026!\"}");
        assertThat(set.status()).isEqualTo(200);
        admin.csrf = set.json().get("csrfToken").asText();

        String word = "patate" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        String code = http.createSession("poll", "Atelier").get("code").asText();
        assertThat(http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"" + word + "\"}").status()).isEqualTo(201);

        // A second node, started before the edit: it applies the word within its refresh period (NameFilters.REFRESH_MS).
        TestNode peer = peer("moderation-words");
        Http.Response added;
        try {
            assertThat(peer.http().post("/api/sessions/" + code + "/join", "{\"nickname\":\"" + word + " bis\"}").status()).isEqualTo(201);
            added = admin.post("/api/admin/moderation/words", "{\"kind\":\"refuse\",\"word\":\"" + word + "\"}");
            long deadline = System.currentTimeMillis() + NameFilters.REFRESH_MS + 5_000;
            int status = 0;
            while (System.currentTimeMillis() < deadline
                    && (status = peer.http().post("/api/sessions/" + code + "/join", "{\"nickname\":\"" + word + " ter\"}").status()) != 400) {
                sleep(500);
            }
            assertThat(status).isEqualTo(400);
        } finally {
            peer.close();
        }
        assertThat(added.status()).isEqualTo(201);
        Http.Response refused = http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Super " + word.toUpperCase() + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/moderation/words").json().get("refused").toString()).contains(word);

        // An exception lets an entry of the bundled lists through (here "cul", for a team of Cul-de-Sac).
        assertThat(http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Cul de sac\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/admin/moderation/words", "{\"kind\":\"allow\",\"word\":\"Cul\"}").status()).isIn(200, 201);
        try {
            assertThat(http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Cul de sac\"}").status()).isEqualTo(201);
        } finally {
            assertThat(admin.post("/api/admin/moderation/words/remove", "{\"kind\":\"allow\",\"word\":\"cul\"}").status()).isEqualTo(200);
            assertThat(admin.post("/api/admin/moderation/words/remove", "{\"kind\":\"refuse\",\"word\":\"" + word + "\"}").status()).isEqualTo(200);
        }
        assertThat(http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"" + word + " 2\"}").status()).isEqualTo(201);
        Pg pg = new Pg(node.server().databaseUrl());
        assertThat(pg.value("select count(*) from audit_event where action = 'moderation.word_added' and detail = ?", word)).isEqualTo(1L);
        assertThat(pg.value("select count(*) from audit_event where action = 'moderation.word_removed' and detail = ?", word)).isEqualTo(1L);
        // Not an administrator: no access.
        assertThat(new Browser(node.port()).get("/api/admin/moderation/words").status()).isIn(401, 403);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A second node of the same installation (same Redis, database and cluster name). */
    private static TestNode peer(String name) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("ATELIER_HTTP_PORT", "0");
        env.put("ATELIER_HTTP_HOST", "127.0.0.1");
        env.put("ATELIER_DATA_DIR", TestConfig.newDataDir().toString());
        env.put("ATELIER_NODE_ID", name);
        env.put("ATELIER_REDIS_URL", node.server().redisUrl());
        env.put("ATELIER_DATABASE_URL", node.server().databaseUrl());
        env.put("ATELIER_CLUSTER_NAME", node.config().clusterName());
        return TestNode.start(fr.atelier.server.Config.from(env));
    }
}
