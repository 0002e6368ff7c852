package fr.atelier.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Settings from the environment (ATELIER_*), with the embedded defaults. */
public record Config(
        String httpHost,
        int httpPort,
        Path dataDir,
        String redisUrl,
        String databaseUrl,
        String publicUrl,
        String nodeId,
        int liveRetentionHours,
        int dbPoolSize,
        String redisFsync,
        fr.atelier.server.http.Limits limits,
        String coordinatorKey,
        boolean embeddedPgFast,
        String clusterName,
        int wsIdleSeconds,
        int wsMaxPendingKib,
        // w-accounts (issue 14): quick sessions without an account; invitations by e-mail when SMTP is set.
        boolean anonymousSessions,
        fr.atelier.server.workspace.accounts.MailSettings mail,
        // w-sso (issue 14): sign-in by OpenID Connect (ProConnect), off unless ATELIER_OIDC_ISSUER and _CLIENT_ID are set.
        fr.atelier.server.workspace.sso.OidcSettings oidc,
        // bilan (issue 18): a session without any event for this long is ended by the system.
        java.time.Duration idleEnd) {

    /** A socket from which nothing (no frame, no pong) arrived for this long is closed (docs/protocol.md). */
    public static final int DEFAULT_WS_IDLE_SECONDS = 60;
    /** Unsent data past which a client that does not read is treated as stuck. */
    public static final int DEFAULT_WS_MAX_PENDING_KIB = 256;

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        // Read again when the purge is scheduled; checked here so that a wrong value stops start-up first.
        fr.atelier.server.workspace.privacy.Privacy.retentionMonths(env);
        fr.atelier.server.workspace.privacy.Privacy.purgeAt(env);
        return new Config(
                env.getOrDefault("ATELIER_HTTP_HOST", "0.0.0.0"),
                Integer.parseInt(env.getOrDefault("ATELIER_HTTP_PORT", "8080")),
                Path.of(env.getOrDefault("ATELIER_DATA_DIR", "./data")).toAbsolutePath().normalize(),
                blankToNull(env.get("ATELIER_REDIS_URL")),
                blankToNull(env.get("ATELIER_DATABASE_URL")),
                stripSlash(blankToNull(env.get("ATELIER_PUBLIC_URL"))),
                env.getOrDefault("ATELIER_NODE_ID", "node-" + UUID.randomUUID().toString().substring(0, 8)),
                Integer.parseInt(env.getOrDefault("ATELIER_LIVE_RETENTION_HOURS", "48")),
                Integer.parseInt(env.getOrDefault("ATELIER_DB_POOL_SIZE", "4")),
                env.getOrDefault("ATELIER_REDIS_FSYNC", "everysec"),
                fr.atelier.server.http.Limits.from(env),
                blankToNull(env.get("ATELIER_COORDINATOR_KEY")),
                Boolean.parseBoolean(env.getOrDefault("ATELIER_EMBEDDED_PG_FAST", "false")),
                env.getOrDefault("ATELIER_CLUSTER_NAME", "atelier"),
                Integer.parseInt(env.getOrDefault("ATELIER_WS_IDLE_SECONDS", Integer.toString(DEFAULT_WS_IDLE_SECONDS))),
                Integer.parseInt(env.getOrDefault("ATELIER_WS_MAX_PENDING_KIB", Integer.toString(DEFAULT_WS_MAX_PENDING_KIB))),
                !"false".equalsIgnoreCase(env.getOrDefault("ATELIER_ANONYMOUS_SESSIONS", "true").trim()),
                fr.atelier.server.workspace.accounts.MailSettings.from(env),
                fr.atelier.server.workspace.sso.OidcSettings.from(env),
                idleEnd(env));
    }

    public Config withHttpPort(int port) {
        return new Config(httpHost, port, dataDir, redisUrl, databaseUrl, publicUrl, nodeId, liveRetentionHours, dbPoolSize, redisFsync, limits, coordinatorKey, embeddedPgFast, clusterName,
                wsIdleSeconds, wsMaxPendingKib, anonymousSessions, mail, oidc, idleEnd);
    }

    public Config withServices(String redis, String database) {
        return new Config(httpHost, httpPort, dataDir, redis, database, publicUrl, nodeId, liveRetentionHours, dbPoolSize, redisFsync, limits, coordinatorKey, embeddedPgFast, clusterName,
                wsIdleSeconds, wsMaxPendingKib, anonymousSessions, mail, oidc, idleEnd);
    }

    public Config withHttpHost(String host) {
        return new Config(host, httpPort, dataDir, redisUrl, databaseUrl, publicUrl, nodeId, liveRetentionHours, dbPoolSize, redisFsync, limits, coordinatorKey, embeddedPgFast, clusterName,
                wsIdleSeconds, wsMaxPendingKib, anonymousSessions, mail, oidc, idleEnd);
    }

    public Config withLimits(fr.atelier.server.http.Limits l) {
        return new Config(httpHost, httpPort, dataDir, redisUrl, databaseUrl, publicUrl, nodeId, liveRetentionHours, dbPoolSize, redisFsync, l, coordinatorKey, embeddedPgFast, clusterName,
                wsIdleSeconds, wsMaxPendingKib, anonymousSessions, mail, oidc, idleEnd);
    }

    /** {@code ATELIER_IDLE_END_HOURS}; a wrong value stops start-up with its one French/English line. */
    static java.time.Duration idleEnd(Map<String, String> env) {
        try {
            return fr.atelier.server.live.IdleSessions.idleEnd(env);
        } catch (IllegalArgumentException e) {
            throw new fr.atelier.server.infra.StartupError(e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String stripSlash(String s) {
        return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** What the command line's {@code admin invite} needs of these settings. */
    public fr.atelier.server.workspace.accounts.AdminCli.Target adminTarget() {
        return new fr.atelier.server.workspace.accounts.AdminCli.Target(databaseUrl, dataDir, publicUrl, httpPort);
    }

    /** What the workspace (accounts, web sessions, sign-in by SSO) needs of these settings. */
    public fr.atelier.server.workspace.WorkspaceSettings workspaceSettings() {
        return new fr.atelier.server.workspace.WorkspaceSettings(publicUrl, clusterName, limits, mail, anonymousSessions, oidc);
    }
}
