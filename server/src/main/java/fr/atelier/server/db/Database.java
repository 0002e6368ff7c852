package fr.atelier.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * PostgreSQL through jOOQ over a Hikari pool. JDBC blocks, so every query runs on a named worker
 * pool sized to the connection pool, never on an event loop.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final WorkerExecutor executor;

    private Database(Vertx vertx, HikariDataSource dataSource, int poolSize) {
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        this.executor = vertx.createSharedWorkerExecutor("atelier-db", poolSize);
    }

    /** Connects and applies the Flyway migrations. Blocking: call at start-up, off the event loop. */
    public static Database connect(Vertx vertx, String url, int poolSize) {
        HikariConfig config = new HikariConfig();
        JdbcTarget target = JdbcTarget.parse(url);
        config.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
            config.setUsername(target.user());
        }
        if (target.password() != null) {
            config.setPassword(target.password());
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(3000);
        config.setPoolName("atelier-pg");
        HikariDataSource ds = new HikariDataSource(config);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new Database(vertx, ds, poolSize);
    }

    public <T> Future<T> query(Function<DSLContext, T> work) {
        return executor.executeBlocking(() -> work.apply(dsl), false);
    }

    public <T> Future<T> transaction(Function<DSLContext, T> work) {
        return executor.executeBlocking(() -> dsl.transactionResult(cfg -> work.apply(cfg.dsl())), false);
    }

    /**
     * Runs {@code work} on one connection held throughout (autocommit; the work may open transactions
     * on it), for what must stay on one PostgreSQL session, such as an advisory lock.
     */
    public <T> Future<T> onOneConnection(Function<DSLContext, T> work) {
        return executor.executeBlocking(() -> dsl.connectionResult(c -> work.apply(DSL.using(c, SQLDialect.POSTGRES))), false);
    }

    public Future<Void> ping() {
        return query(d -> d.selectOne().fetch()).mapEmpty();
    }

    @Override
    public void close() {
        executor.close();
        dataSource.close();
    }

    /** Accepts a JDBC URL or a {@code postgresql://user:password@host:port/db} URL. */
    public record JdbcTarget(String jdbcUrl, String user, String password) {
        public static JdbcTarget parse(String url) {
            if (url.startsWith("jdbc:")) {
                return new JdbcTarget(url, null, null);
            }
            URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "http://"));
            String user = null;
            String password = null;
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : null;
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String query = uri.getQuery() == null ? "" : "?" + uri.getQuery();
            return new JdbcTarget("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query, user, password);
        }
    }
}
