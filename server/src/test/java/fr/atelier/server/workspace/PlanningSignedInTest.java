package fr.atelier.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.AtelierServer;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prepared sessions through the real web sessions (issue 14): signed out is 401, a change without
 * the CSRF token is refused, a signed-in facilitator prepares, finds it again from another browser
 * and opens the same console; what they did is in the audit log.
 */
class PlanningSignedInTest {
    private static AtelierServer server;
    private static Pg pg;

    @BeforeAll
    static void start() {
        server = AtelierServer.start(TestConfig.external());
        pg = new Pg(server.databaseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSignedInFacilitatorPreparesFindsAndOpensFromAnotherBrowser() {
        String territory = "t_" + UUID.randomUUID().toString().substring(0, 8);
        pg.rows("insert into territory (id, name, created_at) values (?, ?, ?) returning id", territory, "Chartres " + territory, OffsetDateTime.now());
        String email = "anim" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        String id = SignInTest.account(pg, email, "facilitator", SignInTest.PASSWORD);
        pg.rows("insert into account_territory values (?, ?) returning account_id", id, territory);

        Browser anonymous = new Browser(server.port());
        assertThat(anonymous.get("/api/workspace/planned").status()).isEqualTo(401);

        Browser laptop = new Browser(server.port());
        assertThat(laptop.signIn(email, SignInTest.PASSWORD).status()).isEqualTo(200);
        String when = LocalDate.now().plusDays(7) + "T09:30";
        String body = "{\"format\":\"quiz\",\"title\":\"Quiz de Chartres\",\"startsAt\":\"" + when
                + "\",\"place\":\"CIO de Chartres\",\"territoryId\":\"" + territory + "\"}";
        Http.Response forged = laptop.post("/api/workspace/planned", body, null);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("error").path("code").asText()).isEqualTo("csrf");

        Http.Response prepared = laptop.post("/api/workspace/planned", body);
        assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);
        String planId = prepared.json().path("id").asText();
        String code = prepared.json().path("code").asText();
        assertThat(laptop.get("/api/workspace/planning/choices").json().path("territories").findValuesAsText("id")).containsExactly(territory);

        // Another browser of the same person: finds it in the history and reaches the same console.
        Browser other = new Browser(server.port());
        assertThat(other.signIn(email, SignInTest.PASSWORD).status()).isEqualTo(200);
        assertThat(other.get("/api/workspace/planned?from=" + LocalDate.now() + "&place=chartres").json().path("sessions")
                .findValuesAsText("code")).containsExactly(code);
        String console = laptop.post("/api/workspace/planned/" + planId + "/open", "{}").json().path("consoleUrl").asText();
        assertThat(console).contains("/h/" + code + "#k=");
        assertThat(other.post("/api/workspace/planned/" + planId + "/open", "{}").json().path("consoleUrl").asText()).isEqualTo(console);
        // Audit events are written after the answer: wait for them.
        assertThat(pg.await(n -> ((Number) n).longValue() == 3L,
                "select count(*) from audit_event where account_id = ? and action in ('session.prepare', 'session.open')", id)).isEqualTo(3L);
        // A quick session created while signed in is theirs too: in the history, with the same console.
        Http.Response quick = laptop.post("/api/sessions", "{\"format\":\"poll\",\"title\":\"Sondage express\"}");
        assertThat(quick.status()).as(quick.body()).isEqualTo(201);
        String quickCode = quick.json().path("code").asText();
        String quickId = (String) pg.await(v -> v != null, "select id from planned_session where code = ?", quickCode);
        JsonNode listed = other.get("/api/workspace/planned?status=live").json().path("sessions");
        assertThat(listed.findValuesAsText("code")).contains(quickCode);
        assertThat(other.post("/api/workspace/planned/" + quickId + "/open", "{}").json().path("consoleUrl").asText())
                .isEqualTo(quick.json().path("consoleUrl").asText());
        assertThat(pg.value("select territory_id from planned_session where id = ?", quickId)).isEqualTo(territory);
        // Without an account, nobody's.
        Http.Response anonymousQuick = new Browser(server.port()).post("/api/sessions", "{\"format\":\"poll\"}");
        assertThat(anonymousQuick.status()).isEqualTo(201);
        assertThat(pg.value("select count(*) from planned_session where code = ?", anonymousQuick.json().path("code").asText())).isEqualTo(0L);

        // The pages are served under the site's Content-Security-Policy.
        Http.Response page = other.get("/seances");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-security-policy").orElse("")).contains("script-src 'self' 'sha256-");
        assertThat(other.get("/seances/" + planId + "/invitation").body()).contains("<invitation-app>");
    }

    /** A person of a territory, signed in from a browser of their own. */
    private static Browser member(String role, String territory) {
        String email = role + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        String id = SignInTest.account(pg, email, role, SignInTest.PASSWORD);
        pg.rows("insert into account_territory values (?, ?) returning account_id", id, territory);
        Browser b = new Browser(server.port());
        assertThat(b.signIn(email, SignInTest.PASSWORD).status()).isEqualTo(200);
        return b;
    }

    private static String territory(String name) {
        String id = "t_" + UUID.randomUUID().toString().substring(0, 8);
        pg.rows("insert into territory (id, name, created_at) values (?, ?, ?) returning id", id, name + " " + id, OffsetDateTime.now());
        return id;
    }

    @Test
    void projectsBelongToTheirTerritory() {
        String dreux = territory("Dreux");
        String blois = territory("Blois");
        Browser ana = member("facilitator", dreux);
        Browser coordinator = member("coordinator", dreux);
        Browser elsewhere = member("coordinator", blois);
        Http.Response created = ana.post("/api/projects", "{\"sector\":\"Logistique\",\"territory\":\"Dreux\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String project = created.json().path("projectId").asText();
        assertThat(pg.rows("select territory_id from project where id = ?", project).get(0)).containsExactly(dreux);

        assertThat(coordinator.get("/api/workspace/projects").json().path("projects").findValuesAsText("id")).containsExactly(project);
        assertThat(coordinator.get("/api/workspace/projects/" + project).json().path("project").path("sector").asText()).isEqualTo("Logistique");
        assertThat(elsewhere.get("/api/workspace/projects").json().path("projects").findValuesAsText("id")).isEmpty();
        Http.Response refused = elsewhere.get("/api/workspace/projects/" + project);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").path("message").asText()).contains("autre territoire");
        // A quick project, without an account, belongs to nobody and keeps its secret link.
        Http.Response quick = new Browser(server.port()).post("/api/projects", "{\"sector\":\"Soins\"}");
        assertThat(quick.status()).isEqualTo(201);
        assertThat(pg.value("select territory_id from project where id = ?", quick.json().path("projectId").asText())).isNull();
    }
}
