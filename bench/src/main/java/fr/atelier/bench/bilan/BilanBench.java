package fr.atelier.bench.bilan;

import fr.atelier.server.db.Database;
import fr.atelier.server.workspace.bilan.Bilan;
import fr.atelier.server.workspace.bilan.BilanApi;
import fr.atelier.server.workspace.bilan.BilanQueries;
import fr.atelier.server.workspace.bilan.BilanQueries.Scope;
import fr.atelier.server.workspace.bilan.BilanXlsx;
import fr.atelier.server.workspace.bilan.CardSuggestions;
import fr.atelier.workshops.cards.CardsLibrary;
import fr.atelier.workshops.core.Text;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 18, item 6: seeds a region of 20 territories and 50,000 archived sessions (three years) in its
 * own PostgreSQL database, then times the dashboard's queries and the XLSX in-process, and writes the
 * plans ({@code explain analyze}) of every statement. Run by {@code bench/run.sh bilan}, with the server
 * jar on the class path (the bench module compiles against the server in provided scope).
 */
public final class BilanBench {
    static final String BASE = "postgresql://postgres@127.0.0.1:5432/";
    static final String DB = "atelier_bench_bilan";
    static final int SESSIONS = 50_000;
    static final int RUNS = 5;

    private BilanBench() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/target/results");
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder();
        report.append("load before: ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append('\n');
        Database.JdbcTarget admin = Database.JdbcTarget.parse(BASE + "postgres");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password()); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + DB + " with (force)");
            st.execute("create database " + DB);
        }
        Vertx vertx = Vertx.vertx();
        Database db = Database.connect(vertx, BASE + DB, 2);
        long t0 = System.nanoTime();
        seed();
        report.append(String.format("seeded %,d sessions in %.1f s%n", SESSIONS, (System.nanoTime() - t0) / 1e9));
        BilanQueries queries = new BilanQueries(db, f -> f, BilanApi::publicLabel,
                new CardSuggestions(BilanApi.deckById(new CardsLibrary())), Clock.systemUTC());
        Scope region = new Scope("Région", null, null);
        Scope one = new Scope("Territoire 07", "t_07", List.of("t_07"));
        LocalDate jan = LocalDate.of(2025, 1, 1);
        LocalDate dec = LocalDate.of(2025, 12, 31);
        LocalDate first = LocalDate.of(2023, 1, 1);
        for (int i = 0; i < 2; i++) {
            queries.bilan(region, jan, dec).await();
        }
        report.append(time("dashboard, region, 2025", RUNS, () -> queries.bilan(region, jan, dec).await().totals().sessions()));
        report.append(time("dashboard, one territory, 2025", RUNS, () -> queries.bilan(one, jan, dec).await().totals().sessions()));
        report.append(time("dashboard, region, 2023-2025 (all 50,000)", RUNS, () -> queries.bilan(region, first, dec).await().totals().sessions()));
        report.append(time("XLSX, region, 2025", 3, () -> xlsx(queries, region, jan, dec)));
        report.append(time("XLSX, region, 2023-2025 (all 50,000)", 3, () -> xlsx(queries, region, first, dec)));
        report.append("load after: ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append('\n');
        StringBuilder plans = new StringBuilder();
        explain(plans, "region, 2025", BilanQueries.statements(region, jan, dec));
        explain(plans, "one territory, 2025", BilanQueries.statements(one, jan, dec));
        Files.writeString(out.resolve("bilan.txt"), report);
        Files.writeString(out.resolve("bilan-plans.txt"), plans);
        System.out.print(report);
        System.out.println("plans in " + out.resolve("bilan-plans.txt"));
        db.close();
        vertx.close();
    }

    interface Work {
        long run() throws Exception;
    }

    static long xlsx(BilanQueries q, Scope s, LocalDate from, LocalDate to) {
        Bilan b = q.bilan(s, from, to).await();
        return BilanXlsx.write(b, q.sessions(s, from, to).await()).length;
    }

    static String time(String what, int runs, Work work) throws Exception {
        long[] ms = new long[runs];
        long result = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = work.run();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        return String.format("%-45s median %5d ms, max %5d ms over %d runs (result %,d)%n", what, ms[runs / 2], ms[runs - 1], runs, result);
    }

    static void explain(StringBuilder plans, String scope, Map<String, String> statements) throws Exception {
        Database.JdbcTarget t = Database.JdbcTarget.parse(BASE + DB);
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password()); Statement st = c.createStatement()) {
            for (Map.Entry<String, String> e : statements.entrySet()) {
                plans.append("### ").append(e.getKey()).append(" — ").append(scope).append("\n\n").append(e.getValue()).append("\n\n");
                try (ResultSet rs = st.executeQuery("explain (analyze, buffers, costs off) " + e.getValue())) {
                    while (rs.next()) {
                        plans.append("    ").append(rs.getString(1)).append('\n');
                    }
                }
                plans.append('\n');
            }
        }
    }

    /** The region, deterministic (no random): 20 territories of 10 structures, 50,000 sessions over 2023-2025. */
    static void seed() throws Exception {
        String[] kinds = {"CIO", "Mission locale", "France Travail", "Cap emploi", "CMA", "CCI", "Info Jeunes", "CIDFF", "BGE", "APEC"};
        String[] doors = {"cio", "mission-locale", "france-travail", "cap-emploi", "apec", "cma", "cci", "info-jeunes", "bge", "cidff"};
        List<String> schemes = new ArrayList<>();
        for (String s : List.of("Contrat d'engagement jeune (CEJ)", "Conseil en évolution professionnelle (CEP)",
                "Compte personnel de formation (CPF)", "Bilan de compétences", "Période de mise en situation en milieu professionnel (PMSMP)")) {
            schemes.add("'" + Text.foldForComparison(s).replace("'", "''") + "'");
        }
        String kindArray = "array['" + String.join("','", kinds) + "']";
        String doorArray = "array['" + String.join("','", doors) + "']";
        String schemeArray = "array[" + String.join(",", schemes) + "]";
        Database.JdbcTarget t = Database.JdbcTarget.parse(BASE + DB);
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password()); Statement st = c.createStatement()) {
            st.execute("insert into territory (id, name, created_at) select 't_' || lpad(i::text, 2, '0'), 'Territoire ' || lpad(i::text, 2, '0'),"
                    + " now() from generate_series(1, 20) i");
            st.execute("insert into territory_structure (id, territory_id, name, kind, created_at) select 'st_' || lpad(t::text, 2, '0') || '_' || k,"
                    + " 't_' || lpad(t::text, 2, '0'), (" + kindArray + ")[k] || ' ' || lpad(t::text, 2, '0'), (" + kindArray + ")[k], now()"
                    + " from generate_series(1, 20) t, generate_series(1, 10) k");
            st.execute("insert into session (id, code, format, title, created_at, started_at, ended_at, participant_count, satisfaction_count,"
                    + " satisfaction_average, satisfaction_distribution, host_token_hash, archived_at, territory_id, people_count, closed_by, place)"
                    + " select 'b' || i, 'C' || i, (array['quiz','cards','prioritisation','hackathon','poll'])[1 + i % 5], 'Séance ' || i,"
                    + " c, c, c + interval '90 minutes', d, r1 + r2 + r3 + r4 + r5,"
                    + " round((r1 + 2 * r2 + 3 * r3 + 4 * r4 + 5 * r5)::numeric / nullif(r1 + r2 + r3 + r4 + r5, 0), 1),"
                    + " r1 || ',' || r2 || ',' || r3 || ',' || r4 || ',' || r5, 'h', c + interval '2 hours',"
                    + " 't_' || lpad((1 + i % 20)::text, 2, '0'), d + i % 4, case when i % 17 = 0 then 'system' else 'facilitator' end, 'Commune'"
                    + " from (select i, timestamptz '2023-01-01 08:00+01' + (i::float8 / " + SESSIONS + ") * interval '1094 days' as c,"
                    + " 5 + i % 30 as d, i % 2 as r1, (i * 5) % 3 as r2, (i * 7) % 4 as r3, (i * 11) % 6 as r4, (i * 13) % 8 as r5"
                    + " from generate_series(1, " + SESSIONS + ") i) x");
            st.execute("insert into session_public (session_id, public_code) select distinct 'b' || i,"
                    + " (array['collegiens','lyceens','etudiants','apprentis','demandeurs_emploi','salaries','professionnels','parents','tout_public'])"
                    + "[1 + (i * k * 7) % 9] from generate_series(1, " + SESSIONS + ") i, generate_series(1, 2) k where k = 1 or i % 3 = 0");
            st.execute("insert into session_structure (session_id, structure_id) select distinct 'b' || i,"
                    + " 'st_' || lpad((1 + i % 20)::text, 2, '0') || '_' || (1 + (i * 7 + k * 3) % 10)"
                    + " from generate_series(1, " + SESSIONS + ") i, generate_series(1, 4) k where k <= 2 + i % 3");
            st.execute("insert into cards_round (session_id, round_number, deck_id, deck_title, case_number, case_title)"
                    + " select 'b' || i, r, 'spro', 'Jeu SPRO', 1 + (i * r) % 36, 'Cas ' || (1 + (i * r) % 36)"
                    + " from generate_series(1, " + SESSIONS + ") i, generate_series(1, 3) r where i % 5 = 1");
            st.execute("insert into cards_citation (session_id, round_number, field_id, item_key, kind, label, mentions)"
                    + " select distinct on (r.session_id, r.round_number, k) r.session_id, r.round_number, 'doors',"
                    + " (" + doorArray + ")[1 + (r.case_number * k + r.round_number) % 10], 'structures', 'porte', 1 + k"
                    + " from cards_round r, generate_series(1, 2) k"
                    + " on conflict do nothing");
            st.execute("insert into cards_citation (session_id, round_number, field_id, item_key, kind, label, mentions)"
                    + " select r.session_id, r.round_number, 'schemes', (" + schemeArray + ")[1 + r.case_number % 5], 'list', 'dispositif', 1"
                    + " from cards_round r");
            st.execute("insert into project (id, key_hash, name, sector, territory, target_public, created_at, updated_at, territory_id)"
                    + " select 'p' || t || '_' || k, 'k', 'Projet ' || t || '-' || k, 'Secteur', 'T', 'Public', timestamptz '2024-01-01', timestamptz '2024-01-01',"
                    + " 't_' || lpad(t::text, 2, '0') from generate_series(1, 20) t, generate_series(1, 2) k");
            st.execute("insert into project_action (project_id, id, title, lead_partner, deadline, status, removed, created_at, updated_at)"
                    + " select p.id, 'a' || n, 'Action ' || n, 'Partenaire', date '2025-06-01' + n * 10,"
                    + " (array['planned','in_progress','done','dropped'])[1 + n % 4], n % 9 = 0, timestamptz '2024-03-01', timestamptz '2025-03-01'"
                    + " from project p, generate_series(1, 10) n");
            st.execute("vacuum analyze");
        }
    }
}
