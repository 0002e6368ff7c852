package fr.atelier.server;

import fr.atelier.server.db.ArchiveReader;
import fr.atelier.server.db.Archiver;
import fr.atelier.server.db.CoordinationReport;
import fr.atelier.server.db.Database;
import fr.atelier.server.db.FormatArchive;
import fr.atelier.server.formats.CommandCheck;
import fr.atelier.server.formats.FormatModule;
import fr.atelier.server.formats.FormatModules;
import fr.atelier.server.formats.FormatServices;
import fr.atelier.server.http.CoordinationApi;
import fr.atelier.server.http.HttpApi;
import fr.atelier.server.http.JoinBase;
import fr.atelier.server.http.JoinGuard;
import fr.atelier.server.http.Notices;
import fr.atelier.server.http.Pages;
import fr.atelier.server.infra.ClusterIdentity;
import fr.atelier.server.infra.EmbeddedServices;
import fr.atelier.server.infra.LocalNetwork;
import fr.atelier.server.infra.StartupError;
import fr.atelier.server.moderation.NameFilters;
import fr.atelier.server.live.LiveStore;
import fr.atelier.server.live.SessionRegistry;
import fr.atelier.server.ws.WebSocketGateway;
import fr.atelier.workshops.core.Format;
import fr.atelier.workshops.core.Formats;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires one Atelier node: storage, session hosting, HTTP and WebSocket. */
public final class AtelierServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AtelierServer.class);
    /** Only the facilitator sends large frames (a whole question bank); others are held to 16 KiB. */
    public static final int MAX_FRAME = 256 * 1024;
    /**
     * A dependency that does not answer within this delay makes the node not ready (503). Shorter
     * than the check's own timeout: a check that times out counts as a failed procedure (500).
     */
    private static final long READY_TIMEOUT_MS = 1500;

    private final Config config;
    /** One reading of the interfaces for the join links and the start-up log (cached a few seconds). */
    private final LocalNetwork network = new LocalNetwork();
    private final EmbeddedServices embedded = new EmbeddedServices();
    private Vertx vertx;
    private LiveStore store;
    private Database db;
    private Archiver archiver;
    private fr.atelier.server.live.IdleSessions idleSessions;
    private SessionRegistry registry;
    private WebSocketGateway gateway;
    private HttpServer http;
    private String redisUrl;
    private String databaseUrl;
    private PrometheusMeterRegistry meters;
    /** The one stop sequence at JVM exit: leases handed back while Redis still runs, then the services. */
    private final Thread shutdownHook = new Thread(this::close, "atelier-shutdown");
    private boolean closed;
    private boolean crashed;

    private AtelierServer(Config config) {
        this.config = config;
    }

    /**
     * Starts a node and blocks until it listens. Call from a plain thread, not an event loop. A node
     * that cannot start stops what it started and throws ({@link StartupError} for reasons the
     * operator must fix).
     */
    public static AtelierServer start(Config config) {
        AtelierServer server = new AtelierServer(config);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.boot();
            return server;
        } catch (Exception e) {
            // Future.await() rethrows checked exceptions too (a BindException from listen).
            server.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private void boot() {
        long t0 = System.nanoTime();
        redisUrl = config.redisUrl();
        databaseUrl = config.databaseUrl();
        if (redisUrl == null) {
            embedded.startRedis(config.dataDir(), config.redisFsync());
            redisUrl = embedded.redisUrl();
        }
        if (databaseUrl == null) {
            embedded.startPostgres(config.dataDir(), config.embeddedPgFast());
            databaseUrl = embedded.databaseUrl();
        }
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        // Instruments of the session actors (io.micrometer.core.instrument.Metrics) report here too.
        io.micrometer.core.instrument.Metrics.addRegistry(meters);
        this.meters = meters;
        vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(meters))
                .build();
        store = new LiveStore(vertx, redisUrl, config.clusterName());
        db = Database.connect(vertx, databaseUrl, config.dbPoolSize());
        // Before anything archives: a node on another installation's database must not start.
        String clusterId = ClusterIdentity.check(store, db, config.clusterName());
        List<FormatModule> modules = FormatModules.all();
        Formats formats = new Formats(modules.stream().<Format<?, ?, ?>>map(FormatModule::format).toList());
        archiver = new Archiver(vertx, db, store, formats, archives(modules),
                Duration.ofHours(config.liveRetentionHours()));
        registry = new SessionRegistry(vertx, store, formats, archiver, config.nodeId());
        archiver.start(registry::evict);
        idleSessions = new fr.atelier.server.live.IdleSessions(vertx, store, registry, config.idleEnd()).start();
        JoinGuard guard = new JoinGuard(config.limits());
        JoinBase joinBase = new JoinBase(config.publicUrl(), config.httpHost(), network::lanAddress);
        FormatServices services = new FormatServices(db, guard, joinBase);
        Map<String, CommandCheck> checks = new HashMap<>();
        modules.stream().filter(m -> m.check() != null).forEach(m -> checks.put(m.format().id(), m.check().apply(services)));
        NameFilters names = new NameFilters(db).start(vertx);
        gateway = new WebSocketGateway(vertx, registry, config.publicUrl(), guard, config.wsIdleSeconds(), config.wsMaxPendingKib(), checks,
                names::current);
        meters.gauge("atelier_websocket_connections", gateway, WebSocketGateway::connectionCount);
        meters.gauge("atelier_sessions_hosted", registry, SessionRegistry::hostedCount);

        Router router = Router.router(vertx);
        HealthCheckHandler live = HealthCheckHandler.create(vertx);
        live.register("process", p -> p.complete(Status.OK()));
        HealthCheckHandler ready = HealthCheckHandler.create(vertx);
        ready.register("redis", READY_TIMEOUT_MS * 2, p -> probe(store.ping(), p));
        ready.register("postgresql", READY_TIMEOUT_MS * 2, p -> probe(db.ping(), p));
        router.get("/health/live").handler(live);
        router.get("/health/ready").handler(ready);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(meters));
        fr.atelier.server.workspace.Workspace.mount(vertx, router, config.workspaceSettings(), db, redisUrl);
        fr.atelier.server.workspace.library.Library.mount(vertx, router, db, modules);
        ArchiveReader archiveReader = new ArchiveReader(db, formats);
        new fr.atelier.server.workspace.accounts.ModerationAdminApi(names, new fr.atelier.server.workspace.Audit(db)).mount(router);
        HttpApi api = new HttpApi(registry, archiveReader, joinBase, modules, guard, names::current);
        api.mount(router);
        CoordinationReport coordination = new CoordinationReport(db, formats);
        String newKey = coordination.ensureKey(config.coordinatorKey());
        if (newKey != null) {
            // Into a file of the data folder, not the log (issue 19: no secret in the logs).
            fr.atelier.server.infra.CoordinationKeyFile.hand(config.dataDir(), config.publicUrl() == null ? "http://localhost:" + config.httpPort() : config.publicUrl(), newKey);
        }
        new CoordinationApi(coordination, archiveReader, api::csv, guard).mount(router);
        modules.stream().filter(m -> m.routes() != null).forEach(m -> m.routes().apply(services).mount(router));
        fr.atelier.server.workspace.planning.Planning.mount(vertx, router, store, registry, db, archiveReader, joinBase,
                new fr.atelier.server.formats.prioritisation.PlannedProjects(db));
        fr.atelier.server.workspace.bilan.BilanApi.mount(router, db, formats);
        fr.atelier.server.workspace.privacy.Privacy.mount(vertx, router, store, db, config.liveRetentionHours());
        joinBase.mount(router);
        Notices.from(System.getenv(), config.liveRetentionHours()).mount(router);
        new Pages().mount(router);

        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.httpHost())
                .setPort(config.httpPort())
                .setMaxWebSocketFrameSize(MAX_FRAME)
                .setMaxWebSocketMessageSize(MAX_FRAME)
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setIdleTimeout(60)
                // The kernel's send buffer holds at most the bound too: without it, it grew to megabytes
                // for a client that stopped reading (issue 12), before the write queue even filled.
                .setSendBufferSize(config.wsMaxPendingKib() * 1024)
                .setCompressionSupported(true);
        // WebSocket upgrades skip the router: a socket then keeps no routing context alive for hours.
        try {
            http = vertx.createHttpServer(options)
                    .webSocketHandshakeHandler(gateway::handshake)
                    .webSocketHandler(gateway::accept)
                    .requestHandler(router)
                    .listen().await();
        } catch (Exception e) {
            throw new StartupError("Le port " + config.httpPort() + " est déjà pris (" + e.getMessage()
                    + ") : arrêtez l'autre programme ou choisissez un autre port (ATELIER_HTTP_PORT). / cannot listen on "
                    + config.httpHost() + ":" + config.httpPort() + ": is another program using this port? Choose another ATELIER_HTTP_PORT", e);
        }
        LOG.atInfo()
                .addKeyValue("port", http.actualPort())
                .addKeyValue("node", config.nodeId())
                .addKeyValue("cluster", clusterId)
                .addKeyValue("redis", config.redisUrl() == null ? "embedded" : "external")
                .addKeyValue("postgresql", config.databaseUrl() == null ? "embedded" : "external")
                .addKeyValue("startupMs", (System.nanoTime() - t0) / 1_000_000)
                .log("Atelier listening on http://localhost:" + http.actualPort());
        logJoinAddress(http.actualPort());
    }

    private static Map<String, FormatArchive<?>> archives(List<FormatModule> modules) {
        Map<String, FormatArchive<?>> archives = new HashMap<>();
        modules.stream().filter(m -> m.archive() != null).forEach(m -> archives.put(m.format().id(), m.archive()));
        return archives;
    }

    /** Beside localhost, the address phones in the room use (or why they cannot join). */
    private void logJoinAddress(int port) {
        if (config.publicUrl() != null || JoinBase.isLoopback(config.httpHost())) {
            return; // the operator chose the address (a proxy in front, or a public URL)
        }
        network.lanAddress().ifPresentOrElse(
                lan -> LOG.info("phones join at http://{}:{} (this machine on the local network)", lan, port),
                () -> LOG.warn("no network besides localhost: phones cannot join; connect this machine to the room's Wi-Fi"
                        + " / les téléphones ne pourront pas rejoindre : connectez ce poste au Wi-Fi de la salle"));
    }

    private static void probe(Future<?> check, Promise<Status> result) {
        check.timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .onComplete(ar -> result.tryComplete(ar.succeeded() ? Status.OK() : Status.KO()));
    }

    /**
     * Stops like a killed process would for everyone else: no lease released, sockets dropped,
     * Redis connections cut, the data folder let go. Embedded services stay up (they are other
     * processes) until the JVM exits. For failure tests.
     */
    public synchronized void crash() {
        crashed = true;
        embedded.abandon();
        try {
            if (vertx != null) {
                vertx.close().await();
            }
        } catch (RuntimeException ignored) {
            // a crash does not care
        }
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    public int port() {
        return http.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    public WebSocketGateway gateway() {
        return gateway;
    }

    public SessionRegistry registry() {
        return registry;
    }

    public fr.atelier.server.live.IdleSessions idleSessions() {
        return idleSessions;
    }

    public Archiver archiver() {
        return archiver;
    }

    public String redisUrl() {
        return redisUrl;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    /**
     * Graceful stop, in order: no new connections, sessions handed back (their leases released in
     * Redis), then connections, then the embedded services. Runs once, from the caller or at JVM exit.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
        if (crashed) {
            embedded.close();
            return;
        }
        boolean clean = true;
        try {
            if (http != null) {
                http.close().await();
            }
            if (gateway != null) {
                gateway.close();
            }
            if (idleSessions != null) {
                idleSessions.stop();
            }
            if (archiver != null) {
                archiver.stop();
            }
            if (registry != null) {
                registry.close().await();
            }
            if (vertx != null) {
                vertx.close().await();
            }
        } catch (Exception e) {
            clean = false;
            LOG.warn("error while stopping", e);
        }
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
        if (meters != null) {
            io.micrometer.core.instrument.Metrics.removeRegistry(meters);
        }
        embedded.close();
        if (clean && http != null) {
            LOG.atInfo().addKeyValue("node", config.nodeId()).log("Atelier stopped: sessions handed back, services stopped");
        }
    }
}
