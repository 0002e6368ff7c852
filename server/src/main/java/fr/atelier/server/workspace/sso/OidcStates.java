package fr.atelier.server.workspace.sso;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Sign-ins in progress, in Redis for a few minutes: any node may receive the provider's callback
 * (the cluster has no sticky sessions). A state is taken once (GETDEL): a replayed callback finds
 * nothing.
 */
public final class OidcStates implements AutoCloseable {
    /** Time allowed between the click and the return from the provider (login, two-factor...). */
    public static final Duration TTL = Duration.ofMinutes(10);

    private final Vertx vertx;
    private final String prefix;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;

    /** @param prefix key prefix ("atelier:" in production; tests use a throwaway one) */
    public OidcStates(Vertx vertx, String redisUrl, String prefix) {
        this.vertx = vertx;
        this.prefix = prefix + "oidc:";
        this.client = RedisClient.create(RedisURI.create(redisUrl));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(3)))
                .build());
        this.connection = client.connect();
        this.redis = connection.async();
    }

    public Future<Void> put(OidcRequest request) {
        return Future.fromCompletionStage(
                redis.set(prefix + request.state(), request.toJson().encode(), SetArgs.Builder.ex(TTL).nx()),
                vertx.getOrCreateContext()).mapEmpty();
    }

    /** The request started with this state, removed at once; null if unknown, expired or already used. */
    public Future<OidcRequest> take(String state) {
        return Future.fromCompletionStage(redis.getdel(prefix + state), vertx.getOrCreateContext())
                .map(json -> json == null ? null : OidcRequest.fromJson(state, new JsonObject(json)));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
