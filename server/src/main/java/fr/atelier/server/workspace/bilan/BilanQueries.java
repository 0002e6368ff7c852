package fr.atelier.server.workspace.bilan;

import fr.atelier.server.db.Database;
import fr.atelier.server.workspace.bilan.Bilan.Action;
import fr.atelier.server.workspace.bilan.Bilan.Count;
import fr.atelier.server.workspace.bilan.Bilan.FormatTotal;
import fr.atelier.server.workspace.bilan.Bilan.Impact;
import fr.atelier.server.workspace.bilan.Bilan.Meeting;
import fr.atelier.server.workspace.bilan.Bilan.Month;
import fr.atelier.server.workspace.bilan.Bilan.Structure;
import fr.atelier.server.workspace.bilan.Bilan.TerritoryTotal;
import fr.atelier.server.workspace.bilan.Bilan.Totals;
import fr.atelier.server.workspace.bilan.Bilan.Trend;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The dashboards' and the annual report's queries (issue 18): a handful of grouped SQL statements over
 * the archive, run by jOOQ on the database's worker pool, never on the event loop. Plain SQL through
 * jOOQ (decision 170): the same text is explained in the benchmark and in docs/performance.md.
 */
public final class BilanQueries {
    static final ZoneId PARIS = ZoneId.of(Bilan.ZONE);
    static final int ACTIONS_MAX = 500;

    /** The scope of a report: a name, and its territories (null: the whole region). */
    public record Scope(String name, String territoryId, Collection<String> territoryIds) {}

    /** One archived session, for the exports' "Séances" sheet and the CSV. */
    public record SessionLine(OffsetDateTime createdAt, String code, String title, String format, String formatTitle, String territory,
                              String place, int devices, Integer people, int ratings, BigDecimal satisfaction, String closedBy,
                              Integer minutes, String publics, String structures) {}

    private final Database db;
    private final Function<String, String> formatTitle;
    private final Function<String, String> publicLabel;
    private final CardSuggestions cards;
    private final Clock clock;

    public BilanQueries(Database db, Function<String, String> formatTitle, Function<String, String> publicLabel,
                        CardSuggestions cards, Clock clock) {
        this.db = db;
        this.formatTitle = formatTitle;
        this.publicLabel = publicLabel;
        this.cards = cards;
        this.clock = clock;
    }

    /** The first instant of a Paris day, bound as a timestamptz. */
    static Param<OffsetDateTime> start(LocalDate day) {
        return DSL.val(day.atStartOfDay(PARIS).toOffsetDateTime(), SQLDataType.TIMESTAMPWITHTIMEZONE);
    }

    /** The sessions of the scope and period: created from {@code from} 00:00 to {@code to} 24:00, Paris time. */
    static Where where(Scope scope, LocalDate from, LocalDate to) {
        List<Object> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("s.created_at >= cast(? as timestamptz) and s.created_at < cast(? as timestamptz)");
        binds.add(start(from));
        binds.add(start(to.plusDays(1)));
        if (scope.territoryIds() != null) {
            sql.append(scope.territoryIds().isEmpty() ? " and false" : " and s.territory_id in (" + marks(scope.territoryIds().size()) + ")");
            binds.addAll(scope.territoryIds());
        }
        return new Where(sql.toString(), binds);
    }

    record Where(String sql, List<Object> binds) {
        Object[] with(Object... more) {
            List<Object> all = new ArrayList<>(binds);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static final String MONTH = "to_char(s.created_at at time zone 'Europe/Paris', 'YYYY-MM')";
    static final String PEOPLE = "coalesce(s.people_count, s.participant_count)";

    /** Sessions, devices, people and the ratings by score, by month and format. */
    static String monthsSql(Where w) {
        StringBuilder score = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            score.append(", coalesce(sum(cast(nullif(split_part(s.satisfaction_distribution, ',', ").append(i)
                    .append("), '') as integer)), 0) as n").append(i);
        }
        return "select " + MONTH + " as month, s.format, count(*) as sessions, coalesce(sum(s.participant_count), 0) as devices, "
                + "coalesce(sum(" + PEOPLE + "), 0) as people, count(*) filter (where s.closed_by = 'system') as by_system" + score
                + " from session s where " + w.sql() + " group by 1, 2 order by 1, 2";
    }

    static String territoriesSql(Where w) {
        return "select s.territory_id, min(t.name) as name, count(*) as sessions, coalesce(sum(" + PEOPLE + "), 0) as people, "
                + "coalesce(sum(s.satisfaction_count), 0) as ratings, "
                + "sum(s.satisfaction_average * s.satisfaction_count) as rated"
                + " from session s left join territory t on t.id = s.territory_id where " + w.sql()
                + " group by s.territory_id order by 3 desc";
    }

    static String publicsSql(Where w) {
        return "select p.public_code, count(*) as sessions, coalesce(sum(" + PEOPLE + "), 0) as people"
                + " from session s join session_public p on p.session_id = s.id where " + w.sql() + " group by 1 order by 2 desc, 1";
    }

    static String structurePairsSql(Where w) {
        return "select ss.session_id, ss.structure_id from session s join session_structure ss on ss.session_id = s.id where " + w.sql();
    }

    static final String STRUCTURES_SQL = "select st.id, st.name, st.kind, t.name from territory_structure st"
            + " left join territory t on t.id = st.territory_id";

    static String cardRoundsSql(Where w) {
        return "select r.deck_id, r.case_number, min(r.case_title) as title, count(*) as rounds"
                + " from session s join cards_round r on r.session_id = s.id"
                + " where " + w.sql() + " and r.case_number is not null group by 1, 2 order by 1, 2";
    }

    static String citationsSql(Where w) {
        return "select r.deck_id, r.case_number, c.kind, c.field_id, c.item_key, min(c.label) as label, count(*) as rounds"
                + " from session s join cards_round r on r.session_id = s.id"
                + " join cards_citation c on c.session_id = r.session_id and c.round_number = r.round_number"
                + " where " + w.sql() + " and r.case_number is not null and (c.kind = 'structures' or c.field_id = 'schemes')"
                + " group by 1, 2, 3, 4, 5";
    }

    /**
     * The impact questions' answers by question and format: answers, averages before and after, after answers by
     * score. A question without its row (none expected) keeps its id as text.
     */
    static String impactSql(Where w) {
        StringBuilder score = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            score.append(", count(*) filter (where a.moment = 'after' and a.score = ").append(i).append(") as a").append(i);
        }
        return "select a.question_id, coalesce(min(q.text), a.question_id) as text, s.format, count(distinct s.id) as sessions,"
                + " count(*) filter (where a.moment = 'before') as nb, avg(a.score) filter (where a.moment = 'before') as avg_before,"
                + " count(*) filter (where a.moment = 'after') as na, avg(a.score) filter (where a.moment = 'after') as avg_after" + score
                + " from session s join impact_answer a on a.session_id = s.id left join impact_question q on q.id = a.question_id"
                + " where " + w.sql() + " group by a.question_id, s.format order by min(q.created_at) nulls last, 1, 3";
    }

    /** The scope's Dessine-moi actions alive at the end of the period (created before it ends). */
    static String actionsSql(Scope scope) {
        String territories = scope.territoryIds() == null ? ""
                : scope.territoryIds().isEmpty() ? " and false" : " and p.territory_id in (" + marks(scope.territoryIds().size()) + ")";
        return "select p.name, a.title, a.lead_partner, a.deadline, a.status, a.updated_at from project_action a"
                + " join project p on p.id = a.project_id where not a.removed and a.created_at < cast(? as timestamptz)" + territories
                + " order by p.name, a.deadline nulls last, a.title";
    }

    /** Every session of the period with its publics and structures, aggregated once each (hash joins, not a subquery per row). */
    static String sessionsSql(Where w) {
        return "with pub as (select p.session_id, string_agg(p.public_code, ',' order by p.public_code) as codes"
                + " from session s join session_public p on p.session_id = s.id where " + w.sql() + " group by p.session_id),"
                + " str as (select ss.session_id, string_agg(coalesce(st.name, ss.structure_id), ', ' order by st.name) as names"
                + " from session s join session_structure ss on ss.session_id = s.id left join territory_structure st on st.id = ss.structure_id"
                + " where " + w.sql() + " group by ss.session_id)"
                + " select s.created_at, s.code, s.title, s.format, t.name, s.place, s.participant_count, s.people_count,"
                + " s.satisfaction_count, s.satisfaction_average, s.closed_by,"
                + " cast(extract(epoch from (s.ended_at - coalesce(s.started_at, s.created_at))) / 60 as integer) as minutes,"
                + " pub.codes, str.names from session s left join territory t on t.id = s.territory_id"
                + " left join pub on pub.session_id = s.id left join str on str.session_id = s.id"
                + " where " + w.sql() + " order by s.created_at, s.code";
    }

    /** The binds of {@link #sessionsSql}: the period's (and territories') three times. */
    static Object[] sessionsBinds(Where w) {
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.addAll(w.binds());
        }
        return all.toArray();
    }

    /** Every statement of a report with its values inlined, by name: what the benchmark explains (docs/performance.md). */
    public static Map<String, String> statements(Scope scope, LocalDate from, LocalDate to) {
        Where w = where(scope, from, to);
        DSLContext render = DSL.using(org.jooq.SQLDialect.POSTGRES);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("months", render.renderInlined(DSL.resultQuery(monthsSql(w), w.with())));
        out.put("territories", render.renderInlined(DSL.resultQuery(territoriesSql(w), w.with())));
        out.put("publics", render.renderInlined(DSL.resultQuery(publicsSql(w), w.with())));
        out.put("structure pairs", render.renderInlined(DSL.resultQuery(structurePairsSql(w), w.with())));
        out.put("impact", render.renderInlined(DSL.resultQuery(impactSql(w), w.with())));
        out.put("cardRounds", render.renderInlined(DSL.resultQuery(cardRoundsSql(w), w.with())));
        out.put("citations", render.renderInlined(DSL.resultQuery(citationsSql(w), w.with())));
        List<Object> actionBinds = new ArrayList<>();
        actionBinds.add(start(to.plusDays(1)));
        if (scope.territoryIds() != null) {
            actionBinds.addAll(scope.territoryIds());
        }
        out.put("actions", render.renderInlined(DSL.resultQuery(actionsSql(scope), actionBinds.toArray())));
        out.put("sessions (XLSX)", render.renderInlined(DSL.resultQuery(sessionsSql(w), sessionsBinds(w))));
        return out;
    }

    public Future<Bilan> bilan(Scope scope, LocalDate from, LocalDate to) {
        return db.query(tx -> compute(tx, scope, from, to));
    }

    public Future<List<SessionLine>> sessions(Scope scope, LocalDate from, LocalDate to) {
        return db.query(tx -> sessions(tx, scope, from, to));
    }

    List<SessionLine> sessions(DSLContext tx, Scope scope, LocalDate from, LocalDate to) {
        Where w = where(scope, from, to);
        return tx.resultQuery(sessionsSql(w), sessionsBinds(w)).fetch().map(r -> new SessionLine(
                r.get(0, OffsetDateTime.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                formatTitle.apply(r.get(3, String.class)), r.get(4, String.class), r.get(5, String.class), r.get(6, Integer.class),
                r.get(7, Integer.class), r.get(8, Integer.class), r.get(9, BigDecimal.class), r.get(10, String.class),
                r.get(11, Integer.class), publicLabels(r.get(12, String.class)), r.get(13, String.class)));
    }

    private String publicLabels(String codes) {
        if (codes == null || codes.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String c : codes.split(",")) {
            out.add(publicLabel.apply(c));
        }
        return String.join(", ", out);
    }

    Bilan compute(DSLContext tx, Scope scope, LocalDate from, LocalDate to) {
        Where w = where(scope, from, to);
        List<Month> months = new ArrayList<>();
        Map<String, long[]> byFormat = new LinkedHashMap<>();   // sessions, devices, people, n1..n5
        Map<String, long[]> byMonth = new TreeMap<>();          // n1..n5
        long[] scores = new long[5];
        int sessions = 0;
        int bySystem = 0;
        long devices = 0;
        long people = 0;
        for (Record r : tx.resultQuery(monthsSql(w), w.with()).fetch()) {
            String month = r.get(0, String.class);
            String format = r.get(1, String.class);
            int n = r.get(2, Integer.class);
            long dev = r.get(3, Long.class);
            long ppl = r.get(4, Long.class);
            months.add(new Month(month, format, formatTitle.apply(format), n, dev, ppl));
            sessions += n;
            devices += dev;
            people += ppl;
            bySystem += r.get(5, Integer.class);
            long[] f = byFormat.computeIfAbsent(format, k -> new long[8]);
            f[0] += n;
            f[1] += dev;
            f[2] += ppl;
            long[] m = byMonth.computeIfAbsent(month, k -> new long[5]);
            for (int i = 0; i < 5; i++) {
                long c = r.get(6 + i, Long.class);
                scores[i] += c;
                f[3 + i] += c;
                m[i] += c;
            }
        }
        List<FormatTotal> formats = new ArrayList<>();
        byFormat.forEach((format, f) -> formats.add(new FormatTotal(format, formatTitle.apply(format), (int) f[0], f[1], f[2],
                ratings(f, 3), average(f, 3))));
        formats.sort((a, b) -> Integer.compare(b.sessions(), a.sessions()));
        List<Trend> trend = new ArrayList<>();
        byMonth.forEach((month, m) -> trend.add(new Trend(month, ratings(m, 0), average(m, 0))));
        List<Count> satisfaction = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            satisfaction.add(new Count(String.valueOf(i + 1), (i + 1) + " / 5", scores[i], 0));
        }
        Totals totals = new Totals(sessions, devices, people, ratings(scores, 0), average(scores, 0), bySystem);

        List<TerritoryTotal> territories = tx.resultQuery(territoriesSql(w), w.with()).fetch().map(r -> {
            long ratings = r.get(4, Long.class);
            BigDecimal rated = r.get(5, BigDecimal.class);
            return new TerritoryTotal(r.get(0, String.class), r.get(1, String.class) == null ? "Sans territoire" : r.get(1, String.class),
                    r.get(2, Integer.class), r.get(3, Long.class), ratings,
                    ratings == 0 || rated == null ? null : rated.divide(BigDecimal.valueOf(ratings), 1, RoundingMode.HALF_UP));
        });
        List<Count> publics = tx.resultQuery(publicsSql(w), w.with()).fetch().map(r -> new Count(r.get(0, String.class),
                publicLabel.apply(r.get(0, String.class)), r.get(1, Long.class), r.get(2, Long.class)));
        Map<String, Network.Known> known = new HashMap<>();
        for (Record r : tx.resultQuery(STRUCTURES_SQL).fetch()) {
            known.put(r.get(0, String.class), new Network.Known(r.get(1, String.class), r.get(2, String.class), r.get(3, String.class)));
        }
        Network.Result network = Network.of(tx.resultQuery(structurePairsSql(w), w.with()).fetch()
                .map(r -> new String[] {r.get(0, String.class), r.get(1, String.class)}), known);
        List<Structure> structures = network.structures();
        List<Meeting> meetings = network.meetings();

        CardSuggestions.Played played = cards.compare(
                tx.resultQuery(cardRoundsSql(w), w.with()).fetch().map(r -> new CardSuggestions.Round(r.get(0, String.class),
                        r.get(1, Integer.class), r.get(2, String.class), r.get(3, Long.class))),
                tx.resultQuery(citationsSql(w), w.with()).fetch().map(r -> new CardSuggestions.Cited(r.get(0, String.class),
                        r.get(1, Integer.class), r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                        r.get(5, String.class), r.get(6, Long.class))));

        List<Object> actionBinds = new ArrayList<>();
        actionBinds.add(start(to.plusDays(1)));
        if (scope.territoryIds() != null) {
            actionBinds.addAll(scope.territoryIds());
        }
        List<Action> actions = tx.resultQuery(actionsSql(scope), actionBinds.toArray()).fetch().map(r -> new Action(
                r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, LocalDate.class),
                r.get(4, String.class), ActionStatus.label(r.get(4, String.class)), r.get(5, OffsetDateTime.class).toInstant()));
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (String s : ActionStatus.ORDER) {
            statuses.put(s, 0L);
        }
        actions.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
        List<Count> actionStatuses = new ArrayList<>();
        statuses.forEach((s, n) -> actionStatuses.add(new Count(s, ActionStatus.label(s), n, 0)));
        boolean cut = actions.size() > ACTIONS_MAX;

        return new Bilan(scope.name(), scope.territoryId(), from, to, Bilan.ZONE, clock.instant(), totals, months, formats,
                territories, publics, structures, meetings, satisfaction, trend, played.items(), played.cases(), actionStatuses,
                cut ? actions.subList(0, ACTIONS_MAX) : actions, cut, impacts(tx, w));
    }

    private List<Impact> impacts(DSLContext tx, Where w) {
        return tx.resultQuery(impactSql(w), w.with()).fetch().map(r -> {
            BigDecimal before = r.get(5, BigDecimal.class);
            BigDecimal after = r.get(7, BigDecimal.class);
            List<Long> scores = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                scores.add(r.get(8 + i, Long.class));
            }
            return new Impact(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), formatTitle.apply(r.get(2, String.class)),
                    r.get(3, Long.class), r.get(4, Long.class), tenth(before), r.get(6, Long.class), tenth(after),
                    before == null || after == null ? null : tenth(after.subtract(before)), scores);
        });
    }

    private static BigDecimal tenth(BigDecimal v) {
        return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
    }

    private static long ratings(long[] counts, int offset) {
        long n = 0;
        for (int i = 0; i < 5; i++) {
            n += counts[offset + i];
        }
        return n;
    }

    private static BigDecimal average(long[] counts, int offset) {
        long n = 0;
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            n += counts[offset + i];
            sum += (i + 1) * counts[offset + i];
        }
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }
}
