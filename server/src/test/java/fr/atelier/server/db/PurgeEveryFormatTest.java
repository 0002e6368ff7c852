package fr.atelier.server.db;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.AtelierServer;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import fr.atelier.server.TestNode;
import fr.atelier.server.WsClient;
import fr.atelier.server.live.LiveStore;
import fr.atelier.server.live.Synthesis;
import fr.atelier.server.live.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: no nickname survives a purge, whatever the format. One session of each format with
 * nicknames nobody else uses, also typed where a participant writes about the session (comments,
 * feelings, an observer's grid); after the purge every row of every table with a session_id, and the
 * session row itself, is searched for them; the synthesis's key numbers are the same before and after.
 */
class PurgeEveryFormatTest {
    static TestNode node;
    static AtelierServer server;
    static Http http;
    static Database db;
    static LiveStore live;

    static final List<String> NAMES = List.of("Zéphyrine", "Barnabé", "Philomène", "Anatole", "Capucine", "Eustache");

    @BeforeAll
    static void start() {
        node = TestNode.start(TestConfig.external());
        server = node.server();
        http = new Http(server.port());
        db = Database.connect(server.vertx(), server.databaseUrl(), 2);
        live = new LiveStore(server.vertx(), server.redisUrl());
    }

    @AfterAll
    static void stop() {
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

    static JsonNode ack(WsClient client, JsonNode command) {
        JsonNode answer = client.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("ack");
        return answer;
    }

    record Room(String code, String host, WsClient console, Map<String, WsClient> phones, Map<String, String> ids) {}

    static Room open(String format, String title, List<String> names) {
        JsonNode created = http.createSession(format, title);
        String code = created.get("code").asText();
        WsClient console = node.connect();
        assertThat(console.hello(code, "facilitator", created.get("hostToken").asText()).path("type").asText()).isEqualTo("welcome");
        Map<String, WsClient> phones = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String n : names) {
            JsonNode joined = http.join(code, n);
            ids.put(n, joined.get("participantId").asText());
            WsClient phone = node.connect();
            phone.hello(code, "participant", joined.get("rejoinToken").asText());
            phones.put(n, phone);
        }
        return new Room(code, created.get("hostToken").asText(), console, phones, ids);
    }

    /** Satisfaction with a comment naming its author, then the end and the archive. */
    static String endWithComment(Room r, String who) {
        ack(r.console(), cmd("session.openSatisfaction"));
        ack(r.phones().get(who), cmd("session.rate").put("score", 4).put("comment", "Merci, c'était " + who + " ici, très bien"));
        ack(r.console(), cmd("session.end"));
        Pg pg = new Pg(server.databaseUrl());
        String id = (String) pg.await(v -> v != null, "select id from session where code = ? and ended_at is not null", r.code());
        pg.await(v -> ((Long) v) > 0, "select count(*) from satisfaction_answer where session_id = ?", id);
        long deadline = System.currentTimeMillis() + 15_000;
        while (!live.meta(id).await().containsKey("archivedAt")) {
            assertThat(System.currentTimeMillis()).as("archived in Redis").isLessThan(deadline);
            sleep(50);
        }
        r.phones().values().forEach(WsClient::close);
        r.console().close();
        return id;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static String quiz() {
        List<String> people = List.of("Zéphyrine", "Barnabé", "Philomène", "Anatole");
        Room r = open("quiz", "Quiz purge", people);
        ObjectNode useBank = cmd("quiz.useBank");
        useBank.set("bank", http.get("/api/formats/quiz/library/decouverte-5").json());
        ack(r.console(), useBank);
        ObjectNode configure = cmd("quiz.configure");
        configure.putObject("settings").put("pacing", "challenge").put("timeLimitMinutes", 20).put("speedBonus", true)
                .put("partialCredit", true).put("teamSize", 3).put("selfTeams", true);
        ack(r.console(), configure);
        ack(r.console(), cmd("session.start"));
        ack(r.phones().get("Zéphyrine"), cmd("quiz.createTeam").put("name", "Les Comètes"));
        ack(r.phones().get("Philomène"), cmd("quiz.createTeam").put("name", "Les Hiboux"));
        JsonNode teams = r.phones().get("Barnabé").awaitView(v -> v.path("activity").path("teams").size() == 2).path("activity").path("teams");
        Map<String, String> byName = new LinkedHashMap<>();
        teams.forEach(t -> byName.put(t.path("name").asText(), t.path("id").asText()));
        ack(r.phones().get("Barnabé"), cmd("quiz.joinTeam").put("teamId", byName.get("Les Comètes")));
        ack(r.phones().get("Anatole"), cmd("quiz.joinTeam").put("teamId", byName.get("Les Hiboux")));
        ack(r.console(), cmd("quiz.start"));
        r.phones().get("Anatole").awaitView(v -> v.path("activity").path("challenge").path("questions").size() == 5);
        ack(r.phones().get("Zéphyrine"), cmd("quiz.answer").put("questionId", "q03").put("truth", true));
        ack(r.phones().get("Barnabé"), cmd("quiz.answer").put("questionId", "q05").put("text", "etoile"));
        ack(r.phones().get("Anatole"), cmd("quiz.answer").put("questionId", "q03").put("truth", false));
        ack(r.phones().get("Philomène"), cmd("quiz.answer").put("questionId", "q05").put("text", "Onisep"));
        ack(r.console(), cmd("quiz.finish"));
        r.phones().get("Anatole").awaitView(v -> "FINISHED".equals(v.path("activity").path("stage").asText()));
        return endWithComment(r, "Barnabé");
    }

    static ObjectNode grid(String worked) {
        ObjectNode c = cmd("cards.saveGrid").put("round", 1);
        ObjectNode answers = c.putObject("answers");
        answers.putArray("card").add("99");
        answers.putArray("questions").add("Depuis quand cherchez-vous ?");
        answers.putArray("doors").add("mission-locale");
        answers.putArray("schemes").add("CEJ");
        answers.putArray("worked").add(worked);
        return c;
    }

    static String cards() {
        List<String> people = List.of("Zéphyrine", "Barnabé", "Capucine", "Eustache");
        Room r = open("cards", "Cartes purge", people);
        ack(r.console(), cmd("session.start"));
        ObjectNode useDeck = cmd("cards.useDeck");
        useDeck.set("deck", http.get("/api/formats/cards/library/spro").json());
        ack(r.console(), useDeck);
        ack(r.phones().get("Zéphyrine"), cmd("cards.raiseHand"));
        ack(r.phones().get("Barnabé"), cmd("cards.raiseHand"));
        r.console().awaitView(v -> v.path("activity").path("volunteers").size() == 2);
        ack(r.console(), cmd("cards.nextRound"));
        ack(r.console(), cmd("cards.assign").put("counsellor", r.ids().get("Zéphyrine")).put("beneficiary", r.ids().get("Barnabé")));
        ack(r.console(), cmd("cards.drawCase").put("seed", 12345L));
        ack(r.console(), cmd("cards.drawStructure").put("seed", 777L));
        r.console().awaitView(v -> v.path("activity").path("round").has("card") && v.path("activity").path("round").has("structure"));
        ack(r.console(), cmd("cards.startScene").put("seconds", 600));
        r.phones().get("Capucine").awaitView(v -> v.path("activity").path("round").has("grid"));
        ack(r.phones().get("Capucine"), grid("Zéphyrine a bien reformulé, bravo Barnabé aussi"));
        r.phones().get("Eustache").awaitView(v -> v.path("activity").path("round").has("grid"));
        ack(r.phones().get("Eustache"), grid("Écoute active"));
        ack(r.console(), cmd("cards.openFeelings"));
        ack(r.phones().get("Barnabé"), cmd("cards.shareFeeling").put("round", 1).put("text", "Moi Barnabé, je me suis senti écouté"));
        r.console().awaitView(v -> v.path("activity").path("round").path("feelings").size() == 1);
        ack(r.console(), cmd("cards.openDebrief"));
        return endWithComment(r, "Capucine");
    }

    static String hackathon() {
        JsonNode created = http.createSession("hackathon", "Hackathon purge");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        ObjectNode setup = cmd("hackathon.setup");
        setup.set("kit", http.get("/api/formats/hackathon/library/hack-ton-orientation").json());
        setup.putObject("settings").put("teamSize", 3).put("pitchSeconds", 120).put("dots", 2);
        ack(console, setup);
        String juryToken = Tokens.secret();
        ack(console, cmd("hackathon.inviteJury").put("label", "Présidente du jury").put("tokenHash", Tokens.hash(juryToken)));
        Map<String, WsClient> phones = new LinkedHashMap<>();
        for (String n : List.of("Zéphyrine", "Barnabé", "Philomène", "Eustache")) {
            JsonNode joined = http.join(code, n);
            WsClient phone = node.connect();
            phone.hello(code, "participant", joined.get("rejoinToken").asText());
            phones.put(n, phone);
        }
        Room r = new Room(code, created.get("hostToken").asText(), console, phones, Map.of());
        ack(console, cmd("session.start"));
        ack(phones.get("Zéphyrine"), cmd("hackathon.createTeam").put("name", "Les Défricheurs"));
        ack(phones.get("Barnabé"), cmd("hackathon.joinTeam").put("teamId", "t1"));
        ack(phones.get("Philomène"), cmd("hackathon.createTeam").put("name", "Cap Avenir"));
        ack(phones.get("Eustache"), cmd("hackathon.claimJury").put("token", juryToken));
        ack(phones.get("Zéphyrine"), cmd("hackathon.chooseChallenge").put("challengeId", "parler-competences"));
        ack(phones.get("Philomène"), cmd("hackathon.chooseChallenge").put("challengeId", "ecole-entreprise"));
        ack(console, cmd("hackathon.advance").put("to", "UNDERSTAND").put("minutes", 20));
        phones.get("Zéphyrine").awaitView(v -> v.path("activity").path("stage").asText().equals("UNDERSTAND"));
        ack(phones.get("Zéphyrine"), cmd("hackathon.edit").put("field", "persona").put("baseRev", 0).put("text", "Inès, 17 ans, sans permis"));
        ack(console, cmd("hackathon.advance").put("to", "IMAGINE"));
        ack(phones.get("Barnabé"), cmd("hackathon.addIdea").put("text", "Un covoiturage solidaire vers les stages"));
        ack(phones.get("Zéphyrine"), cmd("hackathon.dot").put("ideaId", "i1").put("on", true));
        ack(console, cmd("hackathon.advance").put("to", "BUILD"));
        ack(phones.get("Barnabé"), cmd("hackathon.edit").put("field", "name").put("baseRev", 0).put("text", "Stage Express"));
        ack(phones.get("Philomène"), cmd("hackathon.edit").put("field", "name").put("baseRev", 0).put("text", "Passeport Talents"));
        ack(console, cmd("hackathon.advance").put("to", "PITCH").put("seed", 20251125L));
        ack(console, cmd("hackathon.pitch").put("teamId", "t1"));
        ObjectNode score = cmd("hackathon.score").put("teamId", "t1");
        score.putObject("scores").put("impact", 5).put("faisabilite", 4).put("originalite", 4).put("pitch", 5);
        ack(phones.get("Eustache"), score);
        ack(console, cmd("hackathon.advance").put("to", "VOTE").put("minutes", 5));
        ObjectNode pub = cmd("hackathon.score").put("teamId", "t1");
        pub.putObject("scores").put("impact", 4).put("faisabilite", 3).put("originalite", 4).put("pitch", 4);
        ack(phones.get("Philomène"), pub);
        ack(console, cmd("hackathon.advance").put("to", "RESULTS"));
        return endWithComment(r, "Zéphyrine");
    }

    static String contribute(WsClient phone, String text, String kind, String category) {
        ack(phone, cmd("prioritisation.contribute").put("text", text).put("kind", kind).put("category", category));
        JsonNode view = phone.awaitView(v -> v.path("activity").path("me").path("contributions").toString().contains(text));
        for (JsonNode c : view.path("activity").path("me").path("contributions")) {
            if (c.path("text").asText().equals(text)) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("not found");
    }

    static String prioritisation() {
        List<String> people = List.of("Zéphyrine", "Barnabé", "Anatole");
        Room r = open("prioritisation", "Dessine-moi purge", people);
        ack(r.console(), cmd("session.start"));
        String[] profiles = {"young", "jobseeker", "employer"};
        for (int i = 0; i < people.size(); i++) {
            ack(r.phones().get(people.get(i)), cmd("prioritisation.setProfile").put("profile", profiles[i]));
        }
        String a = contribute(r.phones().get("Zéphyrine"), "Les horaires du week-end font peur", "difficulty", "conditions");
        String b = contribute(r.phones().get("Barnabé"), "Faire découvrir le métier par des stages courts", "proposal", "communication");
        String c = contribute(r.phones().get("Anatole"), "Nous n'arrivons pas à recruter pour le samedi", "difficulty", "recruitment");
        for (String id : List.of(a, b, c)) {
            ack(r.console(), cmd("prioritisation.hide").put("contributionId", id).put("hidden", false));
        }
        ack(r.console(), cmd("prioritisation.setStage").put("stage", "SYNTHESIS"));
        ObjectNode theme = cmd("prioritisation.createTheme").put("name", "Horaires atypiques");
        theme.withArray("contributionIds").add(a).add(c);
        ack(r.console(), theme);
        ack(r.console(), cmd("prioritisation.propose").put("contributionId", b));
        ack(r.console(), cmd("prioritisation.settings").put("budget", 5).put("maxPerProposal", 3).put("ratings", true));
        ack(r.console(), cmd("prioritisation.setStage").put("stage", "VOTE"));
        JsonNode view = r.console().awaitView(v -> v.path("activity").path("vote").path("proposals").size() == 1);
        String p = view.path("activity").path("vote").path("proposals").get(0).path("id").asText();
        for (String n : people) {
            ack(r.phones().get(n), cmd("prioritisation.vote").put("proposalId", p).put("dots", 2));
        }
        ack(r.console(), cmd("prioritisation.reveal"));
        return endWithComment(r, "Anatole");
    }

    /** Every row of every table with a session_id, and the session row, as JSON text. */
    static Map<String, List<String>> rows(String sessionId) throws Exception {
        Database.JdbcTarget t = Database.JdbcTarget.parse(server.databaseUrl());
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password())) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select c.table_name from information_schema.columns c "
                    + "join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name "
                    + "where c.column_name = 'session_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE' "
                    + "order by c.table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("participant", "quiz_team_answer", "cards_grid_value", "hackathon_canvas_field", "project_contribution");
            tables.add("session");
            for (String table : tables) {
                String where = table.equals("session") ? "id" : "session_id";
                try (PreparedStatement ps = c.prepareStatement("select row_to_json(t)::text from " + table + " t where " + where + " = ?")) {
                    ps.setString(1, sessionId);
                    List<String> list = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(rs.getString(1));
                        }
                    }
                    out.put(table, list);
                }
            }
        }
        return out;
    }

    record Numbers(int participants, int ratings, double average, String keys) {}

    static Numbers numbers(ArchiveReader reader, String code, String keyNumbersSql, String id) {
        Synthesis s = reader.synthesisForCoordinator(code).await();
        Object keys = new Pg(server.databaseUrl()).rows(keyNumbersSql, id);
        // The session row's count (staff such as a hackathon's juror not counted), as reports read it.
        int participants = ((Number) new Pg(server.databaseUrl()).value("select participant_count from session where id = ?", id)).intValue();
        return new Numbers(participants, s.satisfaction().count(), s.satisfaction().average(), String.valueOf(keys));
    }

    @Test
    void noNicknameSurvivesThePurgeInAnyFormatAndTheAggregatesStay() throws Exception {
        Map<String, String> sessions = new LinkedHashMap<>();
        sessions.put(quiz(), "select name, final_rank, score from quiz_team where session_id = ? order by name");
        String cards = cards();
        sessions.put(cards, "select round_number, grids, case_number from cards_round where session_id = ? order by round_number");
        String hackathon = hackathon();
        sessions.put(hackathon, "select team_id, name, jury_score, public_score from hackathon_team where session_id = ? order by team_id");
        String dessine = prioritisation();
        sessions.put(dessine, "select count(*), sum(dots) from project_vote where session_id = ?");
        ArchiveReader reader = new ArchiveReader(db, server.registry().formats());
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, Numbers> before = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sessions.entrySet()) {
            String code = (String) new Pg(server.databaseUrl()).value("select code from session where id = ?", e.getKey());
            codes.put(e.getKey(), code);
            before.put(e.getKey(), numbers(reader, code, e.getValue(), e.getKey()));
            String all = rows(e.getKey()).toString();
            assertThat(all).as("the archive holds the nicknames before the purge").contains("Zéphyrine", "Barnabé");
        }

        // Issue 18: per-participant impact answers and structures go with the participants.
        Pg sql = new Pg(server.databaseUrl());
        for (String id : sessions.keySet()) {
            sql.rows("insert into impact_answer select session_id, id, 'iq_test', 'after', 4 from participant where session_id = ? returning score", id);
            sql.rows("update participant set structure_id = 'st_test', declared_size = 2 where session_id = ? returning id", id);
        }
        Retention later = new Retention(db, Clock.fixed(Instant.now().plus(400, ChronoUnit.DAYS), ZoneOffset.UTC), 12);
        Retention.Run run = later.purgeExpired().await();
        assertThat(run.ran()).isTrue();

        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> e : sessions.entrySet()) {
            rows(e.getKey()).forEach((table, list) -> {
                for (String row : list) {
                    for (String name : NAMES) {
                        int at = row.indexOf(name);
                        if (at >= 0) {
                            leaks.add(codes.get(e.getKey()) + " " + table + ": …" + row.substring(Math.max(0, at - 80), Math.min(row.length(), at + 40)));
                        }
                    }
                }
            });
        }
        assertThat(leaks).as("nicknames left after the purge").isEmpty();
        for (String id : sessions.keySet()) {
            assertThat(((Number) sql.value("select count(*) from impact_answer where session_id = ?", id)).intValue()).isZero();
            assertThat(((Number) sql.value("select count(*) from participant where session_id = ? and structure_id is not null", id)).intValue()).isZero();
        }
        // What people made stays as typed (decisions, helper purge): a canvas, an idea, a contribution.
        assertThat(rows(hackathon).toString()).contains("Inès, 17 ans, sans permis", "Un covoiturage solidaire vers les stages");
        assertThat(rows(dessine).get("project_contribution").toString()).contains("Les horaires du week-end font peur");
        // What they wrote about the session goes: comments, feelings, observers' free text.
        assertThat(rows(cards).toString()).doesNotContain("senti écouté", "bien reformulé", "Écoute active").contains("mission-locale");
        for (Map.Entry<String, String> e : sessions.entrySet()) {
            Map<String, List<String>> rows = rows(e.getKey());
            assertThat(rows.get("session").get(0)).contains("\"purge_reason\":\"retention\"");
            Numbers after = numbers(reader, codes.get(e.getKey()), e.getValue(), e.getKey());
            assertThat(after).as("key numbers of %s", codes.get(e.getKey())).isEqualTo(before.get(e.getKey()));
            assertThat(after.participants()).isPositive();
            assertThat(after.ratings()).isEqualTo(1);
            assertThat(reader.synthesisForCoordinator(codes.get(e.getKey())).await().participants()).hasSize(after.participants())
                    .extracting(Synthesis.Person::nickname).containsOnly(Retention.ERASED_NAME);
        }
    }

    @Test
    void theScrubNamesNobodyInAJuryLabelAndDropsFeelingsAndFreeGridText() {
        org.jooq.JSONB in = org.jooq.JSONB.valueOf("{\"jury\":[\"Présidente du jury (Zéphyrine)\",\"Juré sans siège\"],"
                + "\"feelings\":[{\"role\":\"beneficiary\",\"text\":\"Moi Barnabé, écouté\"}],"
                + "\"fields\":[{\"id\":\"worked\",\"kind\":\"text\",\"tally\":null,\"texts\":[\"bravo Barnabé\"]},"
                + "{\"id\":\"doors\",\"kind\":\"choice\",\"tally\":[{\"key\":\"cio\",\"count\":2}]}],\"teams\":[\"Les amis de Barnabé\"]}");
        String out = Retention.scrub(in, java.util.Set.of("Zéphyrine", "Barnabé")).data();
        assertThat(out).doesNotContain("Zéphyrine", "écouté", "bravo")
                .contains("Présidente du jury (" + Retention.ERASED_NAME + ")", "Juré sans siège", "\"cio\"", "Les amis de Barnabé");
    }
}
