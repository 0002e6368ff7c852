package fr.atelier.server.db;

import static fr.atelier.server.db.generated.Tables.PARTICIPANT;
import static fr.atelier.server.db.generated.Tables.SATISFACTION_ANSWER;
import static fr.atelier.server.db.generated.Tables.SESSION;
import static fr.atelier.server.db.generated.Tables.SESSION_EVENT;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.live.LiveStore;
import fr.atelier.server.live.SessionEndedListener;
import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Formats;
import fr.atelier.workshops.core.Json;
import fr.atelier.workshops.core.PlatformState;
import fr.atelier.workshops.core.Roster;
import fr.atelier.workshops.core.Satisfaction;
import fr.atelier.workshops.core.Session;
import fr.atelier.workshops.core.SessionCodec;
import fr.atelier.workshops.core.SessionEvent;
import fr.atelier.workshops.core.SessionState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies an ended session (results and whole event log) from Redis to PostgreSQL. Idempotent:
 * every row is an upsert keyed by the session and event identities. A failed archive stays in
 * Redis's pending set and is retried, so PostgreSQL may be down when a session ends.
 */
public final class Archiver implements SessionEndedListener {
    private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);
    public static final long RETRY_MS = 15_000;

    private final Vertx vertx;
    private final Database db;
    private final LiveStore store;
    private final Map<String, FormatArchive<?>> formatArchives;
    private final Formats formats;
    private final Duration retention;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private Consumer<String> onArchived = id -> { };
    private long timer = -1;

    public Archiver(Vertx vertx, Database db, LiveStore store, Formats formats, Map<String, FormatArchive<?>> archives, Duration retention) {
        this.vertx = vertx;
        this.db = db;
        this.store = store;
        this.formats = formats;
        this.formatArchives = Map.copyOf(archives);
        this.retention = retention;
    }

    /** Starts retrying pending archives; {@code onArchived} hears of every session archived by this node. */
    public void start(Consumer<String> onArchived) {
        this.onArchived = onArchived;
        timer = vertx.setPeriodic(RETRY_MS, RETRY_MS, t -> retryPending());
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    @Override
    public void sessionEnded(String sessionId) {
        store.markArchivePending(sessionId)
                .compose(v -> archive(sessionId))
                .onFailure(e -> LOG.atWarn().addKeyValue("session", sessionId)
                        .log("archive failed, will retry: " + e.getMessage()));
    }

    public Future<Void> retryPending() {
        return store.archivePending().compose(ids -> {
            Future<Void> chain = Future.succeededFuture();
            for (String id : ids) {
                chain = chain.compose(v -> archive(id).recover(e -> {
                    LOG.atWarn().addKeyValue("session", id).log("archive retry failed: " + e.getMessage());
                    return Future.succeededFuture();
                }));
            }
            return chain;
        });
    }

    /**
     * Archives one session now, from Redis alone (its whole stream replayed), so any node can do it
     * whichever node hosts the session.
     */
    public Future<Void> archive(String sessionId) {
        if (!running.add(sessionId)) {
            return Future.succeededFuture();
        }
        return store.meta(sessionId).compose(meta -> {
            Format<?, ?, ?> format = meta == null ? null : formats.find(meta.get("format")).orElse(null);
            if (format == null) {
                return Future.failedFuture("unknown session or format " + sessionId);
            }
            // The replay of a long session takes seconds: it runs on the database worker, never on an event loop.
            return store.readAfter(sessionId, null).compose(batches -> db.transaction(tx -> {
                Snap snap = replay(format, batches);
                write(tx, sessionId, snap, batches);
                return snap.state().platform().code();
            })).compose(code -> store.archived(sessionId, code, retention));
        }).onComplete(ar -> {
            running.remove(sessionId);
            if (ar.succeeded()) {
                LOG.atInfo().addKeyValue("session", sessionId).log("session archived to PostgreSQL");
                onArchived.accept(sessionId);
            }
        }).mapEmpty();
    }

    private record Snap(SessionState<?> state, String resultsJson, java.util.Set<String> staff) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Snap replay(Format<?, ?, ?> format, List<LiveStore.Batch> batches) {
        Session session = new Session(format);
        SessionCodec codec = new SessionCodec(format);
        SessionState<?> state = session.initialState();
        for (LiveStore.Batch b : batches) {
            for (SessionEvent e : codec.readEvents(b.eventsJson())) {
                state = session.evolve(state, e);
            }
        }
        Object results = ((Format) format).results(state.activity(), state.platform().roster());
        return new Snap(state, codec.write(results), ((Format) format).staff(state.activity()));
    }

    private void write(DSLContext tx, String sessionId, Snap snap, List<LiveStore.Batch> batches) {
        if (tx.fetchExists(tx.selectOne().from(SESSION).where(SESSION.ID.eq(sessionId)).and(SESSION.PURGED_AT.isNotNull()))) {
            // Erased or purged (issue 19): the live copy still in Redis must not bring the people back.
            return;
        }
        PlatformState p = snap.state().platform();
        Satisfaction.Summary summary = p.satisfaction().summary(false);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        BigDecimal average = summary.average() == null ? null : BigDecimal.valueOf(summary.average());
        Upsert.into(tx, SESSION)
                .key(SESSION.ID, sessionId)
                .setOnInsert(SESSION.CODE, p.code())
                .setOnInsert(SESSION.FORMAT, p.format())
                .setOnInsert(SESSION.TITLE, p.title())
                .setOnInsert(SESSION.CREATED_AT, time(p.createdAt()))
                .setOnInsert(SESSION.STARTED_AT, time(p.startedAt()))
                .set(SESSION.ENDED_AT, time(p.endedAt()))
                .set(SESSION.PARTICIPANT_COUNT, p.roster().members().size() - (int) snap.staff().stream().filter(p.roster().members()::containsKey).count())
                .set(SESSION.SATISFACTION_COUNT, summary.count())
                .set(SESSION.SATISFACTION_AVERAGE, average)
                .set(SESSION.SATISFACTION_DISTRIBUTION, Retention.distribution(summary.distribution()))
                .setOnInsert(SESSION.HOST_TOKEN_HASH, p.hostTokenHash())
                .set(SESSION.RESULTS, JSONB.valueOf(snap.resultsJson()))
                .set(SESSION.ARCHIVED_AT, now)
                .execute();

        List<Query> rows = new ArrayList<>();
        for (Roster.Member m : p.roster().all()) {
            rows.add(Upsert.into(tx, PARTICIPANT)
                    .key(PARTICIPANT.SESSION_ID, sessionId)
                    .key(PARTICIPANT.ID, m.id())
                    .setOnInsert(PARTICIPANT.NICKNAME, m.nickname())
                    .setOnInsert(PARTICIPANT.JOINED_AT, time(m.joinedAtMillis()))
                    .set(PARTICIPANT.ACTIVE, m.active())
                    .query());
        }
        p.satisfaction().ratings().forEach((participantId, r) -> rows.add(Upsert.into(tx, SATISFACTION_ANSWER)
                .key(SATISFACTION_ANSWER.SESSION_ID, sessionId)
                .key(SATISFACTION_ANSWER.PARTICIPANT_ID, participantId)
                .set(SATISFACTION_ANSWER.SCORE, (short) r.score())
                .set(SATISFACTION_ANSWER.COMMENT, r.comment())
                .query()));
        for (LiveStore.Batch b : batches) {
            long seq = b.firstSeq();
            for (JsonNode event : parse(b.eventsJson())) {
                rows.add(Upsert.into(tx, SESSION_EVENT)
                        .setOnInsert(SESSION_EVENT.SESSION_ID, sessionId)
                        .setOnInsert(SESSION_EVENT.SEQ, seq++)
                        .setOnInsert(SESSION_EVENT.TYPE, event.path("type").asText())
                        .setOnInsert(SESSION_EVENT.PAYLOAD, JSONB.valueOf(event.toString()))
                        .query());
            }
        }
        Upsert.batch(tx, rows);
        SessionRecordArchive.write(tx, sessionId, p, snap.staff());
        write(formatArchives.get(p.format()), tx, sessionId, snap.state().activity());
    }

    /** Each format's archive takes its own state: the module that registers both keeps them together. */
    @SuppressWarnings("unchecked")
    private static <S> void write(FormatArchive<S> archive, DSLContext tx, String sessionId, Object activityState) {
        if (archive != null) {
            archive.write(tx, sessionId, (S) activityState);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }
}
