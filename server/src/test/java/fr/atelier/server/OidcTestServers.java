package fr.atelier.server;

import java.util.HashMap;
import java.util.Map;

/** Test servers with some settings added (the single sign-on tests set ATELIER_OIDC_*). */
public final class OidcTestServers {
    private OidcTestServers() {}

    /** This machine's Redis and PostgreSQL (a database and cluster name of its own), with {@code settings}. */
    public static Config external(Map<String, String> settings) {
        if (!TestServers.externalReachable()) {
            // Same rule as TestServers.external(): skipped on a machine without them, failed on CI.
            String message = "external Redis/PostgreSQL not reachable at " + TestServers.EXTERNAL_REDIS;
            if ("required".equals(System.getenv("ATELIER_TEST_EXTERNAL"))) {
                throw new IllegalStateException(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
        Map<String, String> env = new HashMap<>(settings);
        env.put("ATELIER_HTTP_PORT", "0");
        env.put("ATELIER_HTTP_HOST", "127.0.0.1");
        env.put("ATELIER_DATA_DIR", TestServers.newDataDir().toString());
        env.put("ATELIER_REDIS_URL", TestServers.EXTERNAL_REDIS);
        env.put("ATELIER_DATABASE_URL", TestServers.freshExternalDatabase());
        env.put("ATELIER_CLUSTER_NAME", TestServers.throwawayClusterName());
        env.put("ATELIER_COORDINATOR_KEY", TestServers.COORDINATOR_KEY);
        return Config.from(env);
    }
}
