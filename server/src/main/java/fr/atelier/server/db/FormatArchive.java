package fr.atelier.server.db;

import org.jooq.DSLContext;

/** Writes one format's results into its own tables, idempotently, inside the archive transaction. */
public interface FormatArchive {
    String format();

    void write(DSLContext tx, String sessionId, Object activityState);
}
