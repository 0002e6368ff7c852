package fr.atelier.server.live;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Redis, the live truth: per session a stream of event batches, a snapshot and metadata, plus the
 * join-code index. Keys of one session share the {@code {sessionId}} hash tag (one Cluster slot).
 * One shared Lettuce connection pipelines every command.
 */
public final class LiveStore implements AutoCloseable {
    /** A Redis command that got no answer within this delay fails: callers say "try again". */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);
    private static final int PAGE = 2000;

    private final Vertx vertx;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private StatefulRedisPubSubConnection<String, String> pubsub;

    /** Appends only while this node holds the session's lease: a node that lost it cannot write. */
    private static final String FENCED_XADD = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then
              return redis.error_reply('NOTOWNER')
            end
            return redis.call('XADD', KEYS[2], '*', 'seq', ARGV[2], 'ev', ARGV[3], 'cmd', ARGV[4])
            """;
    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    /** One stored batch of events, as read back from the stream. */
    public record Batch(String streamId, long firstSeq, String eventsJson, String commandKeysJson) {}

    public LiveStore(Vertx vertx, String url) {
        this.vertx = vertx;
        this.client = RedisClient.create(RedisURI.create(url));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While Redis is unreachable, fail at once ("try again") rather than queue blindly.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        this.connection = client.connect();
        this.redis = connection.async();
    }

    static String key(String sessionId, String part) {
        return "atelier:{" + sessionId + "}:" + part;
    }

    static String codeKey(String code) {
        return "atelier:code:" + code;
    }

    private <T> Future<T> on(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, vertx.getOrCreateContext());
    }

    public Future<String> ping() {
        return on(redis.ping());
    }

    /** The id of the installation this Redis serves, recorded under its name (null if none yet). */
    public Future<String> clusterId(String name) {
        return on(redis.get("atelier:cluster:" + name));
    }

    /** Records {@code id} unless an id is there already (no expiry); answers the one recorded. */
    public Future<String> claimClusterId(String name, String id) {
        return on(redis.setnx("atelier:cluster:" + name, id)).compose(set -> clusterId(name));
    }

    /** Reserves a join code for a session; false if the code is already taken. */
    public Future<Boolean> claimCode(String code, String sessionId) {
        return on(redis.set(codeKey(code), sessionId, SetArgs.Builder.nx())).map("OK"::equals);
    }

    public Future<String> sessionIdForCode(String code) {
        return on(redis.get(codeKey(code)));
    }

    public Future<Void> saveMeta(String sessionId, Map<String, String> meta) {
        return on(redis.hset(key(sessionId, "meta"), meta)).mapEmpty();
    }

    public Future<Map<String, String>> meta(String sessionId) {
        return on(redis.hgetall(key(sessionId, "meta")));
    }

    /** Appends one batch as one stream entry (one round trip, atomic) if {@code node} owns the session. */
    public Future<String> appendAsOwner(String sessionId, String node, long firstSeq, String eventsJson, String commandKeysJson) {
        String[] keys = {key(sessionId, "owner"), key(sessionId, "log")};
        return on(redis.<String>eval(FENCED_XADD, ScriptOutputType.VALUE, keys, node, Long.toString(firstSeq), eventsJson, commandKeysJson));
    }

    /** Takes the session's lease if nobody holds it. */
    public Future<Boolean> acquireLease(String sessionId, String node, long ttlMs) {
        return on(redis.set(key(sessionId, "owner"), node, SetArgs.Builder.nx().px(ttlMs))).map("OK"::equals);
    }

    public Future<Boolean> renewLease(String sessionId, String node, long ttlMs) {
        return on(redis.<Long>eval(RENEW, ScriptOutputType.INTEGER, new String[] {key(sessionId, "owner")}, node, Long.toString(ttlMs)))
                .map(r -> r != null && r == 1L);
    }

    public Future<Void> releaseLease(String sessionId, String node) {
        return on(redis.<Long>eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key(sessionId, "owner")}, node)).mapEmpty();
    }

    public Future<String> owner(String sessionId) {
        return on(redis.get(key(sessionId, "owner")));
    }

    public Future<Long> publish(String channel, String message) {
        return on(redis.publish(channel, message));
    }

    /** Subscribes this node to a channel; messages arrive on a Lettuce thread. */
    public synchronized Future<Void> subscribe(String channel, java.util.function.Consumer<String> onMessage) {
        if (pubsub == null) {
            pubsub = client.connectPubSub();
        }
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String message) {
                if (ch.equals(channel)) {
                    onMessage.accept(message);
                }
            }
        });
        return on(pubsub.async().subscribe(channel)).mapEmpty();
    }

    /** Appends one batch of events as one stream entry: one round trip, atomic. */
    public Future<String> append(String sessionId, long firstSeq, String eventsJson, String commandKeysJson) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("seq", Long.toString(firstSeq));
        body.put("ev", eventsJson);
        body.put("cmd", commandKeysJson);
        return on(redis.xadd(key(sessionId, "log"), body));
    }

    /** Every batch after {@code afterStreamId} (all of them when null), in order. */
    public Future<List<Batch>> readAfter(String sessionId, String afterStreamId) {
        List<Batch> out = new ArrayList<>();
        return readPage(sessionId, afterStreamId, out).map(v -> out);
    }

    private Future<Void> readPage(String sessionId, String after, List<Batch> out) {
        Range<String> range = after == null
                ? Range.create("-", "+")
                : Range.from(Range.Boundary.excluding(after), Range.Boundary.unbounded());
        return on(redis.xrange(key(sessionId, "log"), range, Limit.from(PAGE))).compose(messages -> {
            for (StreamMessage<String, String> m : messages) {
                Map<String, String> b = m.getBody();
                out.add(new Batch(m.getId(), Long.parseLong(b.get("seq")), b.get("ev"), b.get("cmd")));
            }
            if (messages.size() < PAGE) {
                return Future.succeededFuture();
            }
            return readPage(sessionId, messages.get(messages.size() - 1).getId(), out);
        });
    }

    public Future<Void> saveSnapshot(String sessionId, String json) {
        return on(redis.set(key(sessionId, "snap"), json)).mapEmpty();
    }

    public Future<String> loadSnapshot(String sessionId) {
        return on(redis.get(key(sessionId, "snap")));
    }

    public Future<Void> markArchivePending(String sessionId) {
        return on(redis.sadd("atelier:archive:pending", sessionId)).mapEmpty();
    }

    public Future<List<String>> archivePending() {
        return on(redis.smembers("atelier:archive:pending")).map(ArrayList::new);
    }

    /** Once archived in PostgreSQL, the live keys expire after the retention delay. */
    public Future<Void> archived(String sessionId, String code, Duration retention) {
        long seconds = Math.max(1, retention.toSeconds());
        List<Future<?>> all = new ArrayList<>();
        all.add(on(redis.srem("atelier:archive:pending", sessionId)));
        all.add(on(redis.hset(key(sessionId, "meta"), "archivedAt", Long.toString(System.currentTimeMillis()))));
        for (String part : List.of("log", "snap", "meta")) {
            all.add(on(redis.expire(key(sessionId, part), seconds)));
        }
        if (code != null) {
            all.add(on(redis.expire(codeKey(code), seconds)));
        }
        return Future.all(all).mapEmpty();
    }

    @Override
    public void close() {
        if (pubsub != null) {
            pubsub.close();
        }
        connection.close();
        client.shutdown();
    }
}
