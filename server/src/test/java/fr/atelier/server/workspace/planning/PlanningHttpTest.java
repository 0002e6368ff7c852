package fr.atelier.server.workspace.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import io.vertx.core.http.WebSocketClient;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions prepared ahead over HTTP, on the shared Redis and a PostgreSQL database of its own: the
 * code is reserved at once (live creation cannot take it), a phone that comes too early is told
 * when to come back, the session opens on the day with its prepared content, co-facilitators reach
 * the same console, other territories are refused, a coordinator reads but does not edit, a
 * session is duplicated. Who is signed in comes from a test header through {@link Viewer.Source}
 * (the web sessions of the accounts package are tested there).
 */
class PlanningHttpTest {
    static TestNode node;
    static AtelierServer server;
    static HttpServer planning;
    static LiveStore live;
    static Database db;
    static Http http;
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final CopyOnWriteArrayList<String> AUDIT = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(TestConfig.external());
        server = node.server();
        http = new Http(server.port());
        live = new LiveStore(server.vertx(), server.redisUrl());
        db = Database.connect(server.vertx(), server.databaseUrl(), 2);
        Viewer.Source viewers = rc -> Optional.ofNullable(rc.request().getHeader("X-Test-Viewer")).map(h -> {
            String[] p = h.split("\\|");
            return new Viewer(p[0], p[1], p.length > 2 ? Set.of(p[2].split(",")) : Set.of());
        });
        Router router = Router.router(server.vertx());
        new Planning(server.vertx(), live, server.registry(), db, new ArchiveReader(db, server.registry().formats()),
                new JoinBase(null, "127.0.0.1", Optional::empty), viewers, (who, action, target, detail) -> AUDIT.add(who + " " + action),
                new fr.atelier.server.formats.prioritisation.PlannedProjects(db))
                .mount(router);
        router.route("/api/*").failureHandler(rc -> {
            ApiError e = rc.failure() instanceof ApiError a ? a : new ApiError(500, "internal", String.valueOf(rc.failure()));
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.putObject("error").put("code", e.code()).put("message", e.getMessage());
            rc.response().setStatusCode(e.status()).putHeader("Content-Type", "application/json").end(out.toString());
        });
        planning = server.vertx().createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        try (Connection c = jdbc(); Statement st = c.createStatement()) {
            st.execute("insert into territory (id, name, created_at) values ('t_dreux', 'Dreux', now()), ('t_tours', 'Tours', now())");
            for (String[] a : new String[][] {{"a_ana", "facilitator", "t_dreux"}, {"a_bea", "facilitator", "t_dreux"},
                    {"a_cyr", "coordinator", "t_dreux"}, {"a_dan", "facilitator", "t_tours"}, {"a_eve", "coordinator", "t_tours"}}) {
                st.execute("insert into account (id, email, display_name, role, created_at) values ('" + a[0] + "', '" + a[0]
                        + "@example.org', '" + a[0] + "', '" + a[1] + "', now())");
                st.execute("insert into account_territory values ('" + a[0] + "', '" + a[2] + "')");
            }
        }
    }

    @AfterAll
    static void stop() {
        if (planning != null) {
            planning.close().await();
        }
        if (live != null) {
            live.close();
        }
        if (db != null) {
            db.close();
        }
        if (node != null) {
            node.close();
        }
    }

    static Connection jdbc() throws Exception {
        Database.JdbcTarget t = Database.JdbcTarget.parse(server.databaseUrl());
        return DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password());
    }

    static final String ANA = "a_ana|facilitator|t_dreux";
    static final String BEA = "a_bea|facilitator|t_dreux";
    static final String CYR = "a_cyr|coordinator|t_dreux";
    static final String DAN = "a_dan|facilitator|t_tours";
    static final String EVE = "a_eve|coordinator|t_tours";

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

    static String nextWeek() {
        return LocalDateTime.now(When.PARIS).plusDays(7).withHour(14).withMinute(0).withSecond(0).withNano(0).toString().substring(0, 16);
    }

    /** A quiz for next week: the bank of the library, live pacing, two teams, Béa as co-facilitator. */
    static JsonNode prepareQuiz(String title) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("format", "quiz").put("title", title).put("startsAt", nextWeek())
                .put("place", "Médiathèque de Dreux").put("territoryId", "t_dreux").put("publics", "Lycéens de seconde")
                .put("partners", "Mission locale");
        body.putArray("facilitatorIds").add("a_bea");
        ArrayNode commands = body.putObject("settings").putArray("commands");
        commands.addObject().put("type", "quiz.useBank").set("bank", http.get("/api/formats/quiz/library/decouverte-5").json());
        commands.addObject().put("type", "quiz.configure").putObject("settings").put("pacing", "live").put("secondsPerQuestion", 45)
                .put("timeLimitMinutes", 30).put("speedBonus", true).put("partialCredit", true).put("teamSize", 4).put("selfTeams", true);
        commands.addObject().put("type", "quiz.createTeam").put("name", "Les Curieux");
        Http.Response r = as(ANA, "POST", "/api/workspace/planned", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void preparedCodeIsReservedAndPhonesAreToldWhenToComeBack() {
        JsonNode plan = prepareQuiz("Challenge de printemps");
        String code = plan.path("code").asText();
        assertThat(code).hasSize(6);
        assertThat(plan.path("status").asText()).isEqualTo("prepared");
        assertThat(plan.path("joinUrl").asText()).endsWith("/j/" + code);
        // Live creation claims codes with SET NX: the reserved one is not free.
        assertThat(live.claimCode(code, "s_someone", Duration.ofMinutes(1)).await()).isFalse();
        assertThat(live.sessionIdForCode(code).await()).isEqualTo("plan:" + plan.path("id").asText());

        for (Http.Response early : new Http.Response[] {http.get("/api/sessions/" + code),
                http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Zoé\"}")}) {
            assertThat(early.status()).isEqualTo(409);
            String message = early.json().path("error").path("message").asText();
            assertThat(message).startsWith("La séance « Challenge de printemps » commence le ")
                    .contains(" à 14 h 00 ; revenez à ce moment-là.");
        }
        // The history's filters: format, place, date, status.
        String list = "/api/workspace/planned?status=prepared&format=quiz&place=m%C3%A9diath%C3%A8que&from="
                + nextWeek().substring(0, 10) + "&to=" + nextWeek().substring(0, 10);
        assertThat(as(ANA, "GET", list, null).json().path("sessions").findValuesAsText("code")).contains(code);
        assertThat(as(ANA, "GET", "/api/workspace/planned?format=cards", null).json().path("sessions").findValuesAsText("code"))
                .doesNotContain(code);
        assertThat(as(ANA, "GET", "/api/workspace/planned?to=" + java.time.LocalDate.now(When.PARIS), null).json().path("sessions")
                .findValuesAsText("code")).doesNotContain(code);
        assertThat(as(ANA, "GET", "/api/workspace/planned?place=Tours", null).json().path("sessions").findValuesAsText("code"))
                .doesNotContain(code);
        // The printable invitation's data and QR code.
        JsonNode seen = as(ANA, "GET", "/api/workspace/planned/" + plan.path("id").asText(), null).json();
        assertThat(seen.path("place").asText()).isEqualTo("Médiathèque de Dreux");
        assertThat(seen.path("time").asText()).isEqualTo("14 h 00");
        assertThat(http.get("/api/sessions/" + code + "/qr.svg").body()).startsWith("<svg");
    }

    @Test
    void openedOnTheDayWithItsContentByEitherFacilitator() {
        JsonNode plan = prepareQuiz("Quiz des métiers");
        String id = plan.path("id").asText();
        String code = plan.path("code").asText();
        Http.Response opened = as(ANA, "POST", "/api/workspace/planned/" + id + "/open", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        String console = opened.json().path("consoleUrl").asText();
        assertThat(console).contains("/h/" + code + "#k=");
        String host = console.substring(console.indexOf("#k=") + 3);

        // Another browser of Ana, and Béa (co-facilitator), reach the same console; no new session.
        assertThat(as(ANA, "POST", "/api/workspace/planned/" + id + "/open", null).json().path("consoleUrl").asText()).isEqualTo(console);
        assertThat(as(BEA, "POST", "/api/workspace/planned/" + id + "/open", null).json().path("consoleUrl").asText()).isEqualTo(console);
        // The host token is kept in Redis only.
        assertThat(live.kept(Planner.tokenKey(id)).await()).isEqualTo(host);

        // Joining is open with the reserved code; the console sees the prepared bank, pacing and team.
        assertThat(http.get("/api/sessions/" + code).json().path("title").asText()).isEqualTo("Quiz des métiers");
        assertThat(http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Zoé\"}").status()).isEqualTo(201);
        JsonNode mine = as(BEA, "GET", "/api/workspace/planned?status=live", null).json().path("sessions");
        assertThat(mine.findValuesAsText("code")).contains(code);
        assertThat(as(ANA, "GET", "/api/workspace/planned?status=prepared", null).json().path("sessions").findValuesAsText("code"))
                .doesNotContain(code);
        try (WsClient c = node.connect()) {
            assertThat(c.hello(code, "facilitator", host).path("type").asText()).isEqualTo("welcome");
            JsonNode quiz = c.awaitView(v -> v.path("activity").path("teams").size() == 1).path("activity");
            assertThat(quiz.path("settings").path("secondsPerQuestion").asInt()).isEqualTo(45);
            assertThat(quiz.path("teams").get(0).path("name").asText()).isEqualTo("Les Curieux");
            assertThat(quiz.path("content").path("questions").size()).isEqualTo(5);
            assertThat(c.command(WsClient.cmd("session.end")).path("type").asText()).isEqualTo("ack");
        }
        // Once archived as ended, the session row belongs to the plan's creator and territory.
        Pg pg = new Pg(server.databaseUrl());
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ? and ended_at is not null", code);
        JsonNode ended = as(CYR, "GET", "/api/workspace/planned?scope=territory&status=ended", null).json().path("sessions");
        assertThat(ended.findValuesAsText("code")).contains(code);
        assertThat(pg.rows("select creator_id, territory_id from session where id = ?", sessionId).get(0)).containsExactly("a_ana", "t_dreux");
        Http.Response synthesis = as(CYR, "GET", "/api/workspace/planned/" + id + "/synthesis", null);
        assertThat(synthesis.status()).as(synthesis.body()).isEqualTo(200);
        assertThat(synthesis.json().path("title").asText()).isEqualTo("Quiz des métiers");
        assertThat(as(DAN, "GET", "/api/workspace/planned/" + id + "/synthesis", null).status()).isEqualTo(403);
        // The territory's report and its syntheses, by account: the coordinator's, not another's.
        assertThat(as(CYR, "GET", "/api/workspace/report", null).json().path("sessions").findValuesAsText("code")).contains(code);
        assertThat(as(EVE, "GET", "/api/workspace/report", null).json().path("sessions").findValuesAsText("code")).doesNotContain(code);
        assertThat(as(EVE, "GET", "/api/workspace/report?territory=t_dreux", null).status()).isEqualTo(403);
        assertThat(as(ANA, "GET", "/api/workspace/report", null).status()).isEqualTo(403);
        assertThat(as(CYR, "GET", "/api/workspace/sessions/" + code + "/synthesis", null).json().path("code").asText()).isEqualTo(code);
        assertThat(as(EVE, "GET", "/api/workspace/sessions/" + code + "/synthesis", null).status()).isEqualTo(403);
    }

    @Test
    void otherTerritoriesAreRefusedAndCoordinatorsRead() {
        JsonNode plan = prepareQuiz("Atelier territoire");
        String path = "/api/workspace/planned/" + plan.path("id").asText();
        for (String outsider : new String[] {DAN, EVE}) {
            Http.Response r = as(outsider, "GET", path, null);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().path("error").path("message").asText()).contains("autre territoire");
            assertThat(as(outsider, "POST", path + "/open", null).status()).isEqualTo(403);
        }
        assertThat(as(CYR, "GET", path, null).status()).isEqualTo(200);
        Http.Response edit = as(CYR, "PUT", path, "{\"title\":\"Renommée\"}");
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.json().path("error").path("message").asText()).contains("ne les modifie pas");
        assertThat(as(CYR, "POST", path + "/open", null).status()).isEqualTo(403);
        assertThat(as(CYR, "POST", "/api/workspace/planned", "{\"format\":\"quiz\",\"title\":\"x\",\"territoryId\":\"t_dreux\"}").status())
                .isEqualTo(403);
        assertThat(as(ANA, "GET", path, null).json().path("title").asText()).isEqualTo("Atelier territoire");

        assertThat(as(CYR, "GET", "/api/workspace/planned?scope=territory", null).json().path("sessions").findValuesAsText("id"))
                .contains(plan.path("id").asText());
        assertThat(as(EVE, "GET", "/api/workspace/planned?scope=territory", null).json().path("sessions").findValuesAsText("id"))
                .doesNotContain(plan.path("id").asText());
        assertThat(as(EVE, "GET", "/api/workspace/planned?scope=territory&territory=t_dreux", null).status()).isEqualTo(403);
        assertThat(as(DAN, "GET", "/api/workspace/planned?scope=territory", null).status()).isEqualTo(403);
        // A facilitator prepares only in a territory of theirs, with co-facilitators of that territory.
        assertThat(as(DAN, "POST", "/api/workspace/planned", "{\"format\":\"quiz\",\"title\":\"x\",\"territoryId\":\"t_dreux\"}").status())
                .isEqualTo(403);
        assertThat(as(ANA, "POST", "/api/workspace/planned",
                "{\"format\":\"quiz\",\"title\":\"x\",\"territoryId\":\"t_dreux\",\"facilitatorIds\":[\"a_dan\"]}").status()).isEqualTo(400);
    }

    @Test
    void editedBeforeItOpensThenDuplicated() {
        JsonNode plan = prepareQuiz("Quiz à refaire");
        String path = "/api/workspace/planned/" + plan.path("id").asText();
        ObjectNode change = Json.MAPPER.createObjectNode().put("title", "Quiz à refaire (salle B)").put("place", "Salle B");
        change.set("settings", plan.path("settings"));
        Http.Response edited = as(BEA, "PUT", path, change.toString());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(as(ANA, "GET", path, null).json().path("place").asText()).isEqualTo("Salle B");

        Http.Response copy = as(BEA, "POST", path + "/duplicate", null);
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        JsonNode c = copy.json();
        assertThat(c.path("code").asText()).isNotEqualTo(plan.path("code").asText());
        assertThat(c.path("status").asText()).isEqualTo("prepared");
        assertThat(c.path("creatorId").asText()).isEqualTo("a_bea");
        assertThat(c.path("facilitatorIds").findValuesAsText("")).isEmpty();
        assertThat(c.path("facilitatorIds").toString()).contains("a_ana");
        assertThat(c.path("settings")).isEqualTo(plan.path("settings"));
        assertThat(live.sessionIdForCode(c.path("code").asText()).await()).isEqualTo("plan:" + c.path("id").asText());
        assertThat(as(DAN, "POST", path + "/duplicate", null).status()).isEqualTo(403);
        assertThat(AUDIT).contains("a_bea session.duplicate", "a_bea session.edit");
    }

    static JsonNode prepare(ObjectNode body) {
        Http.Response r = as(ANA, "POST", "/api/workspace/planned", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String openedHost(JsonNode opened) {
        String console = opened.path("consoleUrl").asText();
        return console.substring(console.indexOf("#k=") + 3);
    }

    @Test
    void aPreparedHackathonOpensWithItsChallengesTeamsAndSettings() {
        ObjectNode body = Json.MAPPER.createObjectNode().put("format", "hackathon").put("title", "Hack du lycée").put("startsAt", nextWeek())
                .put("territoryId", "t_dreux");
        ObjectNode kit = (ObjectNode) http.get("/api/formats/hackathon/library/hack-ton-orientation").json();
        ArrayNode kept = Json.MAPPER.createArrayNode();
        kit.path("challenges").forEach(c -> {
            if (c.path("id").asText().equals("ecole-entreprise") || c.path("id").asText().equals("parler-competences")) {
                kept.add(c);
            }
        });
        kit.set("challenges", kept);
        ArrayNode commands = body.putObject("settings").putArray("commands");
        ObjectNode setup = commands.addObject().put("type", "hackathon.setup");
        setup.set("kit", kit);
        setup.putObject("settings").put("teamSize", 4).put("selfTeams", false).put("pitchSeconds", 120);
        commands.addObject().put("type", "hackathon.createTeam").put("name", "Les Bâtisseurs");
        commands.addObject().put("type", "hackathon.createTeam").put("name", "Les Curieux");
        // Team ids are drawn in order on a new session ("t1", "t2"): the form assigns challenges to them.
        commands.addObject().put("type", "hackathon.chooseChallenge").put("teamId", "t1").put("challengeId", "ecole-entreprise");
        JsonNode plan = prepare(body);
        String code = plan.path("code").asText();
        assertThat(http.get("/api/sessions/" + code).status()).isEqualTo(409);

        Http.Response opened = as(ANA, "POST", "/api/workspace/planned/" + plan.path("id").asText() + "/open", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().has("projectUrl")).isFalse();
        try (WsClient c = node.connect()) {
            assertThat(c.hello(code, "facilitator", openedHost(opened.json())).path("type").asText()).isEqualTo("welcome");
            JsonNode hack = c.awaitView(v -> v.path("activity").path("teams").size() == 2
                    && v.path("activity").path("teams").get(0).path("challengeId").asText().equals("ecole-entreprise")).path("activity");
            assertThat(hack.path("kit").path("challenges").findValuesAsText("id")).containsExactly("ecole-entreprise", "parler-competences");
            assertThat(java.util.List.of(hack.path("teams").get(0).path("name").asText(), hack.path("teams").get(1).path("name").asText()))
                    .containsExactly("Les Bâtisseurs", "Les Curieux");
            assertThat(hack.path("teams").get(1).path("challengeId").asText("")).isEmpty();
            assertThat(hack.path("settings").path("teamSize").asInt()).isEqualTo(4);
            assertThat(hack.path("settings").path("selfTeams").asBoolean()).isFalse();
            assertThat(hack.path("settings").path("pitchSeconds").asInt()).isEqualTo(120);
            assertThat(c.command(WsClient.cmd("session.end")).path("type").asText()).isEqualTo("ack");
        }
    }

    @Test
    void aPreparedDessineMoiOpensWithANewProjectOfTheTerritoryWhoseKeyIsNeverStored() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode().put("format", "prioritisation").put("title", "Dessine-moi l'aide à domicile")
                .put("startsAt", nextWeek()).put("territoryId", "t_dreux");
        ObjectNode settings = body.putObject("settings");
        settings.putArray("commands");
        settings.putObject("project").putObject("new").put("name", "Aide à domicile").put("sector", "Aide à domicile")
                .put("territory", "Dreux").put("targetPublic", "Demandeurs d'emploi");
        JsonNode plan = prepare(body);
        String id = plan.path("id").asText();
        assertThat(plan.path("settings").path("project").path("new").path("sector").asText()).isEqualTo("Aide à domicile");

        Http.Response opened = as(ANA, "POST", "/api/workspace/planned/" + id + "/open", null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        String projectId = opened.json().path("projectId").asText();
        String projectUrl = opened.json().path("projectUrl").asText();
        assertThat(projectUrl).contains("/projets/" + projectId + "#k=");
        String key = projectUrl.substring(projectUrl.indexOf("#k=") + 3);
        // The secret link works, and the key is nowhere in the plan's row.
        assertThat(http.get("/api/projects/" + projectId, key).status()).isEqualTo(200);
        Pg pg = new Pg(server.databaseUrl());
        assertThat(pg.rows("select settings::text from planned_session where id = ?", id).get(0).get(0).toString()).doesNotContain(key);
        assertThat(pg.rows("select creator_id, territory_id from project where id = ?", projectId).get(0)).containsExactly("a_ana", "t_dreux");
        try (WsClient c = node.connect()) {
            assertThat(c.hello(plan.path("code").asText(), "facilitator", openedHost(opened.json())).path("type").asText()).isEqualTo("welcome");
            JsonNode prio = c.awaitView(v -> v.path("activity").path("project").path("id").asText().equals(projectId)).path("activity");
            assertThat(prio.path("project").path("name").asText()).isEqualTo("Aide à domicile");
            assertThat(prio.path("project").path("territory").asText()).isEqualTo("Dreux");
            assertThat(prio.path("project").toString()).doesNotContain(key);
        }
        // Opened again (another browser): the same console, no second project and no key.
        Http.Response again = as(BEA, "POST", "/api/workspace/planned/" + id + "/open", null);
        assertThat(again.json().has("projectUrl")).isFalse();
        assertThat(pg.rows("select count(*) from project where territory_id = 't_dreux' and sector = 'Aide à domicile'").get(0).get(0).toString())
                .isEqualTo("1");
    }

    @Test
    void aPlanCannotContinueAnExistingProjectNorGiveOneToAnotherFormat() {
        Http.Response existing = as(ANA, "POST", "/api/workspace/planned", "{\"format\":\"prioritisation\",\"title\":\"x\","
                + "\"territoryId\":\"t_dreux\",\"settings\":{\"project\":{\"id\":\"pj_abc\"}}}");
        assertThat(existing.status()).isEqualTo(400);
        assertThat(existing.json().path("error").path("message").asText()).isEqualTo(PreparedProject.CONTINUE_IN_CONSOLE);
        Http.Response quiz = as(ANA, "POST", "/api/workspace/planned", "{\"format\":\"quiz\",\"title\":\"x\","
                + "\"territoryId\":\"t_dreux\",\"settings\":{\"project\":{\"new\":{\"sector\":\"Soins\"}}}}");
        assertThat(quiz.status()).isEqualTo(400);
        Http.Response badHack = as(ANA, "POST", "/api/workspace/planned", "{\"format\":\"hackathon\",\"title\":\"x\","
                + "\"territoryId\":\"t_dreux\",\"settings\":{\"commands\":[{\"type\":\"hackathon.setup\",\"kit\":\"nope\"}]}}");
        assertThat(badHack.status()).isEqualTo(400);
        assertThat(badHack.json().path("error").path("message").asText()).startsWith("Réglage refusé (hackathon.setup)");
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        Http.Response r = as(ANA, "POST", "/api/workspace/planned",
                "{\"format\":\"quiz\",\"title\":\"x\",\"territoryId\":\"t_dreux\",\"settings\":{\"commands\":[{\"type\":\"quiz.nope\"}]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).startsWith("Réglage refusé (quiz.nope)");
        Http.Response anonymous = http.get("/api/workspace/planned");
        assertThat(anonymous.status()).isIn(401, 404);
    }
}
