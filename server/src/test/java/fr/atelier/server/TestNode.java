package fr.atelier.server;

import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.Map;

/**
 * The server tests' fixture: a real Atelier node in this JVM, listening on 127.0.0.1 and a free port,
 * with the clients a test talks to it through: {@link #http()} (blocking HTTP) and {@link #connect()}
 * (a WebSocket speaking the protocol). The WebSocket client lives on the node's Vert.x and is kept in a
 * field: a client held only in a local variable can be collected mid-handshake in Vert.x 5. Settings
 * come from {@link TestConfig}; a node in a child JVM is a {@link ServerProcess}, with the same
 * {@code port()}, {@code http()} and {@code connect()}.
 */
public final class TestNode implements AutoCloseable {
    private final Config config;
    private final AtelierServer server;
    private final WebSocketClient ws;
    private final Http http;

    private TestNode(Config config) {
        this.config = config;
        this.server = AtelierServer.start(config);
        this.ws = server.vertx().createWebSocketClient(clientOptions().setMaxConnections(1000));
        this.http = new Http(server.port());
    }

    /**
     * Frames up to the server's own limit in one piece, and messages of any size as a browser takes
     * them (a console's view lists every participant).
     */
    static WebSocketClientOptions clientOptions() {
        return new WebSocketClientOptions().setMaxFrameSize(AtelierServer.MAX_FRAME).setMaxMessageSize(16 << 20);
    }

    public static TestNode start(Config config) {
        return new TestNode(config);
    }

    /** External services when this machine has them (faster start), else the embedded default. */
    public static TestNode fastest() {
        return start(TestConfig.fastest());
    }

    /** The embedded default, in a data directory of its own, with some {@code ATELIER_*} settings changed. */
    public static TestNode embedded(Map<String, String> settings) {
        return start(TestConfig.embedded(TestConfig.newDataDir(), settings));
    }

    public static TestNode embedded() {
        return embedded(Map.of());
    }

    /** One more node named {@code name} on this node's Redis and PostgreSQL (a cluster in one JVM). */
    public TestNode peer(String name) {
        return start(TestConfig.node(name, server.redisUrl(), server.databaseUrl()));
    }

    /** A new node with the same settings (data directory included): the restart after {@link #close()}. */
    public TestNode restart() {
        return start(config);
    }

    public AtelierServer server() {
        return server;
    }

    public Config config() {
        return config;
    }

    public int port() {
        return server.port();
    }

    public Http http() {
        return http;
    }

    /** A new WebSocket to this node (say {@code hello} next). */
    public WsClient connect() {
        return WsClient.connect(ws, port(), null);
    }

    /** A new WebSocket as if through a reverse proxy that saw the client at {@code forwardedFor}. */
    public WsClient connect(String forwardedFor) {
        return WsClient.connect(ws, port(), forwardedFor);
    }

    @Override
    public void close() {
        server.close();
    }
}
