package fr.atelier.server.moderation;

import static fr.atelier.server.db.generated.Tables.MODERATION_WORD;

import fr.atelier.server.db.Database;
import fr.atelier.workshops.core.NameFilter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name filter every node applies: the bundled lists plus the administrator's words and
 * exceptions from PostgreSQL (table {@code moderation_word}). Each node reloads the table every
 * {@link #REFRESH_MS} (a short TTL rather than pub/sub: no new node-to-node message, and a word list
 * changes a few times a year); the node that takes the edit reloads at once.
 */
public final class NameFilters {
    private static final Logger LOG = LoggerFactory.getLogger(NameFilters.class);
    public static final long REFRESH_MS = 10_000;
    public static final String REFUSE = "refuse";
    public static final String ALLOW = "allow";
    public static final int WORD_MAX = 80;

    /** One administrator's entry. */
    public record Word(String kind, String word, String addedBy, OffsetDateTime addedAt) {}

    private final Database db;
    private volatile NameFilter current = NameFilter.bundled(List.of(), List.of());

    public NameFilters(Database db) {
        this.db = db;
    }

    /** Loads now, then every {@link #REFRESH_MS}. */
    public NameFilters start(Vertx vertx) {
        reload();
        vertx.setPeriodic(REFRESH_MS, t -> reload());
        return this;
    }

    /** The filter as last loaded (the bundled lists alone until the first load). */
    public NameFilter current() {
        return current;
    }

    public Future<NameFilter> reload() {
        return words().map(ws -> {
            List<String> added = new ArrayList<>();
            List<String> allowed = new ArrayList<>();
            for (Word w : ws) {
                (w.kind().equals(ALLOW) ? allowed : added).add(w.word());
            }
            NameFilter f = NameFilter.bundled(added, allowed);
            current = f;
            return f;
        }).onFailure(e -> LOG.atWarn().log("name filter not reloaded (the previous one stays): " + e.getMessage()));
    }

    public Future<List<Word>> words() {
        return db.query(d -> d.selectFrom(MODERATION_WORD).orderBy(MODERATION_WORD.KIND, MODERATION_WORD.WORD)
                .fetch(r -> new Word(r.getKind(), r.getWord(), r.getAddedBy(), r.getAddedAt())));
    }

    /** Adds an entry; false when it was already there. */
    public Future<Boolean> add(String kind, String word, String by) {
        return db.query(d -> d.insertInto(MODERATION_WORD)
                        .set(MODERATION_WORD.KIND, kind).set(MODERATION_WORD.WORD, word).set(MODERATION_WORD.ADDED_BY, by)
                        .set(MODERATION_WORD.ADDED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                        .onConflictDoNothing().execute() > 0)
                .compose(added -> reload().map(added).otherwise(added));
    }

    /** Removes an entry; false when it was not there. */
    public Future<Boolean> remove(String kind, String word) {
        return db.query(d -> d.deleteFrom(MODERATION_WORD).where(MODERATION_WORD.KIND.eq(kind)).and(MODERATION_WORD.WORD.eq(word)).execute() > 0)
                .compose(removed -> reload().map(removed).otherwise(removed));
    }
}
