package fr.atelier.server.db;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.AtelierServer;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import fr.atelier.server.TestNode;
import fr.atelier.server.WsClient;
import fr.atelier.server.http.ApiError;
import fr.atelier.server.live.LiveStore;
import fr.atelier.server.live.Synthesis;
import fr.atelier.server.workspace.planning.Viewer;
import fr.atelier.server.workspace.privacy.PrivacyApi;
import fr.atelier.workshops.core.Json;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, items 1-3 and 7 on a real PostgreSQL and Redis: sessions archived, then purged with a clock
 * past the retention delay; the report and the synthesis show the same aggregates, nicknames and
 * comments are gone; a purge stopped half-way; one node runs the purge; erase and export by account.
 */
class RetentionTest {
    static TestNode node;
    static AtelierServer server;
    static Http http;
    static Database db;
    static LiveStore live;
    static HttpServer api;
    static Retention later;
    static final CopyOnWriteArrayList<String> AUDIT = new CopyOnWriteArrayList<>();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String CYR = "a_cyr|coordinator|t_dreux";
    static final String EVE = "a_eve|coordinator|t_tours";
    static final String ADA = "a_ada|admin|";

    @BeforeAll
    static void start() {
        node = TestNode.start(TestConfig.external());
        server = node.server();
        http = new Http(server.port());
        db = Database.connect(server.vertx(), server.databaseUrl(), 2);
        live = new LiveStore(server.vertx(), server.redisUrl());
        // The clock of a day thirteen months from now: every session archived today is past 12 months.
        later = new Retention(db, Clock.fixed(Instant.now().plus(400, ChronoUnit.DAYS), ZoneOffset.UTC), 12);
        Viewer.Source viewers = rc -> Optional.ofNullable(rc.request().getHeader("X-Test-Viewer")).map(h -> {
            String[] p = h.split("\\|", -1);
            return new Viewer(p[0], p[1], p[2].isEmpty() ? Set.of() : Set.of(p[2].split(",")));
        });
        Router router = Router.router(server.vertx());
        router.route("/api/admin/*").handler(io.vertx.ext.web.handler.BodyHandler.create()); // as the workspace does
        new PrivacyApi(db, live, new Retention(db, Clock.systemUTC(), 12), viewers,
                (who, action, target, detail) -> AUDIT.add(who + " " + action + " " + target), Map.of()).mount(router);
        router.route("/api/*").failureHandler(rc -> {
            ApiError e = rc.failure() instanceof ApiError a ? a : new ApiError(500, "internal", String.valueOf(rc.failure()));
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.putObject("error").put("code", e.code()).put("message", e.getMessage());
            rc.response().setStatusCode(e.status()).putHeader("Content-Type", "application/json").end(out.toString());
        });
        api = server.vertx().createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close().await();
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

    static Http.Response as(String viewer, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.actualPort() + path))
                .header("X-Test-Viewer", viewer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    record Played(String code, String sessionId, WsClient console, List<WsClient> phones) {}

    /** A poll with the given people: one question answered, everyone rates (the last with a comment); ended when asked. */
    static Played poll(String title, List<String> nicknames, int[] scores, boolean end) {
        JsonNode created = http.createSession("poll", title);
        String code = created.get("code").asText();
        WsClient console = node.connect();
        assertThat(console.hello(code, "facilitator", created.get("hostToken").asText()).path("type").asText()).isEqualTo("welcome");
        List<WsClient> phones = new ArrayList<>();
        for (String nickname : nicknames) {
            JsonNode joined = http.join(code, nickname);
            WsClient phone = node.connect();
            phone.hello(code, "participant", joined.get("rejoinToken").asText());
            phones.add(phone);
        }
        assertThat(console.command(cmd("session.start")).path("type").asText()).isEqualTo("ack");
        ObjectNode ask = cmd("poll.ask").put("text", "Quel site pour les fiches métiers ?").put("correct", 1);
        ask.withArray("options").add("France Travail").add("Onisep");
        assertThat(console.command(ask).path("type").asText()).isEqualTo("ack");
        for (WsClient phone : phones) {
            phone.awaitView(v -> v.path("activity").path("question").path("status").asText().equals("OPEN"));
            assertThat(phone.command(cmd("poll.answer").put("questionId", "q1").put("option", 1)).path("type").asText()).isEqualTo("ack");
        }
        assertThat(console.command(cmd("session.openSatisfaction")).path("type").asText()).isEqualTo("ack");
        for (int i = 0; i < phones.size(); i++) {
            ObjectNode rate = cmd("session.rate").put("score", scores[i]);
            if (i == phones.size() - 1) {
                rate.put("comment", "Merci, " + nicknames.get(i) + " a adoré");
            }
            assertThat(phones.get(i).command(rate).path("type").asText()).isEqualTo("ack");
        }
        String id = end ? end(code, console) : null;
        return new Played(code, id, console, phones);
    }

    static String end(String code, WsClient console) {
        assertThat(console.command(cmd("session.end")).path("type").asText()).isEqualTo("ack");
        Pg pg = new Pg(server.databaseUrl());
        String id = (String) pg.await(v -> v != null, "select id from session where code = ? and ended_at is not null", code);
        pg.await(v -> ((Long) v) > 0, "select count(*) from participant where session_id = ?", id);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!live.meta(id).await().containsKey("archivedAt")) {
            assertThat(System.currentTimeMillis()).as("archived in Redis").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return id;
    }

    static long count(String sql, Object... params) {
        return ((Number) new Pg(server.databaseUrl()).value(sql, params)).longValue();
    }

    @Test
    void afterThePurgeReportsAndSynthesesShowTheSameAggregatesWithoutNicknamesNorComments() {
        Played a = poll("Forum de Dreux", List.of("Camille", "Élodie", "Sami"), new int[] {5, 4, 4}, true);
        Played b = poll("Forum de Dreux 2", List.of("Noé", "Lina"), new int[] {2, 3}, true);
        CoordinationReport report = new CoordinationReport(db, server.registry().formats());
        ArchiveReader reader = new ArchiveReader(db, server.registry().formats());
        CoordinationReport.Report before = report.report(null, null).await();
        Synthesis synthBefore = reader.synthesisForCoordinator(a.code()).await();
        assertThat(synthBefore.participants()).extracting(Synthesis.Person::nickname).contains("Camille");
        assertThat(synthBefore.satisfaction().comments()).hasSize(1);

        Retention.Run run = later.purgeExpired().await();
        assertThat(run.ran()).isTrue();
        assertThat(run.sessions()).isGreaterThanOrEqualTo(2);
        assertThat(run.rows()).containsKeys("participant", "satisfaction_answer", "session_event");

        CoordinationReport.Report after = report.report(null, null).await();
        assertThat(after.overall()).isEqualTo(before.overall());
        assertThat(after.byFormat()).isEqualTo(before.byFormat());
        assertThat(after.overall().ratings()).isGreaterThanOrEqualTo(5);
        Synthesis synthAfter = reader.synthesisForCoordinator(a.code()).await();
        assertThat(synthAfter.participants()).hasSize(synthBefore.participants().size())
                .extracting(Synthesis.Person::nickname).containsOnly(Retention.ERASED_NAME);
        assertThat(synthAfter.satisfaction().count()).isEqualTo(3);
        assertThat(synthAfter.satisfaction().average()).isEqualTo(synthBefore.satisfaction().average());
        assertThat(synthAfter.satisfaction().distribution()).containsExactly(synthBefore.satisfaction().distribution());
        assertThat(synthAfter.satisfaction().comments()).isEmpty();
        assertThat(synthAfter.results()).isEqualTo(synthBefore.results()); // a poll's results name nobody

        for (String id : List.of(a.sessionId(), b.sessionId())) {
            assertThat(count("select count(*) from participant where session_id = ?", id)).isZero();
            assertThat(count("select count(*) from satisfaction_answer where session_id = ?", id)).isZero();
            assertThat(count("select count(*) from session_event where session_id = ?", id)).isZero();
            assertThat(count("select count(*) from poll_option where session_id = ?", id)).as("aggregates stay").isEqualTo(2);
            assertThat(new Pg(server.databaseUrl()).value("select purge_reason from session where id = ?", id)).isEqualTo("retention");
        }
        assertThat(count("select count(*) from session where results::text like '%Camille%'")).isZero();

        // The archive run again (Redis still holds the live copy) brings nobody back.
        server.archiver().archive(a.sessionId()).await();
        assertThat(count("select count(*) from participant where session_id = ?", a.sessionId())).isZero();
        assertThat(count("select count(*) from session_event where session_id = ?", a.sessionId())).isZero();
        // Idempotent: a second run finds nothing to do.
        assertThat(later.purgeExpired().await().sessions()).isZero();
        // Not yet due: today's clock purges nothing.
        Played c = poll("Récent", List.of("Yanis"), new int[] {5}, true);
        assertThat(new Retention(db, Clock.systemUTC(), 12).purgeExpired().await().sessions()).isZero();
        assertThat(count("select count(*) from participant where session_id = ?", c.sessionId())).isEqualTo(1);
    }

    @Test
    void aPurgeStoppedHalfWayLeavesEachSessionWholeOrPurgedAndRunsAgainCleanly() throws Exception {
        poll("Interrompue 1", List.of("Inès"), new int[] {4}, true);
        poll("Interrompue 2", List.of("Jules"), new int[] {3}, true);
        Retention stopping = new Retention(db, Clock.fixed(Instant.now().plus(400, ChronoUnit.DAYS), ZoneOffset.UTC), 12);
        // A transaction killed in its middle (the JVM dies between two deletes): nothing of it stays.
        String victim = (String) new Pg(server.databaseUrl()).value(
                "select id from session where purged_at is null and title = 'Interrompue 1'");
        assertThatThrownBy(() -> db.transaction(tx -> {
            Retention.purgeSession(tx, victim, Retention.REASON_RETENTION, java.time.OffsetDateTime.now());
            throw new IllegalStateException("kill -9");
        }).await()).hasMessageContaining("kill -9");
        assertThat(count("select count(*) from participant where session_id = ?", victim)).isEqualTo(1);
        assertThat(count("select count(*) from session_event where session_id = ?", victim)).isPositive();
        assertThat(count("select count(*) from session where id = ? and purged_at is null", victim)).isEqualTo(1);

        // A run that dies after its first session: that one purged whole, the others untouched.
        stopping.afterEachSession(id -> {
            throw new IllegalStateException("killed after " + id);
        });
        assertThatThrownBy(() -> stopping.purgeExpired().await()).hasMessageContaining("killed after");
        long left = count("select count(*) from session where purged_at is null");
        assertThat(left).isPositive();
        assertThat(count("select count(*) from session s where purged_at is null and not exists "
                + "(select 1 from participant p where p.session_id = s.id)")).as("no session half purged").isZero();
        assertThat(count("select count(*) from session s where purged_at is not null and exists "
                + "(select 1 from participant p where p.session_id = s.id)")).isZero();
        // The lock went with the failed run: the next run goes on and finishes.
        Retention.Run again = later.purgeExpired().await();
        assertThat(again.ran()).isTrue();
        assertThat(again.sessions()).isEqualTo((int) left);
        assertThat(count("select count(*) from session where purged_at is null")).isZero();
    }

    @Test
    void oneNodeRunsThePurgeWhileAnotherHoldsTheLock() throws Exception {
        Database.JdbcTarget t = Database.JdbcTarget.parse(server.databaseUrl());
        try (Connection other = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password())) {
            try (ResultSet rs = other.createStatement().executeQuery("select pg_try_advisory_lock(" + Retention.LOCK_KEY + ")")) {
                assertThat(rs.next() && rs.getBoolean(1)).isTrue();
            }
            Retention.Run skipped = later.purgeExpired().await();
            assertThat(skipped.ran()).isFalse();
            other.createStatement().execute("select pg_advisory_unlock(" + Retention.LOCK_KEY + ")");
        }
        assertThat(later.purgeExpired().await().ran()).isTrue();
    }

    @Test
    void aCoordinatorErasesAnEndedSessionOnlyAndExportsItsRawData() {
        Played p = poll("École Victor Hugo", List.of("Adèle", "Bilal"), new int[] {5, 3}, false);
        // Running: refused until it ends, whoever asks.
        Http.Response running = as(ADA, "POST", "/api/workspace/sessions/" + p.code() + "/erase", "{\"confirm\":\"" + p.code() + "\"}");
        assertThat(running.status()).as(running.body()).isEqualTo(409);
        assertThat(running.json().path("error").path("message").asText()).contains("pas terminée");
        assertThat(as(ADA, "GET", "/api/workspace/sessions/" + p.code() + "/export", null).status()).isEqualTo(409);
        String id = end(p.code(), p.console());
        new Pg(server.databaseUrl()).value("update session set territory_id = 't_dreux' where id = ? returning id", id);

        // Export: the session's raw rows, nicknames included, no secret; audited.
        Http.Response export = as(CYR, "GET", "/api/workspace/sessions/" + p.code() + "/export", null);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("seance-" + p.code() + ".json");
        JsonNode doc = export.json();
        assertThat(doc.path("tables").path("participant").findValuesAsText("nickname")).containsExactlyInAnyOrder("Adèle", "Bilal");
        assertThat(doc.path("tables").has("poll_option")).isTrue();
        assertThat(doc.path("session").has("host_token_hash")).isFalse();
        assertThat(AUDIT).contains("a_cyr session.export " + id);

        // Another territory's coordinator may not; a missing confirmation is refused.
        assertThat(as(EVE, "POST", "/api/workspace/sessions/" + p.code() + "/erase", "{\"confirm\":\"" + p.code() + "\"}").status()).isEqualTo(403);
        assertThat(as(EVE, "GET", "/api/workspace/sessions/" + p.code() + "/export", null).status()).isEqualTo(403);
        assertThat(as(CYR, "POST", "/api/workspace/sessions/" + p.code() + "/erase", "{\"confirm\":\"XXXX\"}").status()).isEqualTo(400);
        assertThat(count("select count(*) from participant where session_id = ?", id)).isEqualTo(2);

        Http.Response erased = as(CYR, "POST", "/api/workspace/sessions/" + p.code() + "/erase", "{\"confirm\":\"" + p.code() + "\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("rows").path("participant").asInt()).isEqualTo(2);
        assertThat(AUDIT).contains("a_cyr session.erase " + id);
        assertThat(count("select count(*) from participant where session_id = ?", id)).isZero();
        assertThat(count("select count(*) from satisfaction_answer where session_id = ?", id)).isZero();
        assertThat(count("select satisfaction_count from session where id = ?", id)).isEqualTo(2);
        // The live copy in Redis went with it; again: nothing left to erase, said so.
        assertThat(live.meta(id).await()).isEmpty();
        assertThat(live.sessionIdForCode(p.code()).await()).isNull();
        Http.Response again = as(CYR, "POST", "/api/workspace/sessions/" + p.code() + "/erase", "{\"confirm\":\"" + p.code() + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("alreadyErased").asBoolean()).isTrue();
    }

    @Test
    void theAuditTrailAndTheRetentionSettingAreForAdministrators() {
        assertThat(as(CYR, "GET", "/api/admin/retention", null).status()).isEqualTo(403);
        assertThat(as(ADA, "PUT", "/api/admin/retention", "{\"months\":0}").status()).isEqualTo(400);
        Http.Response set = as(ADA, "PUT", "/api/admin/retention", "{\"months\":6}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("envMonths").asInt()).isEqualTo(12);
        assertThat(set.json().path("effectiveMonths").asInt()).isEqualTo(6);
        assertThat(AUDIT).anyMatch(l -> l.startsWith("a_ada retention.update"));
        // The stored setting overrides the environment's value for the purge.
        assertThat(new Retention(db, Clock.systemUTC(), 12).purgeExpired().await().months()).isEqualTo(6);
        assertThat(as(ADA, "PUT", "/api/admin/retention", "{\"months\":null}").json().path("effectiveMonths").asInt()).isEqualTo(12);

        new Pg(server.databaseUrl()).value("insert into audit_event (at, account_id, action, target) values "
                + "(now() - interval '10 days', 'a_old', 'session.open', 'p_old'), (now(), 'a_new', 'session.erase', 's_new') returning id");
        JsonNode today = as(ADA, "GET", "/api/admin/audit?from=" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")), null).json();
        assertThat(today.path("events").findValuesAsText("target")).contains("s_new").doesNotContain("p_old");
        JsonNode all = as(ADA, "GET", "/api/admin/audit", null).json();
        assertThat(all.path("events").findValuesAsText("target")).contains("s_new", "p_old");
        assertThat(as(CYR, "GET", "/api/admin/audit", null).status()).isEqualTo(403);
    }

    @Test
    void scrubReplacesNicknamesAndDropsComments() {
        JSONB in = JSONB.valueOf("{\"teams\":[{\"members\":[\"Zoé\",\"Paul\"],\"name\":\"Zoé et Paul\"}],"
                + "\"feelings\":[{\"nickname\":\"X\",\"comment\":\"bof\"}],\"author\":\"Paul\"}");
        String out = Retention.scrub(in, Set.of("Zoé", "Paul")).data();
        assertThat(out).doesNotContain("\"Zoé\"", "\"Paul\"", "bof").contains("Zoé et Paul", Retention.ERASED_NAME);
    }
}
