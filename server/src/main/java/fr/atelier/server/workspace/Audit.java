package fr.atelier.server.workspace;

import static fr.atelier.server.db.generated.Tables.AUDIT_EVENT;

import fr.atelier.server.db.Database;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One audit_event row per change people make in the workspace. Never pass a secret (password, token, link). */
public final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);
    private final Database db;

    public Audit(Database db) {
        this.db = db;
    }

    /**
     * Records what {@code accountId} (null: nobody signed in, or the command line) did. A failure
     * to write is logged, not passed on: the change itself is already made.
     */
    public Future<Void> record(String accountId, String action, String target, String detail) {
        return db.query(d -> d.insertInto(AUDIT_EVENT)
                        .set(AUDIT_EVENT.AT, OffsetDateTime.now(ZoneOffset.UTC))
                        .set(AUDIT_EVENT.ACCOUNT_ID, accountId)
                        .set(AUDIT_EVENT.ACTION, cut(action, 60))
                        .set(AUDIT_EVENT.TARGET, cut(target, 120))
                        .set(AUDIT_EVENT.DETAIL, cut(detail, 400))
                        .execute())
                .<Void>mapEmpty()
                .recover(e -> {
                    LOG.atWarn().addKeyValue("action", action).log("audit event not written: " + e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
