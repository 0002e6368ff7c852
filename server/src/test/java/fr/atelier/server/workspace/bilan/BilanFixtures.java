package fr.atelier.server.workspace.bilan;

import fr.atelier.server.db.Database;
import fr.atelier.workshops.cards.CardsLibrary;
import fr.atelier.workshops.core.Text;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway PostgreSQL database (migrated by Flyway) holding a small archive whose sessions sit on
 * Paris time edges: 23:30 on 31 December, 00:30 on 1 January, 00:30 on 1 July (summer time).
 */
final class BilanFixtures implements AutoCloseable {
    static final String BASE = System.getenv().getOrDefault("ATELIER_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test");
    static final Instant NOW = Instant.parse("2026-02-03T09:15:00Z");
    static final Map<String, String> TITLES = Map.of("quiz", "Challenge numérique", "cards", "Jeu de cartes SPRO",
            "prioritisation", "Dessine-moi le travail");

    final Vertx vertx;
    final String name;
    final String url;
    final Database db;
    final BilanQueries queries;

    BilanFixtures() {
        vertx = Vertx.vertx();
        name = "atelier_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        url = BASE.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
        admin("create database " + name);
        db = Database.connect(vertx, url, 2);
        queries = new BilanQueries(db, f -> TITLES.getOrDefault(f, f), BilanApi::publicLabel,
                new CardSuggestions(BilanApi.deckById(new CardsLibrary())), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The same rows in a running server's database (already migrated), for the browser test. */
    BilanFixtures(String serverDatabaseUrl) {
        vertx = null;
        name = null;
        url = serverDatabaseUrl;
        db = null;
        queries = null;
    }

    private static void admin(String sql) {
        Database.JdbcTarget t = Database.JdbcTarget.parse(BASE);
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password()); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void sql(String statement, Object... params) {
        Database.JdbcTarget t = Database.JdbcTarget.parse(url);
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password()); var st = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime utc(String instant) {
        return OffsetDateTime.parse(instant);
    }

    void session(String id, String territory, String format, String createdUtc, int devices, Integer people, String distribution,
                 String closedBy) {
        sql("insert into session (id, code, format, title, created_at, started_at, ended_at, participant_count, satisfaction_count,"
                        + " satisfaction_average, satisfaction_distribution, host_token_hash, archived_at, territory_id, people_count, closed_by, place)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'h', ?, ?, ?, ?, 'Dreux')",
                id, id.toUpperCase(), format, "Séance " + id, utc(createdUtc), utc(createdUtc), utc(createdUtc).plusMinutes(90), devices,
                count(distribution), average(distribution), distribution, utc(createdUtc).plusHours(2), territory, people, closedBy);
    }

    private static int count(String distribution) {
        int n = 0;
        if (distribution != null) {
            for (String p : distribution.split(",")) {
                n += Integer.parseInt(p);
            }
        }
        return n;
    }

    private static java.math.BigDecimal average(String distribution) {
        if (count(distribution) == 0) {
            return null;
        }
        String[] p = distribution.split(",");
        int sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += (i + 1) * Integer.parseInt(p[i]);
        }
        return java.math.BigDecimal.valueOf(sum).divide(java.math.BigDecimal.valueOf(count(distribution)), 1, java.math.RoundingMode.HALF_UP);
    }

    /**
     * Dreux: s1 quiz 2025-12-31 23:30 Paris (in 2025, December); s2 cards 2026-01-01 00:30 Paris (2026);
     * s3 cards 2025-07-01 00:30 Paris (July, not June); s5 quiz 2025-01-01 00:30 Paris (January 2025, closed by the
     * system). Tours: s4 Dessine-moi in March 2025. Case card 1 of the regional deck played in s3: Mission locale
     * and the CEJ cited, the others never.
     */
    BilanFixtures standard() {
        OffsetDateTime t0 = utc("2024-01-01T00:00:00Z");
        sql("insert into territory (id, name, created_at) values ('t_dreux', 'Dreux', ?), ('t_tours', 'Tours', ?)", t0, t0);
        sql("insert into territory_structure (id, territory_id, name, kind, created_at) values "
                + "('st_cio', 't_dreux', 'CIO de Dreux', 'CIO', ?), ('st_ml', 't_dreux', 'Mission locale de Dreux', 'Mission locale', ?),"
                + "('st_ft', 't_dreux', 'France Travail Dreux', 'France Travail', ?)", t0, t0, t0);
        session("s1", "t_dreux", "quiz", "2025-12-31T22:30:00Z", 20, 24, "0,0,1,4,5", "facilitator");
        session("s2", "t_dreux", "cards", "2025-12-31T23:30:00Z", 8, null, "0,0,0,0,2", "facilitator");
        session("s3", "t_dreux", "cards", "2025-06-30T22:30:00Z", 6, 6, "0,1,1,2,0", "facilitator");
        session("s4", "t_tours", "prioritisation", "2025-03-10T09:00:00Z", 12, 15, "1,0,0,0,3", "facilitator");
        session("s5", "t_dreux", "quiz", "2024-12-31T23:30:00Z", 10, null, null, "system");
        sql("insert into session_public (session_id, public_code) values ('s1', 'lyceens'), ('s1', 'collegiens'), ('s3', 'lyceens'),"
                + " ('s4', 'demandeurs_emploi')");
        sql("insert into session_structure (session_id, structure_id) values ('s1', 'st_cio'), ('s1', 'st_ml'), ('s3', 'st_cio'),"
                + " ('s3', 'st_ml'), ('s3', 'st_ft'), ('s5', 'st_ft')");
        sql("insert into cards_round (session_id, round_number, deck_id, deck_title, case_number, case_title) values"
                + " ('s3', 1, 'spro', 'Jeu SPRO', 1, 'Sortie de CAP sans diplôme')");
        sql("insert into cards_citation (session_id, round_number, field_id, item_key, kind, label, mentions) values"
                + " ('s3', 1, 'doors', 'mission-locale', 'structures', 'Mission locale', 3),"
                + " ('s3', 1, 'doors', 'cidff', 'structures', 'CIDFF', 1),"
                + " ('s3', 1, 'schemes', ?, 'list', 'Contrat d’engagement jeune', 2)",
                Text.foldForComparison("Contrat d'engagement jeune (CEJ)"));
        // Impact questions: Dreux's « structures » asked before and after, the region's « projet » asked after only.
        sql("insert into impact_question (id, territory_id, text, moments, created_at) values"
                + " ('q_str', 't_dreux', 'Connaissez-vous mieux les structures présentes ?', 'both', ?),"
                + " ('q_proj', null, 'Savez-vous à qui vous adresser pour votre projet ?', 'after', ?)", t0, t0.plusDays(1));
        impact("s1", "q_str", "before", 2, 3, 2);       // quiz, December 2025: 2.3 before
        impact("s1", "q_str", "after", 4, 4, 5, 3);     // 4.0 after (a fourth person joined), change +1.7
        impact("s3", "q_str", "before", 1, 3);          // cards, July 2025: before only, no change
        impact("s3", "q_proj", "after", 5, 4);          // cards: 4.5 after
        impact("s2", "q_str", "after", 1);              // cards, 2026: not in 2025
        impact("s4", "q_proj", "after", 3);             // Tours: not in Dreux's report
        sql("insert into project (id, key_hash, name, sector, territory, target_public, created_at, updated_at, territory_id) values"
                + " ('p1', 'k', 'Métiers du soin', 'Santé', 'Dreux', 'Lycéens', ?, ?, 't_dreux')", t0, t0);
        sql("insert into project_action (project_id, id, title, lead_partner, deadline, status, removed, created_at, updated_at) values"
                + " ('p1', 'a1', 'Visites d’EHPAD', 'Mission locale', date '2025-10-01', 'done', false, ?, ?),"
                + " ('p1', 'a2', 'Forum des métiers', null, null, 'planned', false, ?, ?),"
                + " ('p1', 'a3', 'Action retirée', null, null, 'planned', true, ?, ?)",
                utc("2025-03-01T10:00:00Z"), utc("2025-09-01T10:00:00Z"), utc("2025-05-01T10:00:00Z"), utc("2025-05-01T10:00:00Z"),
                utc("2025-05-01T10:00:00Z"), utc("2025-05-01T10:00:00Z"));
        return this;
    }

    /** The answers of participants p1, p2... of a session to a question at a moment. */
    void impact(String session, String question, String moment, int... scores) {
        for (int i = 0; i < scores.length; i++) {
            sql("insert into impact_answer (session_id, participant_id, question_id, moment, score) values (?, ?, ?, ?, ?)",
                    session, "p" + (i + 1), question, moment, scores[i]);
        }
    }

    @Override
    public void close() {
        if (db == null) {
            return;
        }
        db.close();
        vertx.close();
        admin("drop database if exists " + name + " with (force)");
    }
}
