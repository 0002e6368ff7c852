package fr.atelier.server.workspace.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.AtelierServer;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import fr.atelier.server.TestNode;
import fr.atelier.server.WsClient;
import fr.atelier.server.db.ArchiveReader;
import fr.atelier.server.db.Database;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.http.JoinBase;
import fr.atelier.server.live.LiveStore;
import fr.atelier.workshops.core.Json;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 on a real server, Redis and PostgreSQL: a territory's structures and impact questions, a
 * planned session with publics and structures archived with them, a participant's structure and team
 * size, impact answers before and after, bad input refused with nothing changed, and a session left
 * idle ended by the system (idle time 0.002 h, about 7 s).
 */
class SessionRecordTest {
    static TestNode node;
    static AtelierServer server;
    static HttpServer planning;
    static Database db;
    static Http http;
    static Pg pg;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    static final String ANA = "a_ana|facilitator|t_dreux";
    static final String CYR = "a_cyr|coordinator|t_dreux";
    static final String EVE = "a_eve|coordinator|t_tours";
    static final String ADMIN = "a_adm|admin";

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(TestConfig.external(Map.of("ATELIER_IDLE_END_HOURS", "0.002")));
        server = node.server();
        http = new Http(server.port());
        db = Database.connect(server.vertx(), server.databaseUrl(), 2);
        pg = new Pg(server.databaseUrl());
        Viewer.Source viewers = rc -> Optional.ofNullable(rc.request().getHeader("X-Test-Viewer")).map(h -> {
            String[] p = h.split("\\|");
            return new Viewer(p[0], p[1], p.length > 2 ? Set.of(p[2].split(",")) : Set.of());
        });
        Router router = Router.router(server.vertx());
        new Planning(server.vertx(), new LiveStore(server.vertx(), server.redisUrl()), server.registry(), db,
                new ArchiveReader(db, server.registry().formats()), new JoinBase(null, "127.0.0.1", Optional::empty), viewers,
                (who, action, target, detail) -> { }, new fr.atelier.server.formats.prioritisation.PlannedProjects(db)).mount(router);
        router.route("/api/*").failureHandler(rc -> {
            ApiError e = rc.failure() instanceof ApiError a ? a : new ApiError(500, "internal", String.valueOf(rc.failure()));
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.putObject("error").put("code", e.code()).put("message", e.getMessage());
            rc.response().setStatusCode(e.status()).putHeader("Content-Type", "application/json").end(out.toString());
        });
        planning = server.vertx().createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        pg.rows("insert into territory (id, name, created_at) values ('t_dreux', 'Dreux', now()), ('t_tours', 'Tours', now()) returning id");
        for (String[] a : new String[][] {{"a_ana", "facilitator", "t_dreux"}, {"a_cyr", "coordinator", "t_dreux"},
                {"a_eve", "coordinator", "t_tours"}}) {
            pg.rows("insert into account (id, email, display_name, role, created_at) values (?, ?, ?, ?, now()) returning id",
                    a[0], a[0] + "@example.org", a[0], a[1]);
            pg.rows("insert into account_territory values (?, ?) returning account_id", a[0], a[2]);
        }
    }

    @AfterAll
    static void stop() {
        if (planning != null) {
            planning.close().await();
        }
        if (db != null) {
            db.close();
        }
        if (node != null) {
            node.close();
        }
    }

    static Http.Response as(String viewer, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + planning.actualPort() + path))
                .header("X-Test-Viewer", viewer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String structure(String viewer, String territory, String name) {
        Http.Response r = as(viewer, "POST", "/api/workspace/territories/" + territory + "/structures",
                Json.MAPPER.createObjectNode().put("name", name).put("kind", "Mission locale").toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    static long count(String table) {
        return ((Number) pg.value("select count(*) from " + table)).longValue();
    }

    @Test
    void coordinatorsManageTheirTerritorysStructuresAndQuestions() {
        String id = structure(CYR, "t_dreux", "CIO de Dreux");
        assertThat(as(ANA, "GET", "/api/workspace/territories/t_dreux/structures", null).json().findValuesAsText("name")).contains("CIO de Dreux");
        // A facilitator reads, does not change; another territory's coordinator neither; a name is not given twice.
        String body = "{\"name\":\"Autre\"}";
        assertThat(as(ANA, "POST", "/api/workspace/territories/t_dreux/structures", body).status()).isEqualTo(403);
        assertThat(as(EVE, "POST", "/api/workspace/territories/t_dreux/structures", body).status()).isEqualTo(403);
        assertThat(as(EVE, "GET", "/api/workspace/territories/t_dreux/structures", null).status()).isEqualTo(403);
        assertThat(as(CYR, "POST", "/api/workspace/territories/t_dreux/structures", "{\"name\":\"cio de dreux\"}").status()).isEqualTo(409);
        assertThat(as(ADMIN, "DELETE", "/api/workspace/territories/t_dreux/structures/" + id, null).status()).isEqualTo(200);
        assertThat(as(ANA, "GET", "/api/workspace/territories/t_dreux/structures", null).json().findValuesAsText("id")).doesNotContain(id);

        Http.Response bad = as(CYR, "POST", "/api/workspace/territories/t_dreux/impact-questions", "{\"text\":\"Q ?\",\"moments\":\"during\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(as(CYR, "GET", "/api/workspace/territories/t_dreux/impact-questions", null).json().findValuesAsText("text")).doesNotContain("Q ?");
        assertThat(as(ANA, "GET", "/api/workspace/publics", null).json().findValuesAsText("code")).contains("lyceens", "professionnels");
    }

    @Test
    void aPlannedSessionIsArchivedWithItsPublicsStructuresParticipantsAndImpactAnswers() {
        String mission = structure(CYR, "t_dreux", "Mission locale de Dreux");
        String cio = structure(CYR, "t_dreux", "CIO de Chartres");
        String tours = structure(EVE, "t_tours", "CIO de Tours");
        Http.Response q = as(CYR, "POST", "/api/workspace/territories/t_dreux/impact-questions",
                "{\"text\":\"Connaissez-vous mieux les structures présentes ?\",\"moments\":\"both\"}");
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        String question = q.json().path("id").asText();

        // Bad input: an unknown public, a structure of another territory: refused, nothing stored.
        long plans = count("planned_session");
        ObjectNode body = Json.MAPPER.createObjectNode().put("format", "poll").put("title", "Forum des pros").put("territoryId", "t_dreux")
                .put("place", "Dreux");
        body.putArray("publics").add("professionnels").add("astronautes");
        Http.Response refused = as(ANA, "POST", "/api/workspace/planned", body.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("unknown_public");
        body.putArray("publics").add("professionnels").add("lyceens");
        body.putArray("structureIds").add(mission).add(tours);
        refused = as(ANA, "POST", "/api/workspace/planned", body.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("unknown_structure");
        assertThat(count("planned_session")).isEqualTo(plans);

        body.putArray("structureIds").add(mission);
        Http.Response prepared = as(ANA, "POST", "/api/workspace/planned", body.toString());
        assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);
        assertThat(prepared.json().path("publicCodes").toString()).isEqualTo("[\"lyceens\",\"professionnels\"]");
        String id = prepared.json().path("id").asText();
        String code = prepared.json().path("code").asText();
        Http.Response opened = as(ANA, "POST", "/api/workspace/planned/" + id + "/open", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        String console = opened.json().path("consoleUrl").asText();
        String host = console.substring(console.indexOf("#k=") + 3);

        JsonNode joined = http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Zoé\"}").json();
        try (WsClient phone = node.connect(); WsClient facilitator = node.connect()) {
            assertThat(phone.hello(code, "participant", joined.path("rejoinToken").asText()).path("type").asText()).isEqualTo("welcome");
            JsonNode bilan = phone.awaitView(v -> v.path("bilan").has("structures")).path("bilan");
            assertThat(bilan.path("structures").findValuesAsText("name")).containsExactly("CIO de Chartres", "Mission locale de Dreux");
            assertThat(bilan.path("questions").findValuesAsText("id")).containsExactly(question);

            ObjectNode declare = WsClient.cmd("session.declare").put("structureId", tours);
            assertThat(phone.command(declare).path("code").asText()).isEqualTo("not_found");
            ObjectNode six = WsClient.cmd("session.impact").put("questionId", question).put("moment", "before").put("score", 6);
            assertThat(phone.command(six).path("type").asText()).isEqualTo("rejected");
            assertThat(phone.command(WsClient.cmd("session.declare").put("structureId", cio).put("declaredSize", 3)).path("type").asText())
                    .isEqualTo("ack");
            assertThat(phone.command(WsClient.cmd("session.impact").put("questionId", question).put("moment", "before").put("score", 2))
                    .path("type").asText()).isEqualTo("ack");

            assertThat(facilitator.hello(code, "facilitator", host).path("type").asText()).isEqualTo("welcome");
            assertThat(facilitator.command(WsClient.cmd("session.start")).path("type").asText()).isEqualTo("ack");
            assertThat(facilitator.command(WsClient.cmd("session.openSatisfaction")).path("type").asText()).isEqualTo("ack");
            assertThat(phone.command(WsClient.cmd("session.impact").put("questionId", question).put("moment", "after").put("score", 4))
                    .path("type").asText()).isEqualTo("ack");
            JsonNode summary = facilitator.awaitView(v -> v.path("bilan").path(0).path("afterCount").asInt() == 1).path("bilan").get(0);
            assertThat(summary.path("beforeAverage").asDouble()).isEqualTo(2.0);
            assertThat(summary.path("afterAverage").asDouble()).isEqualTo(4.0);
            assertThat(facilitator.command(WsClient.cmd("session.end")).path("type").asText()).isEqualTo("ack");
        }
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ? and closed_by is not null", code);
        assertThat(pg.rows("select place, closed_by, people_count from session where id = ?", sessionId).get(0))
                .containsExactly("Dreux", "facilitator", 3);
        assertThat(pg.rows("select public_code from session_public where session_id = ? order by 1", sessionId))
                .containsExactly(List.of("lyceens"), List.of("professionnels"));
        assertThat(pg.rows("select structure_id from session_structure where session_id = ?", sessionId).stream().map(r -> r.get(0)))
                .containsExactlyInAnyOrder(mission, cio);
        assertThat(pg.rows("select structure_id, declared_size from participant where session_id = ?", sessionId).get(0))
                .containsExactly(cio, 3);
        assertThat(pg.rows("select question_id, moment, score from impact_answer where session_id = ? order by moment desc", sessionId))
                .containsExactly(List.of(question, "before", 2), List.of(question, "after", 4));
        JsonNode impact = as(CYR, "GET", "/api/workspace/planned/" + id + "/synthesis", null).json().path("impact").get(0);
        assertThat(impact.path("text").asText()).isEqualTo("Connaissez-vous mieux les structures présentes ?");
        assertThat(impact.path("beforeAverage").asDouble()).isEqualTo(2.0);
        assertThat(impact.path("afterAverage").asDouble()).isEqualTo(4.0);
        // Archiving again (a retry) changes nothing.
        server.archiver().archive(sessionId).await();
        assertThat(((Number) pg.value("select count(*) from impact_answer where session_id = ?", sessionId)).intValue()).isEqualTo(2);
        assertThat(((Number) pg.value("select count(*) from session_structure where session_id = ?", sessionId)).intValue()).isEqualTo(2);
    }

    @Test
    void aSessionLeftIdleIsEndedByTheSystemAndArchived() {
        JsonNode created = http.post("/api/sessions", "{\"format\":\"poll\",\"title\":\"Oubliée\"}").json();
        String code = created.path("code").asText();
        assertThat(http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Lou\"}").status()).isEqualTo(201);
        // Nobody sends anything: the sweep ends it after the idle time, from the stream's last entry.
        Object by = pg.await("system"::equals, "select closed_by from session where code = ? and ended_at is not null", code);
        assertThat(by).isEqualTo("system");
        assertThat(((Number) pg.value("select participant_count from session where code = ?", code)).intValue()).isEqualTo(1);
    }
}
