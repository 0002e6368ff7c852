package fr.atelier.server.db;

import static fr.atelier.server.db.generated.Tables.CARDS_GRID_VALUE;
import static fr.atelier.server.db.generated.Tables.CARDS_ROUND;
import static fr.atelier.server.db.generated.Tables.HACKATHON_CANVAS_FIELD;
import static fr.atelier.server.db.generated.Tables.HACKATHON_IDEA;
import static fr.atelier.server.db.generated.Tables.HACKATHON_JURY_SEAT;
import static fr.atelier.server.db.generated.Tables.HACKATHON_MEMBER;
import static fr.atelier.server.db.generated.Tables.HACKATHON_SCORE;
import static fr.atelier.server.db.generated.Tables.PARTICIPANT;
import static fr.atelier.server.db.generated.Tables.PROJECT_CONTRIBUTION;
import static fr.atelier.server.db.generated.Tables.QUIZ_PARTICIPANT;
import static fr.atelier.server.db.generated.Tables.QUIZ_PARTICIPANT_ANSWER;
import static fr.atelier.server.db.generated.Tables.QUIZ_TEAM_ANSWER;
import static fr.atelier.server.db.generated.Tables.SATISFACTION_ANSWER;
import static fr.atelier.server.db.generated.Tables.SESSION;
import static fr.atelier.server.db.generated.Tables.SESSION_EVENT;
import static fr.atelier.server.db.generated.Tables.SETTING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.atelier.server.db.generated.tables.records.SessionRecord;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personal data kept only as long as needed (issue 19). An archived session's per-participant rows
 * (nicknames, individual answers, grids, comments, the whole event log) go after the retention delay
 * ({@link #purgeExpired}) or on request ({@link #erase}); the session row and the format's aggregate
 * rows stay, so reports and syntheses still show the totals. One transaction per session: a purge
 * killed half-way leaves each session either untouched or purged, and the next run goes on.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    public static final String MONTHS_SETTING = "retention_months";
    public static final String LAST_RUN_SETTING = "retention_last_run";
    public static final int DEFAULT_MONTHS = 12;
    public static final int MAX_MONTHS = 120;
    /** The advisory lock every node tries before a purge: one runs, the others skip this turn. */
    static final long LOCK_KEY = 0x41_54_45_4C_52_47_50_44L;
    /** What stands for a nickname in an archived synthesis once the nicknames are gone. */
    public static final String ERASED_NAME = "Participant·e";
    public static final String REASON_RETENTION = "retention";
    public static final String REASON_ERASED = "erased";

    private final Database db;
    private final Clock clock;
    private final int envMonths;
    /** Called after each session's transaction of a purge run (tests stop a run there). */
    private Consumer<String> afterEachSession = id -> { };

    public Retention(Database db, Clock clock, int envMonths) {
        this.db = db;
        this.clock = clock;
        this.envMonths = envMonths;
    }

    /**
     * {@code ATELIER_RETENTION_MONTHS}, default 12, within 1..120; anything else is refused with the operator's
     * message ({@code Privacy.retentionMonths} makes it stop start-up).
     */
    public static int envMonths(Map<String, String> env) {
        String v = env.get("ATELIER_RETENTION_MONTHS");
        if (v == null || v.isBlank()) {
            return DEFAULT_MONTHS;
        }
        int m;
        try {
            m = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            m = -1;
        }
        if (m < 1 || m > MAX_MONTHS) {
            throw new IllegalArgumentException("ATELIER_RETENTION_MONTHS attend un nombre de mois entre 1 et " + MAX_MONTHS + " (« " + v.trim()
                    + " ») : corrigez-le ou retirez-le (12 mois par défaut). / ATELIER_RETENTION_MONTHS expects a number of months from 1 to "
                    + MAX_MONTHS + " (\"" + v.trim() + "\"): fix it or remove it (default 12).");
        }
        return m;
    }

    public int envMonths() {
        return envMonths;
    }

    void afterEachSession(Consumer<String> hook) {
        this.afterEachSession = hook;
    }

    /** What a run did: whether this node ran it (false: another held the lock), sessions purged and rows by table. */
    public record Run(boolean ran, OffsetDateTime at, int months, int sessions, Map<String, Integer> rows) {}

    /** The administrators' setting, null when none (the environment's value applies). */
    public Future<Integer> storedMonths() {
        return db.query(d -> stored(d));
    }

    public Future<Void> setMonths(Integer months) {
        return db.query(d -> {
            if (months == null) {
                d.deleteFrom(SETTING).where(SETTING.NAME.eq(MONTHS_SETTING)).execute();
            } else {
                d.insertInto(SETTING).set(SETTING.NAME, MONTHS_SETTING).set(SETTING.VALUE, months.toString())
                        .onConflict(SETTING.NAME).doUpdate().set(SETTING.VALUE, months.toString()).execute();
            }
            return null;
        });
    }

    /** The last run's summary as stored ("at|sessions|rows"), or null. */
    public Future<String> lastRun() {
        return db.query(d -> d.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(LAST_RUN_SETTING)).fetchOne(SETTING.VALUE));
    }

    private Integer stored(DSLContext d) {
        String v = d.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(MONTHS_SETTING)).fetchOne(SETTING.VALUE);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Purges every session ended more than the retention delay ago and not purged yet. Safe on several
     * nodes at once (an advisory lock: one runs), idempotent, logged with counts.
     */
    public Future<Run> purgeExpired() {
        return db.onOneConnection(d -> {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            Integer setting = stored(d);
            int months = setting != null ? setting : envMonths;
            if (!Boolean.TRUE.equals(d.fetchValue("select pg_try_advisory_lock(?)", LOCK_KEY))) {
                LOG.info("retention purge skipped: another node is running it");
                return new Run(false, now, months, 0, Map.of());
            }
            try {
                OffsetDateTime cutoff = now.minusMonths(months);
                List<String> ids = d.select(SESSION.ID).from(SESSION)
                        .where(SESSION.PURGED_AT.isNull())
                        .and(SESSION.ENDED_AT.lt(cutoff).or(SESSION.ENDED_AT.isNull().and(SESSION.ARCHIVED_AT.lt(cutoff))))
                        .orderBy(SESSION.ARCHIVED_AT).fetch(SESSION.ID);
                long started = System.nanoTime();
                LOG.atInfo().addKeyValue("months", months).addKeyValue("due", ids.size()).log("retention purge started");
                Map<String, Integer> rows = new LinkedHashMap<>();
                int sessions = 0;
                for (String id : ids) {
                    Map<String, Integer> done = d.transactionResult(c -> purgeSession(c.dsl(), id, REASON_RETENTION, now));
                    if (done != null) {
                        sessions++;
                        done.forEach((k, v) -> rows.merge(k, v, Integer::sum));
                    }
                    afterEachSession.accept(id);
                }
                String summary = now + "|" + sessions + "|" + rows.values().stream().mapToInt(Integer::intValue).sum();
                d.insertInto(SETTING).set(SETTING.NAME, LAST_RUN_SETTING).set(SETTING.VALUE, summary)
                        .onConflict(SETTING.NAME).doUpdate().set(SETTING.VALUE, summary).execute();
                LOG.atInfo().addKeyValue("months", months).addKeyValue("sessions", sessions).addKeyValue("rows", rows)
                        .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                        .log("retention purge done: " + sessions + " session(s) purged");
                return new Run(true, now, months, sessions, rows);
            } finally {
                d.fetchValue("select pg_advisory_unlock(?)", LOCK_KEY);
            }
        });
    }

    /** Erases one archived session's participants' data now; null when it was already purged or is unknown. */
    public Future<Map<String, Integer>> erase(String sessionId) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return db.transaction(tx -> purgeSession(tx, sessionId, REASON_ERASED, now)).onSuccess(rows -> {
            if (rows != null) {
                LOG.atInfo().addKeyValue("session", sessionId).addKeyValue("rows", rows).log("session participants' data erased");
            }
        });
    }

    /**
     * Deletes one session's per-participant rows inside the caller's transaction; the session row is
     * locked first, so two purges of one session never both run. Returns rows by table, or null when
     * there was nothing to do (unknown, or already purged).
     */
    static Map<String, Integer> purgeSession(DSLContext tx, String id, String reason, OffsetDateTime now) {
        SessionRecord s = tx.selectFrom(SESSION).where(SESSION.ID.eq(id)).forUpdate().fetchOne();
        if (s == null || s.getPurgedAt() != null) {
            return null;
        }
        Set<String> names = new HashSet<>(tx.select(PARTICIPANT.NICKNAME).from(PARTICIPANT).where(PARTICIPANT.SESSION_ID.eq(id))
                .fetch(PARTICIPANT.NICKNAME));
        tx.select(CARDS_ROUND.COUNSELLOR, CARDS_ROUND.BENEFICIARY).from(CARDS_ROUND).where(CARDS_ROUND.SESSION_ID.eq(id)).fetch()
                .forEach(r -> {
                    names.add(r.value1());
                    names.add(r.value2());
                });
        names.remove(null);
        Map<String, Integer> n = new LinkedHashMap<>();
        n.put("cards_grid_value", tx.deleteFrom(CARDS_GRID_VALUE).where(CARDS_GRID_VALUE.SESSION_ID.eq(id)).execute());
        n.put("cards_round", tx.update(CARDS_ROUND).setNull(CARDS_ROUND.COUNSELLOR).setNull(CARDS_ROUND.COUNSELLOR_ID)
                .setNull(CARDS_ROUND.BENEFICIARY).setNull(CARDS_ROUND.BENEFICIARY_ID).where(CARDS_ROUND.SESSION_ID.eq(id)).execute());
        n.put("quiz_participant_answer", tx.deleteFrom(QUIZ_PARTICIPANT_ANSWER).where(QUIZ_PARTICIPANT_ANSWER.SESSION_ID.eq(id)).execute());
        n.put("quiz_participant", tx.deleteFrom(QUIZ_PARTICIPANT).where(QUIZ_PARTICIPANT.SESSION_ID.eq(id)).execute());
        n.put("quiz_team_answer", tx.update(QUIZ_TEAM_ANSWER).set(QUIZ_TEAM_ANSWER.ANSWERED_BY, "")
                .where(QUIZ_TEAM_ANSWER.SESSION_ID.eq(id)).execute());
        n.put("hackathon_member", tx.deleteFrom(HACKATHON_MEMBER).where(HACKATHON_MEMBER.SESSION_ID.eq(id)).execute());
        n.put("hackathon_score", tx.deleteFrom(HACKATHON_SCORE).where(HACKATHON_SCORE.SESSION_ID.eq(id))
                .and(HACKATHON_SCORE.VOTER_KIND.eq("public")).execute());
        n.put("hackathon_canvas_field", tx.update(HACKATHON_CANVAS_FIELD).setNull(HACKATHON_CANVAS_FIELD.LAST_EDITOR)
                .where(HACKATHON_CANVAS_FIELD.SESSION_ID.eq(id)).execute());
        n.put("hackathon_idea", tx.update(HACKATHON_IDEA).set(HACKATHON_IDEA.AUTHOR_ID, "").where(HACKATHON_IDEA.SESSION_ID.eq(id)).execute());
        n.put("hackathon_jury_seat", tx.update(HACKATHON_JURY_SEAT).setNull(HACKATHON_JURY_SEAT.PARTICIPANT_ID)
                .where(HACKATHON_JURY_SEAT.SESSION_ID.eq(id)).execute());
        n.put("project_contribution", tx.update(PROJECT_CONTRIBUTION).setNull(PROJECT_CONTRIBUTION.PARTICIPANT_ID)
                .where(PROJECT_CONTRIBUTION.SESSION_ID.eq(id)).execute());
        n.put("impact_answer", tx.deleteFrom(fr.atelier.server.db.generated.Tables.IMPACT_ANSWER)
                .where(fr.atelier.server.db.generated.Tables.IMPACT_ANSWER.SESSION_ID.eq(id)).execute());
        n.put("satisfaction_answer", tx.deleteFrom(SATISFACTION_ANSWER).where(SATISFACTION_ANSWER.SESSION_ID.eq(id)).execute());
        n.put("session_event", tx.deleteFrom(SESSION_EVENT).where(SESSION_EVENT.SESSION_ID.eq(id)).execute());
        n.put("participant", tx.deleteFrom(PARTICIPANT).where(PARTICIPANT.SESSION_ID.eq(id)).execute());
        n.values().removeIf(v -> v == 0);
        tx.update(SESSION).set(SESSION.PURGED_AT, now).set(SESSION.PURGE_REASON, reason)
                .set(SESSION.RESULTS, scrub(s.getResults(), names)).where(SESSION.ID.eq(id)).execute();
        return n;
    }

    /**
     * The archived results with every nickname replaced (alone, or as "label (nickname)") and every
     * comment dropped: {@code comment(s)} fields, the players' {@code feelings} (cards) and the texts of free-text grid fields. The work of the
     * session (team names, canvases, ideas, contributions) is content and stays as typed.
     */
    static JSONB scrub(JSONB results, Set<String> names) {
        if (results == null) {
            return null;
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(results.data());
            return JSONB.valueOf(Json.MAPPER.writeValueAsString(scrub(tree, names)));
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode scrub(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            String text = node.asText();
            if (names.contains(text)) {
                return TextNode.valueOf(ERASED_NAME);
            }
            // "Présidente du jury (Zoé)": a label followed by who held it.
            for (String name : names) {
                if (text.endsWith(" (" + name + ")")) {
                    return TextNode.valueOf(text.substring(0, text.length() - name.length() - 1) + ERASED_NAME + ")");
                }
            }
            return node;
        }
        if (node instanceof ObjectNode o && "text".equals(o.path("kind").asText(null)) && o.path("texts").isArray()) {
            // A free-text field of an observer's grid (cards): what people wrote goes with their grids.
            o.putArray("texts");
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, scrub(a.get(i), names));
            }
        } else if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("nickname") && e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(ERASED_NAME));
                } else if (e.getKey().equals("comment") || e.getKey().equals("comments")) {
                    e.setValue(Json.MAPPER.nullNode());
                } else if (e.getKey().equals("feelings") && e.getValue().isArray()) {
                    e.setValue(Json.MAPPER.createArrayNode()); // cards: what the players felt, in their words

                } else {
                    e.setValue(scrub(e.getValue(), names));
                }
            }
        }
        return node;
    }

    /** "n1,n2,n3,n4,n5": the ratings counted by score, as the session row keeps them. */
    public static String distribution(int[] counts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            b.append(i == 0 ? "" : ",").append(counts[i]);
        }
        return b.toString();
    }

    /** Reads back {@link #distribution(int[])}; null for a row archived before it existed. */
    public static int[] distribution(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        String[] parts = stored.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
        }
        return out;
    }
}
