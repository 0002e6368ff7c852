package fr.atelier.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of every test node, in this JVM ({@link TestNode}) or in a child JVM ({@link ServerProcess}):
 * the embedded default (temporary data directory), or this machine's external Redis and PostgreSQL
 * (ATELIER_TEST_REDIS_URL / ATELIER_TEST_DATABASE_URL, defaulting to localhost) with a database and a
 * cluster name of the test's own.
 */
public final class TestConfig {
    public static final String EXTERNAL_REDIS = env("ATELIER_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    public static final String EXTERNAL_DATABASE = env("ATELIER_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test");

    /** The coordinators' key every test server is configured with. */
    public static final String COORDINATOR_KEY = "cle-coordination-tests";

    private TestConfig() {}

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("atelier-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Config embedded(Path dataDir) {
        return embedded(dataDir, Map.of());
    }

    /** The embedded default with some settings changed ({@code ATELIER_*} variables). */
    public static Config embedded(Path dataDir, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("ATELIER_HTTP_PORT", "0");
        env.put("ATELIER_HTTP_HOST", "127.0.0.1");
        env.put("ATELIER_DATA_DIR", dataDir.toString());
        env.put("ATELIER_COORDINATOR_KEY", COORDINATOR_KEY);
        return Config.from(env);
    }

    /**
     * This machine's Redis and PostgreSQL. Where they are missing (a fresh developer machine) the
     * calling test is skipped, unless ATELIER_TEST_EXTERNAL=required (CI), where it fails.
     */
    public static Config external() {
        return external(Map.of());
    }

    /** {@link #external()} with some {@code ATELIER_*} settings added (the single sign-on tests set ATELIER_OIDC_*). */
    public static Config external(Map<String, String> settings) {
        if (!externalReachable()) {
            String message = "external Redis/PostgreSQL not reachable at " + EXTERNAL_REDIS + " / " + EXTERNAL_DATABASE;
            if ("required".equals(System.getenv("ATELIER_TEST_EXTERNAL"))) {
                throw new IllegalStateException(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
        return externalConfig(settings);
    }

    /** One more node named {@code name} on the Redis and PostgreSQL of another (a cluster in one JVM). */
    public static Config node(String name, String redisUrl, String databaseUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("ATELIER_HTTP_PORT", "0");
        env.put("ATELIER_HTTP_HOST", "127.0.0.1");
        env.put("ATELIER_DATA_DIR", newDataDir().toString());
        env.put("ATELIER_NODE_ID", name);
        env.put("ATELIER_REDIS_URL", redisUrl);
        env.put("ATELIER_DATABASE_URL", databaseUrl);
        return Config.from(env);
    }

    /** External services when this machine has them (faster start), else the embedded default. */
    public static Config fastest() {
        return externalReachable() ? externalConfig(Map.of()) : embedded(newDataDir());
    }

    static boolean externalReachable() {
        return reachable(java.net.URI.create(EXTERNAL_REDIS).getHost(), portOr(java.net.URI.create(EXTERNAL_REDIS).getPort(), 6379))
                && reachable(java.net.URI.create(EXTERNAL_DATABASE).getHost(), portOr(java.net.URI.create(EXTERNAL_DATABASE).getPort(), 5432));
    }

    private static int portOr(int port, int fallback) {
        return port < 0 ? fallback : port;
    }

    private static boolean reachable(String host, int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A database of its own on the external PostgreSQL for each test server: runs never see each
     * other's rows or migration history. Dropped when the test JVM exits.
     */
    static String freshExternalDatabase() {
        fr.atelier.server.db.Database.JdbcTarget target = fr.atelier.server.db.Database.JdbcTarget.parse(EXTERNAL_DATABASE);
        String name = "atelier_t_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             java.sql.Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + EXTERNAL_DATABASE, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
                 java.sql.Statement st = c.createStatement()) {
                st.execute("drop database if exists " + name + " with (force)");
            } catch (java.sql.SQLException ignored) {
                // best effort
            }
        }));
        return EXTERNAL_DATABASE.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
    }

    private static final java.util.Set<String> CLUSTER_KEYS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A cluster name of its own on the shared external Redis; its key is deleted when the test JVM exits. */
    static synchronized String throwawayClusterName() {
        String name = "test-" + java.util.UUID.randomUUID();
        if (CLUSTER_KEYS.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestConfig::deleteClusterKeys));
        }
        CLUSTER_KEYS.add("atelier:cluster:" + name);
        return name;
    }

    private static void deleteClusterKeys() {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(EXTERNAL_REDIS);
        try (var c = client.connect()) {
            c.sync().del(CLUSTER_KEYS.toArray(String[]::new));
        } catch (RuntimeException ignored) {
            // best effort
        } finally {
            client.shutdown();
        }
    }

    private static Config externalConfig(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("ATELIER_HTTP_PORT", "0");
        env.put("ATELIER_HTTP_HOST", "127.0.0.1");
        env.put("ATELIER_DATA_DIR", newDataDir().toString());
        env.put("ATELIER_REDIS_URL", EXTERNAL_REDIS);
        env.put("ATELIER_DATABASE_URL", freshExternalDatabase());
        // Test servers share this Redis, each with a database of its own: each is its own installation.
        env.put("ATELIER_CLUSTER_NAME", throwawayClusterName());
        env.put("ATELIER_COORDINATOR_KEY", COORDINATOR_KEY);
        return Config.from(env);
    }

    /** The settings of a test {@link Config} as the ATELIER_* variables of a child process. */
    static Map<String, String> env(Config c) {
        Map<String, String> env = new HashMap<>();
        env.put("ATELIER_HTTP_HOST", "127.0.0.1");
        env.put("ATELIER_HTTP_PORT", "0");
        env.put("ATELIER_DATA_DIR", c.dataDir().toString());
        env.put("ATELIER_COORDINATOR_KEY", COORDINATOR_KEY);
        env.put("ATELIER_CLUSTER_NAME", c.clusterName());
        if (c.redisUrl() != null) {
            env.put("ATELIER_REDIS_URL", c.redisUrl());
        }
        if (c.databaseUrl() != null) {
            env.put("ATELIER_DATABASE_URL", c.databaseUrl());
        }
        return env;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
