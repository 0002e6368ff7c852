package fr.atelier.server.db;

import static fr.atelier.server.db.generated.Tables.SESSION;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.db.generated.DefaultSchema;
import fr.atelier.workshops.core.Json;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

/**
 * A session's raw archived data as one JSON document (issue 19, item 3): the session row and every
 * row of every table that has a session_id column, whatever the format. No secret: the host token's
 * hash is left out.
 */
public final class SessionExport {
    private static final List<String> SECRET_COLUMNS = List.of("host_token_hash", "key_hash");
    private final Database db;

    public SessionExport(Database db) {
        this.db = db;
    }

    /** The document, or null for an unknown session. */
    public Future<ObjectNode> export(String sessionId) {
        return db.transaction(tx -> build(tx, sessionId));
    }

    private static ObjectNode build(DSLContext tx, String sessionId) {
        Record session = tx.selectFrom(SESSION).where(SESSION.ID.eq(sessionId)).fetchOne();
        if (session == null) {
            return null;
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("exportedAt", Instant.now().toString());
        out.set("session", row(session));
        ObjectNode tables = out.putObject("tables");
        List<Table<?>> all = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .sorted(Comparator.comparing(Table::getName)).toList();
        for (Table<?> t : all) {
            if (t.getName().equalsIgnoreCase(SESSION.getName())) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Field<String> sessionField = (Field<String>) t.field("session_id");
            if (sessionField == null || sessionField.getType() != String.class) {
                continue;
            }
            ArrayNode rows = Json.MAPPER.createArrayNode();
            tx.selectFrom(t).where(sessionField.eq(sessionId)).fetch().forEach(r -> rows.add(row(r)));
            if (!rows.isEmpty()) {
                tables.set(t.getName().toLowerCase(), rows);
            }
        }
        return out;
    }

    private static ObjectNode row(Record r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (Field<?> f : r.fields()) {
            String name = f.getName().toLowerCase();
            if (SECRET_COLUMNS.contains(name)) {
                continue;
            }
            Object v = r.get(f);
            if (v == null) {
                o.putNull(name);
            } else if (v instanceof JSONB j) {
                try {
                    o.set(name, Json.MAPPER.readTree(j.data()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (v instanceof Number || v instanceof Boolean) {
                o.set(name, Json.MAPPER.valueToTree(v));
            } else {
                o.put(name, v.toString());
            }
        }
        return o;
    }
}
