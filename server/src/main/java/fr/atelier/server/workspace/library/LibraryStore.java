package fr.atelier.server.workspace.library;

import static fr.atelier.server.db.generated.Tables.ACCOUNT;
import static fr.atelier.server.db.generated.Tables.LIBRARY_IMAGE;
import static fr.atelier.server.db.generated.Tables.LIBRARY_ITEM;
import static fr.atelier.server.db.generated.Tables.TERRITORY;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.db.Database;
import fr.atelier.server.workspace.planning.Viewer;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

/** The library's rows in PostgreSQL (jOOQ, on the database's worker pool, never on an event loop). */
public final class LibraryStore {
    private final Database db;

    public LibraryStore(Database db) {
        this.db = db;
    }

    /** What a save found: the saved item, or the current one when the version sent was stale. */
    public record Saved(LibraryItem item, boolean stale) {}

    /** One image as served. */
    public record StoredImage(String id, String mime, byte[] bytes) {}

    /** The regional shelf and the viewer's territories (an administrator: every territory), without content. */
    public Future<List<LibraryItem>> list(String kind, Viewer v) {
        return db.query(tx -> {
            Condition where = LIBRARY_ITEM.DELETED_AT.isNull();
            if (kind != null) {
                where = where.and(LIBRARY_ITEM.KIND.eq(kind));
            }
            if (!v.isAdmin()) {
                where = where.and(LIBRARY_ITEM.TERRITORY_ID.isNull().or(LIBRARY_ITEM.TERRITORY_ID.in(v.territoryIds())));
            }
            return select(tx, false).where(where)
                    .orderBy(LIBRARY_ITEM.TERRITORY_ID.nullsFirst(), LIBRARY_ITEM.TITLE, LIBRARY_ITEM.ID)
                    .fetch().map(r -> item(r, false));
        });
    }

    /** The item with its content; null when absent or deleted. */
    public Future<LibraryItem> byId(String id) {
        return db.query(tx -> one(tx, id));
    }

    public Future<LibraryItem> insert(LibraryItem i) {
        return db.query(tx -> {
            tx.insertInto(LIBRARY_ITEM)
                    .set(LIBRARY_ITEM.ID, i.id()).set(LIBRARY_ITEM.KIND, i.kind()).set(LIBRARY_ITEM.TERRITORY_ID, i.territoryId())
                    .set(LIBRARY_ITEM.TITLE, i.title()).set(LIBRARY_ITEM.DESCRIPTION, i.description())
                    .set(LIBRARY_ITEM.CONTENT, JSONB.valueOf(i.content().toString())).set(LIBRARY_ITEM.SIZE, i.size())
                    .set(LIBRARY_ITEM.VERSION, i.version()).set(LIBRARY_ITEM.SOURCE_ID, i.sourceId())
                    .set(LIBRARY_ITEM.CREATED_BY, i.createdBy()).set(LIBRARY_ITEM.CREATED_AT, at(i.createdAt()))
                    .set(LIBRARY_ITEM.EDITED_BY, i.editedBy()).set(LIBRARY_ITEM.EDITED_AT, at(i.editedAt()))
                    .execute();
            return one(tx, i.id());
        });
    }

    /**
     * Inserts the regional shelf's first edition: an item already there (another node, an earlier
     * start) is left as it is. Returns how many were added.
     */
    public Future<Integer> seed(List<LibraryItem> items) {
        return db.query(tx -> {
            int added = 0;
            for (LibraryItem i : items) {
                added += tx.insertInto(LIBRARY_ITEM)
                        .set(LIBRARY_ITEM.ID, i.id()).set(LIBRARY_ITEM.KIND, i.kind()).set(LIBRARY_ITEM.TERRITORY_ID, (String) null)
                        .set(LIBRARY_ITEM.TITLE, i.title()).set(LIBRARY_ITEM.DESCRIPTION, i.description())
                        .set(LIBRARY_ITEM.CONTENT, JSONB.valueOf(i.content().toString())).set(LIBRARY_ITEM.SIZE, i.size())
                        .set(LIBRARY_ITEM.VERSION, 1).set(LIBRARY_ITEM.CREATED_AT, at(i.createdAt()))
                        .set(LIBRARY_ITEM.EDITED_AT, at(i.editedAt()))
                        .onConflict(LIBRARY_ITEM.ID).doNothing().execute();
            }
            return added;
        });
    }

    /**
     * Saves when {@code expectedVersion} is still the stored one (the version then goes up by one);
     * otherwise changes nothing and gives the current item. Null when the item is gone.
     */
    public Future<Saved> update(String id, int expectedVersion, String title, String description, JsonNode content, int size,
                                String by, Instant now) {
        return db.transaction(tx -> {
            int n = tx.update(LIBRARY_ITEM)
                    .set(LIBRARY_ITEM.TITLE, title).set(LIBRARY_ITEM.DESCRIPTION, description)
                    .set(LIBRARY_ITEM.CONTENT, JSONB.valueOf(content.toString())).set(LIBRARY_ITEM.SIZE, size)
                    .set(LIBRARY_ITEM.VERSION, LIBRARY_ITEM.VERSION.plus(1))
                    .set(LIBRARY_ITEM.EDITED_BY, by).set(LIBRARY_ITEM.EDITED_AT, at(now))
                    .where(LIBRARY_ITEM.ID.eq(id)).and(LIBRARY_ITEM.VERSION.eq(expectedVersion)).and(LIBRARY_ITEM.DELETED_AT.isNull())
                    .execute();
            LibraryItem current = one(tx, id);
            return current == null ? null : new Saved(current, n == 0);
        });
    }

    /** Marks the item deleted (kept for the audit trail, never listed again). */
    public Future<Boolean> delete(String id, String by, Instant now) {
        return db.query(tx -> tx.update(LIBRARY_ITEM).set(LIBRARY_ITEM.DELETED_AT, at(now)).set(LIBRARY_ITEM.EDITED_BY, by)
                .where(LIBRARY_ITEM.ID.eq(id)).and(LIBRARY_ITEM.DELETED_AT.isNull()).execute() == 1);
    }

    public Future<String> territoryName(String territoryId) {
        return db.query(tx -> tx.select(TERRITORY.NAME).from(TERRITORY).where(TERRITORY.ID.eq(territoryId)).fetchOne(TERRITORY.NAME));
    }

    public Future<Void> insertImage(String id, String territoryId, String sha256, String mime, int width, int height, byte[] bytes,
                                    String by, Instant now) {
        return db.query(tx -> tx.insertInto(LIBRARY_IMAGE)
                .set(LIBRARY_IMAGE.ID, id).set(LIBRARY_IMAGE.TERRITORY_ID, territoryId).set(LIBRARY_IMAGE.SHA256, sha256)
                .set(LIBRARY_IMAGE.MIME, mime).set(LIBRARY_IMAGE.WIDTH, width).set(LIBRARY_IMAGE.HEIGHT, height)
                .set(LIBRARY_IMAGE.BYTES, bytes).set(LIBRARY_IMAGE.CREATED_BY, by).set(LIBRARY_IMAGE.CREATED_AT, at(now))
                .execute()).mapEmpty();
    }

    public Future<StoredImage> image(String id) {
        return db.query(tx -> tx.select(LIBRARY_IMAGE.ID, LIBRARY_IMAGE.MIME, LIBRARY_IMAGE.BYTES).from(LIBRARY_IMAGE)
                .where(LIBRARY_IMAGE.ID.eq(id)).fetchOptional()
                .map(r -> new StoredImage(r.value1(), r.value2(), r.value3())).orElse(null));
    }

    private static LibraryItem one(DSLContext tx, String id) {
        Record r = select(tx, true).where(LIBRARY_ITEM.ID.eq(id)).and(LIBRARY_ITEM.DELETED_AT.isNull()).fetchOne();
        return r == null ? null : item(r, true);
    }

    private static SelectOnConditionStep<Record> select(DSLContext tx, boolean withContent) {
        List<org.jooq.SelectFieldOrAsterisk> fields = new java.util.ArrayList<>(List.of(LIBRARY_ITEM.ID, LIBRARY_ITEM.KIND,
                LIBRARY_ITEM.TERRITORY_ID, TERRITORY.NAME, LIBRARY_ITEM.TITLE, LIBRARY_ITEM.DESCRIPTION, LIBRARY_ITEM.SIZE,
                LIBRARY_ITEM.VERSION, LIBRARY_ITEM.SOURCE_ID, LIBRARY_ITEM.CREATED_BY, LIBRARY_ITEM.CREATED_AT,
                LIBRARY_ITEM.EDITED_BY, ACCOUNT.DISPLAY_NAME, LIBRARY_ITEM.EDITED_AT));
        if (withContent) {
            fields.add(LIBRARY_ITEM.CONTENT);
        }
        return tx.select(fields).from(LIBRARY_ITEM)
                .leftJoin(TERRITORY).on(TERRITORY.ID.eq(LIBRARY_ITEM.TERRITORY_ID))
                .leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(LIBRARY_ITEM.EDITED_BY));
    }

    private static LibraryItem item(Record r, boolean withContent) {
        JsonNode content = null;
        if (withContent) {
            try {
                content = Json.MAPPER.readTree(r.get(LIBRARY_ITEM.CONTENT).data());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new LibraryItem(r.get(LIBRARY_ITEM.ID), r.get(LIBRARY_ITEM.KIND), r.get(LIBRARY_ITEM.TERRITORY_ID), r.get(TERRITORY.NAME),
                r.get(LIBRARY_ITEM.TITLE), r.get(LIBRARY_ITEM.DESCRIPTION), content, r.get(LIBRARY_ITEM.SIZE), r.get(LIBRARY_ITEM.VERSION),
                r.get(LIBRARY_ITEM.SOURCE_ID), r.get(LIBRARY_ITEM.CREATED_BY), instant(r.get(LIBRARY_ITEM.CREATED_AT)),
                r.get(LIBRARY_ITEM.EDITED_BY), r.get(ACCOUNT.DISPLAY_NAME), instant(r.get(LIBRARY_ITEM.EDITED_AT)));
    }

    static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
