package fr.atelier.server.db;

import org.jooq.DSLContext;

/** Writes one format's results into its own tables, idempotently ({@link Upsert}), inside the archive transaction. */
@FunctionalInterface
public interface FormatArchive<S> {
    void write(DSLContext tx, String sessionId, S activityState);
}
