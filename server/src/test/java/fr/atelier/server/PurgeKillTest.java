package fr.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, bad input: a real {@code kill -9} of a node in the middle of its daily purge, on the
 * external PostgreSQL. 200 archived sessions ended two years ago (inserted as archive rows: the purge
 * reads nothing else), a node whose {@code ATELIER_PURGE_AT} is a few seconds away (the production
 * schedule, no test hook), killed once ten sessions show purged; every session is then
 * whole or purged, never half; a new node purges the rest and logs the counts.
 */
class PurgeKillTest {
    static final int SESSIONS = 200;
    static final int PEOPLE = 5;
    static final int EVENTS = 600;
    static final Duration READY = Duration.ofSeconds(120);
    static final Pattern DONE = Pattern.compile("sessions=\"(\\d+)\".*retention purge done: (\\d+) session\\(s\\) purged");

    /** The Paris time a few seconds from now, as ATELIER_PURGE_AT reads it (HH:MM:SS). */
    static String soon(int seconds) {
        return ZonedDateTime.now(ZoneId.of("Europe/Paris")).plusSeconds(seconds).toLocalTime().withNano(0)
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    static Connection connect(String url) throws Exception {
        Database.JdbcTarget t = Database.JdbcTarget.parse(url);
        return DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password());
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sessions neither whole (not purged, every row there) nor purged (stamped, no per-participant row). */
    static long half(Connection c) throws Exception {
        String rows = "(select count(*) from participant p where p.session_id = s.id) as participants, "
                + "(select count(*) from satisfaction_answer a where a.session_id = s.id) as ratings, "
                + "(select count(*) from session_event e where e.session_id = s.id) as events, "
                + "(select count(*) from quiz_participant q where q.session_id = s.id) as quiz_people, "
                + "s.results::text like '%Personne-%' as named";
        return count(c, "select count(*) from (select s.purged_at, " + rows + " from session s where s.title like 'Purge %') x "
                + "where not ((purged_at is null and participants = " + PEOPLE + " and ratings = " + PEOPLE + " and events = " + EVENTS
                + " and quiz_people = " + PEOPLE + " and named)"
                + " or (purged_at is not null and participants = 0 and ratings = 0 and events = 0 and quiz_people = 0 and not named))");
    }

    @Test
    void aNodeKilledInTheMiddleOfItsPurgeLeavesNoSessionHalfPurgedAndTheNextNodeFinishes() throws Exception {
        Map<String, String> env = TestConfig.env(TestConfig.external());
        String url = env.get("ATELIER_DATABASE_URL");
        // A first node creates the schema; the archive is then written as the archiver leaves it.
        try (ServerProcess first = ServerProcess.start(env)) {
            first.awaitReady(READY);
            first.stop(Duration.ofSeconds(60));
        }
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("insert into session (id, code, format, title, created_at, started_at, ended_at, participant_count,"
                    + " satisfaction_count, satisfaction_average, host_token_hash, results, archived_at, satisfaction_distribution)"
                    + " select 's_' || g, 'K' || g, 'quiz', 'Purge ' || g, now() - interval '2 years', now() - interval '2 years',"
                    + " now() - interval '2 years' + g * interval '1 minute', " + PEOPLE + ", " + PEOPLE + ", 4.0, 'x',"
                    + " jsonb_build_object('people', jsonb_build_array('Personne-' || g || '-a', 'Personne-' || g || '-b')),"
                    + " now() - interval '2 years' + g * interval '1 minute', '0,0,0,5,0' from generate_series(1, " + SESSIONS + ") g");
            s.execute("insert into participant (session_id, id, nickname, joined_at, active) select 's_' || g, 'p' || p,"
                    + " 'Personne-' || g || '-' || chr(96 + p), now() - interval '2 years', true"
                    + " from generate_series(1, " + SESSIONS + ") g, generate_series(1, " + PEOPLE + ") p");
            s.execute("insert into satisfaction_answer (session_id, participant_id, score, comment) select 's_' || g, 'p' || p, 4,"
                    + " 'Merci de la part de Personne-' || g from generate_series(1, " + SESSIONS + ") g, generate_series(1, " + PEOPLE + ") p");
            s.execute("insert into session_event (session_id, seq, type, payload) select 's_' || g, e, 'participant.joined',"
                    + " jsonb_build_object('nickname', 'Personne-' || g, 'filler', repeat('x', 200))"
                    + " from generate_series(1, " + SESSIONS + ") g, generate_series(1, " + EVENTS + ") e");
            s.execute("insert into quiz_participant (session_id, participant_id, team_id, changes, final_answers, right_answers, points)"
                    + " select 's_' || g, 'p' || p, 't1', 0, 1, 1, 10 from generate_series(1, " + SESSIONS + ") g, generate_series(1, " + PEOPLE + ") p");
            assertThat(half(c)).isZero();
        }

        long purgedAtKill;
        try (Connection c = connect(url)) {
            Map<String, String> killed = new java.util.HashMap<>(env);
            killed.put("ATELIER_PURGE_AT", soon(30));
            try (ServerProcess node = ServerProcess.start(killed)) {
                node.awaitReady(READY);
                long deadline = System.currentTimeMillis() + 90_000;
                // A few sessions in: the run is well under way, one transaction most likely open.
                while (count(c, "select count(*) from session where purged_at is not null") < 10) {
                    assertThat(System.currentTimeMillis()).as("the purge started:\n%s", node.output()).isLessThan(deadline);
                    Thread.sleep(5);
                }
                node.kill9();
                assertThat(node.output()).doesNotContain("retention purge done");
            }
            purgedAtKill = count(c, "select count(*) from session where purged_at is not null");
            assertThat(purgedAtKill).as("killed in the middle").isBetween(1L, SESSIONS - 1L);
            assertThat(half(c)).as("sessions half purged").isZero();
            // The advisory lock went with the killed node's connection.
            assertThat(count(c, "select count(*) from pg_locks where locktype = 'advisory' and database = "
                    + "(select oid from pg_database where datname = current_database())")).isZero();
        }

        Map<String, String> again = new java.util.HashMap<>(env);
        again.put("ATELIER_PURGE_AT", soon(30));
        try (ServerProcess node = ServerProcess.start(again); Connection c = connect(url)) {
            node.awaitReady(READY);
            long deadline = System.currentTimeMillis() + 120_000;
            Matcher m;
            while (!(m = DONE.matcher(node.output())).find()) {
                assertThat(System.currentTimeMillis()).as("the second purge ran:\n%s", node.output()).isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(Long.parseLong(m.group(2))).as(m.group()).isEqualTo(SESSIONS - purgedAtKill);
            assertThat(count(c, "select count(*) from session where purged_at is null")).isZero();
            assertThat(half(c)).isZero();
            assertThat(node.output()).doesNotContain("Personne-");
            System.out.println("purge killed after " + purgedAtKill + " of " + SESSIONS + " sessions; the next node: " + m.group());
        }
    }
}
