package fr.atelier.server.infra;

import static fr.atelier.server.db.generated.Tables.SETTING;

import fr.atelier.server.db.Database;
import fr.atelier.server.live.LiveStore;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes sharing a Redis must share one PostgreSQL database, or each archives into its own. The
 * installation's id is created at its first start and kept in both (Redis key
 * {@code atelier:cluster:NAME}, without expiry; row {@code cluster_id} of table {@code setting}); a
 * node whose two disagree refuses to start. Redis may lose its data and simply takes the
 * database's id again; a database that never served this Redis is refused.
 */
public final class ClusterIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterIdentity.class);
    static final String SETTING_NAME = "cluster_id";

    private ClusterIdentity() {}

    /** Blocking, at start-up: answers the installation's id or throws {@link StartupError}. */
    public static String check(LiveStore store, Database db, String name) {
        String key = "atelier:cluster:" + name;
        // Redis first, then the database: a first start writes the database before Redis, so a node
        // that sees Redis's id also sees the database's (two nodes starting together on a fresh set-up).
        String inRedis = store.clusterId(name).await();
        String inDb = db.query(tx -> tx.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(SETTING_NAME)).fetchOne(SETTING.VALUE)).await();
        if (inDb == null && inRedis != null) {
            throw new StartupError("this Redis (ATELIER_REDIS_URL) already serves the Atelier installation " + inRedis
                    + " with another PostgreSQL database, and this node's database (ATELIER_DATABASE_URL) never served it:"
                    + " sessions would be archived into two databases. Point ATELIER_DATABASE_URL at the installation's database"
                    + " (only if that database is lost for good, delete the Redis key " + key + " to start over with this one)");
        }
        boolean created = inDb == null;
        if (created) {
            String fresh = UUID.randomUUID().toString();
            inDb = db.transaction(tx -> {
                tx.insertInto(SETTING).set(SETTING.NAME, SETTING_NAME).set(SETTING.VALUE, fresh).onConflict(SETTING.NAME).doNothing().execute();
                return tx.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(SETTING_NAME)).fetchOne(SETTING.VALUE);
            }).await();
            LOG.atInfo().addKeyValue("cluster", inDb).log("new installation");
        }
        if (inRedis == null) {
            inRedis = store.claimClusterId(name, inDb).await();
            if (inRedis.equals(inDb) && !created) {
                LOG.atWarn().addKeyValue("cluster", inDb).log("Redis held no cluster id: it takes the database's (Redis is new, was emptied or lost its data)");
            }
        }
        if (!inRedis.equals(inDb)) {
            throw new StartupError("this Redis (ATELIER_REDIS_URL) serves the Atelier installation " + inRedis
                    + " but this node's PostgreSQL database (ATELIER_DATABASE_URL) belongs to the installation " + inDb
                    + ": nodes sharing a Redis must share one database. Check both URLs");
        }
        return inDb;
    }
}
