package fr.atelier.server.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.InsertSetMoreStep;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The archive's one way to write a row idempotently (an archive may run twice): an insert keyed
 * by the row's natural key that, on conflict, overwrites the columns given with {@link #set} and
 * keeps those given with {@link #setOnInsert} (where a row came from). A row with nothing to
 * overwrite is inserted once. A collection that can lose members between two archives is cleared
 * by its scope first, in the same transaction (see the decision "archive idempotency").
 */
public final class Upsert<R extends Record> {
    /** Statements per JDBC batch. */
    static final int BATCH = 500;

    private final DSLContext tx;
    private final Table<R> table;
    private final Map<Field<?>, Object> keys = new LinkedHashMap<>();
    private final Map<Field<?>, Object> once = new LinkedHashMap<>();
    private final Map<Field<?>, Object> overwritten = new LinkedHashMap<>();
    private Condition onlyWhen;

    private Upsert(DSLContext tx, Table<R> table) {
        this.tx = tx;
        this.table = table;
    }

    public static <R extends Record> Upsert<R> into(DSLContext tx, Table<R> table) {
        return new Upsert<>(tx, table);
    }

    /** A column of the natural key (the conflict target). */
    public <T> Upsert<R> key(Field<T> field, T value) {
        keys.put(field, value);
        return this;
    }

    /** A column an archive run again overwrites. */
    public <T> Upsert<R> set(Field<T> field, T value) {
        overwritten.put(field, value);
        return this;
    }

    /** A column written with the row and kept afterwards (its origin, its creation time). */
    public <T> Upsert<R> setOnInsert(Field<T> field, T value) {
        once.put(field, value);
        return this;
    }

    /** An existing row is overwritten only when this holds (two sessions of a project: the newest change wins). */
    public Upsert<R> onlyWhen(Condition condition) {
        this.onlyWhen = condition;
        return this;
    }

    public Query query() {
        Map<Field<?>, Object> all = new LinkedHashMap<>(keys);
        all.putAll(once);
        all.putAll(overwritten);
        InsertSetMoreStep<R> insert = tx.insertInto(table).set(all);
        if (overwritten.isEmpty()) {
            return keys.isEmpty() ? insert.onConflictDoNothing() : insert.onConflict(keys.keySet()).doNothing();
        }
        InsertOnDuplicateSetMoreStep<R> update = insert.onConflict(keys.keySet()).doUpdate().set(overwritten);
        return onlyWhen == null ? update : update.where(onlyWhen);
    }

    public int execute() {
        return query().execute();
    }

    /** Runs the statements in order, {@value #BATCH} per JDBC batch. */
    public static void batch(DSLContext tx, List<? extends Query> queries) {
        for (int i = 0; i < queries.size(); i += BATCH) {
            tx.batch(queries.subList(i, Math.min(queries.size(), i + BATCH))).execute();
        }
    }
}
