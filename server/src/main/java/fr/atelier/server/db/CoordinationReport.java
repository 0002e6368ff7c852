package fr.atelier.server.db;

import static fr.atelier.server.db.generated.Tables.SESSION;
import static fr.atelier.server.db.generated.Tables.SETTING;

import fr.atelier.server.live.Tokens;
import fr.atelier.workshops.core.Formats;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The coordinators' activity report (sessions held, participants, satisfaction, by format) as one
 * query over the archive, behind a coordinators' key whose hash every node shares in PostgreSQL.
 */
public final class CoordinationReport {
    private static final String KEY_SETTING = "coordinator_key_hash";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Database db;
    private final Formats formats;

    public CoordinationReport(Database db, Formats formats) {
        this.db = db;
        this.formats = formats;
    }

    public record Row(String code, String title, String format, String formatTitle, Instant createdAt, Instant endedAt,
                      int participants, int ratings, BigDecimal satisfaction) {}

    public record Total(String format, String formatTitle, int sessions, int participants, int ratings, BigDecimal satisfaction) {}

    public record Report(LocalDate from, LocalDate to, Total overall, List<Total> byFormat, List<Row> sessions) {}

    /**
     * Makes sure a coordinators' key exists: the configured one, or a new one created once for the
     * whole deployment. Returns the key when this call created it (to print once), else null.
     */
    public String ensureKey(String configured) {
        return db.transaction(tx -> {
            String stored = tx.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(KEY_SETTING)).fetchOne(SETTING.VALUE);
            if (configured != null) {
                String hash = Tokens.hash(configured);
                if (!hash.equals(stored)) {
                    tx.insertInto(SETTING).set(SETTING.NAME, KEY_SETTING).set(SETTING.VALUE, hash)
                            .onConflict(SETTING.NAME).doUpdate().set(SETTING.VALUE, hash).execute();
                }
                return null;
            }
            if (stored != null) {
                return null;
            }
            String key = Tokens.secret();
            tx.insertInto(SETTING).set(SETTING.NAME, KEY_SETTING).set(SETTING.VALUE, Tokens.hash(key)).execute();
            return key;
        }).await();
    }

    public Future<Boolean> authorised(String key) {
        return db.query(tx -> tx.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(KEY_SETTING)).fetchOne(SETTING.VALUE))
                .map(hash -> Tokens.matches(key, hash));
    }

    public Future<Report> report(LocalDate from, LocalDate to) {
        return report(from, to, null);
    }

    /** The report of some territories' sessions only (issue 14); null means every session. */
    public Future<Report> report(LocalDate from, LocalDate to, java.util.Collection<String> territoryIds) {
        return db.query(tx -> {
            Condition when = territoryIds == null ? DSL.trueCondition() : SESSION.TERRITORY_ID.in(territoryIds);
            if (from != null) {
                when = when.and(SESSION.CREATED_AT.ge(from.atStartOfDay(PARIS).toOffsetDateTime()));
            }
            if (to != null) {
                when = when.and(SESSION.CREATED_AT.lt(to.plusDays(1).atStartOfDay(PARIS).toOffsetDateTime()));
            }
            var records = tx.selectFrom(SESSION).where(when).orderBy(SESSION.CREATED_AT.desc()).fetch();
            List<Row> rows = records.map(s -> new Row(
                    s.getCode(), s.getTitle(), s.getFormat(), title(s.getFormat()), s.getCreatedAt().toInstant(),
                    s.getEndedAt() == null ? null : s.getEndedAt().toInstant(), s.getParticipantCount(),
                    s.getSatisfactionCount(), s.getSatisfactionAverage()));
            // Satisfaction over every individual rating, from the counts by score each session row keeps
            // (issue 19: the answers themselves go with the retention purge, the totals stay).
            Map<String, long[]> ratings = new LinkedHashMap<>();
            for (var s : records) {
                long[] countSum = ratings.computeIfAbsent(s.getFormat(), k -> new long[2]);
                int[] byScore = Retention.distribution(s.getSatisfactionDistribution());
                if (byScore != null) {
                    for (int i = 0; i < byScore.length; i++) {
                        countSum[0] += byScore[i];
                        countSum[1] += (long) (i + 1) * byScore[i];
                    }
                } else if (s.getSatisfactionAverage() != null) {
                    countSum[0] += s.getSatisfactionCount();
                    countSum[1] += s.getSatisfactionAverage().multiply(BigDecimal.valueOf(s.getSatisfactionCount())).longValue();
                }
            }
            Map<String, List<Row>> byFormat = new LinkedHashMap<>();
            for (Row r : rows) {
                byFormat.computeIfAbsent(r.format(), k -> new ArrayList<>()).add(r);
            }
            List<Total> totals = new ArrayList<>();
            int allRatings = 0;
            BigDecimal allSum = BigDecimal.ZERO;
            for (Map.Entry<String, List<Row>> e : byFormat.entrySet()) {
                long[] agg = ratings.get(e.getKey());
                int count = agg == null ? 0 : (int) agg[0];
                BigDecimal avg = count == 0 ? null
                        : BigDecimal.valueOf(agg[1]).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
                if (count > 0) {
                    allRatings += count;
                    allSum = allSum.add(BigDecimal.valueOf(agg[1]));
                }
                totals.add(new Total(e.getKey(), title(e.getKey()), e.getValue().size(),
                        e.getValue().stream().mapToInt(Row::participants).sum(), count, avg));
            }
            BigDecimal overallAverage = allRatings == 0 ? null : allSum.divide(BigDecimal.valueOf(allRatings), 1, RoundingMode.HALF_UP);
            Total overall = new Total(null, "Toutes les animations", rows.size(), rows.stream().mapToInt(Row::participants).sum(),
                    allRatings, overallAverage);
            return new Report(from, to, overall, totals, rows);
        });
    }

    private String title(String format) {
        return formats.find(format).map(f -> f.title()).orElse(format);
    }
}
