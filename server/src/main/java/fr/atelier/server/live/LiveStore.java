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
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

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

    /**
     * Keys of a session that never ends (a facilitator who closed the laptop) expire after this
     * delay since its creation: a live workshop lasts hours, not weeks (decision 32).
     */
    public static final Duration ABANDONED_AFTER = Duration.ofDays(30);
    /**
     * Lettuce reconnects with this back-off while Redis is away: at most half a second between
     * attempts, so commands go through within a second of Redis answering again (issue 12).
     */
    static final Duration RECONNECT_MIN = Duration.ofMillis(50);
    static final Duration RECONNECT_MAX = Duration.ofMillis(500);

    /**
     * Appends only while the caller holds the session's lease, under the fencing token it got when it
     * took the lease: a node that lost it, even one that took it back since, cannot write with it.
     */
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
    /**
     * Takes a free lease under a new fencing token {@code node#epoch}; the epoch only grows, so even the
     * same node taking its session back gets a new token (relays compare tokens, not node names).
     */
    private static final String ACQUIRE = """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return false
            end
            local epoch = redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            local token = ARGV[1] .. '#' .. epoch
            redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
            return token
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private static final String HAND_OVER = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
            return 1
            """;

    /** One stored batch of events, as read back from the stream. */
    public record Batch(String streamId, long firstSeq, String eventsJson, String commandKeysJson) {}

    private final ClientResources resources;

    /** The retry set every installation shared before it had its own (read once more after an upgrade). */
    static final String LEGACY_PENDING_KEY = "atelier:archive:pending";
    private final String pendingKey;
    /** Sessions not archived yet, scored by creation time: the idle sweep's list (issue 18). */
    private final String openKey;

    public LiveStore(Vertx vertx, String url) {
        this(vertx, url, "default");
    }

    /**
     * {@code installation} names this installation on a Redis that several may share (the cluster
     * name): the archive's retry set is its own, so a node never archives another installation's
     * session into its database.
     */
    public LiveStore(Vertx vertx, String url, String installation) {
        this.vertx = vertx;
        this.pendingKey = "atelier:" + installation + ":archive:pending";
        this.openKey = "atelier:" + installation + ":open";
        // Lettuce's default reconnect back-off grows to 30 s: after a long outage the first command
        // went through seconds after Redis was back.
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(RECONNECT_MIN, RECONNECT_MAX, 2, TimeUnit.MILLISECONDS)).build();
        this.client = RedisClient.create(resources, RedisURI.create(url));
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
        return on(redis.set(codeKey(code), sessionId, SetArgs.Builder.nx().ex(ABANDONED_AFTER.toSeconds()))).map("OK"::equals);
    }

    /**
     * Reserves a join code for {@code holder} (a session prepared ahead) until {@code ttl}; false if
     * taken. Live creation uses NX too, so no live session takes a reserved code (issue 14).
     */
    public Future<Boolean> claimCode(String code, String holder, Duration ttl) {
        return on(redis.set(codeKey(code), holder, SetArgs.Builder.nx().ex(Math.max(1, ttl.toSeconds())))).map("OK"::equals);
    }

    /** Gives a reserved code to the live session; false unless the code is still held by {@code holder}. */
    public Future<Boolean> handOverCode(String code, String holder, String sessionId) {
        return on(redis.<Long>eval(HAND_OVER, ScriptOutputType.INTEGER, new String[] {codeKey(code)}, holder, sessionId,
                Long.toString(ABANDONED_AFTER.toSeconds()))).map(r -> r != null && r == 1L);
    }

    /** A short-lived value of the workspace (a prepared session's host token), under {@code atelier:ws:}. */
    public Future<Void> keep(String name, String value, Duration ttl) {
        return on(redis.set("atelier:ws:" + name, value, SetArgs.Builder.ex(Math.max(1, ttl.toSeconds())))).mapEmpty();
    }

    public Future<String> kept(String name) {
        return on(redis.get("atelier:ws:" + name));
    }

    public Future<String> sessionIdForCode(String code) {
        return on(redis.get(codeKey(code)));
    }

    public Future<Void> saveMeta(String sessionId, Map<String, String> meta) {
        return on(redis.hset(key(sessionId, "meta"), meta))
                .compose(n -> on(redis.expire(key(sessionId, "meta"), ABANDONED_AFTER.toSeconds()))).mapEmpty();
    }

    public Future<Map<String, String>> meta(String sessionId) {
        return on(redis.hgetall(key(sessionId, "meta")));
    }

    /** Appends one batch as one stream entry (one round trip, atomic) if {@code lease} is the session's current lease. */
    public Future<String> appendAsOwner(String sessionId, String lease, long firstSeq, String eventsJson, String commandKeysJson) {
        String[] keys = {key(sessionId, "owner"), key(sessionId, "log")};
        return on(redis.<String>eval(FENCED_XADD, ScriptOutputType.VALUE, keys, lease, Long.toString(firstSeq), eventsJson, commandKeysJson));
    }

    /** True when a write failed because the writer's lease is gone (fenced), not because Redis is away. */
    public static boolean notOwner(Throwable e) {
        return e != null && String.valueOf(e.getMessage()).contains("NOTOWNER");
    }

    /** Takes the session's lease if nobody holds it: its fencing token, or null if another holds it. */
    public Future<String> acquireLease(String sessionId, String node, long ttlMs) {
        String[] keys = {key(sessionId, "owner"), key(sessionId, "epoch")};
        return on(redis.<String>eval(ACQUIRE, ScriptOutputType.VALUE, keys, node, Long.toString(ttlMs),
                Long.toString(ABANDONED_AFTER.toMillis())));
    }

    public Future<Boolean> renewLease(String sessionId, String lease, long ttlMs) {
        return on(redis.<Long>eval(RENEW, ScriptOutputType.INTEGER, new String[] {key(sessionId, "owner")}, lease, Long.toString(ttlMs)))
                .map(r -> r != null && r == 1L);
    }

    public Future<Void> releaseLease(String sessionId, String lease) {
        return on(redis.<Long>eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key(sessionId, "owner")}, lease)).mapEmpty();
    }

    /** The session's current lease ({@code node#epoch}), or null when nobody holds it. */
    public Future<String> owner(String sessionId) {
        return on(redis.get(key(sessionId, "owner")));
    }

    /** The node named in a lease token. */
    public static String leaseNode(String lease) {
        if (lease == null) {
            return null;
        }
        int hash = lease.lastIndexOf('#');
        return hash < 0 ? lease : lease.substring(0, hash);
    }

    /** Seconds before a session's keys expire (-1: never, -2: gone); for tests and operators. */
    public Future<Long> ttlSeconds(String sessionId, String part) {
        return on(redis.ttl(key(sessionId, part)));
    }

    public Future<Long> publish(String channel, String message) {
        return on(redis.publish(channel, message));
    }

    /** How many connections listen on a channel (a node listens on its own while it lives). */
    public Future<Long> subscribers(String channel) {
        return on(redis.pubsubNumsub(channel)).map(m -> m.getOrDefault(channel, 0L));
    }

    /** Subscribes this node to a channel; messages arrive on a Lettuce thread. */
    public Future<Void> subscribe(String channel, java.util.function.Consumer<String> onMessage) {
        return subscribe(channel, onMessage, () -> { });
    }

    /**
     * Same, and {@code onResubscribed} runs (on a Lettuce thread) each time the subscription is made
     * again after the link to Redis was lost: messages published meanwhile were lost.
     */
    public synchronized Future<Void> subscribe(String channel, java.util.function.Consumer<String> onMessage, Runnable onResubscribed) {
        if (pubsub == null) {
            pubsub = client.connectPubSub();
        }
        java.util.concurrent.atomic.AtomicInteger subscriptions = new java.util.concurrent.atomic.AtomicInteger();
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String message) {
                if (ch.equals(channel)) {
                    onMessage.accept(message);
                }
            }

            @Override
            public void subscribed(String ch, long count) {
                if (ch.equals(channel) && subscriptions.incrementAndGet() > 1) {
                    onResubscribed.run();
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
        return on(redis.xadd(key(sessionId, "log"), body))
                .compose(id -> on(redis.expire(key(sessionId, "log"), ABANDONED_AFTER.toSeconds())).map(x -> id));
    }

    /** A new session joins the idle sweep's list. */
    public Future<Void> markOpen(String sessionId, long createdAtMillis) {
        return on(redis.zadd(openKey, (double) createdAtMillis, sessionId)).mapEmpty();
    }

    /** Sessions not archived yet, oldest first. */
    public Future<List<String>> openSessions() {
        return on(redis.zrange(openKey, 0, -1));
    }

    public Future<Void> forgetOpen(String sessionId) {
        return on(redis.zrem(openKey, sessionId)).mapEmpty();
    }

    /** When the session's last batch of events was written (the stream id's time), null when it has no log. */
    public Future<Long> lastEventMillis(String sessionId) {
        return on(redis.xrevrange(key(sessionId, "log"), Range.unbounded(), Limit.from(1))).map(list -> {
            if (list == null || list.isEmpty()) {
                return null;
            }
            String id = list.get(0).getId();
            return Long.parseLong(id.substring(0, id.indexOf('-')));
        });
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
        return on(redis.set(key(sessionId, "snap"), json, SetArgs.Builder.ex(ABANDONED_AFTER.toSeconds()))).mapEmpty();
    }

    public Future<String> loadSnapshot(String sessionId) {
        return on(redis.get(key(sessionId, "snap")));
    }

    public Future<Void> markArchivePending(String sessionId) {
        return on(redis.sadd(pendingKey, sessionId)).mapEmpty();
    }

    /** This installation's sessions waiting for their archive, and those of the set shared before it had its own. */
    public Future<List<String>> archivePending() {
        return on(redis.sunion(pendingKey, LEGACY_PENDING_KEY)).map(ArrayList::new);
    }

    /** Once archived in PostgreSQL, the live keys expire after the retention delay. */
    public Future<Void> archived(String sessionId, String code, Duration retention) {
        long seconds = Math.max(1, retention.toSeconds());
        List<Future<?>> all = new ArrayList<>();
        all.add(on(redis.srem(pendingKey, sessionId)));
        all.add(on(redis.zrem(openKey, sessionId)));
        all.add(on(redis.srem(LEGACY_PENDING_KEY, sessionId)));
        all.add(on(redis.hset(key(sessionId, "meta"), "archivedAt", Long.toString(System.currentTimeMillis()))));
        for (String part : List.of("log", "snap", "meta", "epoch")) {
            all.add(on(redis.expire(key(sessionId, part), seconds)));
        }
        if (code != null) {
            all.add(on(redis.expire(codeKey(code), seconds)));
        }
        return Future.all(all).mapEmpty();
    }

    /**
     * Drops an archived session's live copy at once (issue 19: its participants' data erased on request),
     * instead of waiting for the retention delay. Its code becomes free.
     */
    public Future<Void> forget(String sessionId, String code) {
        List<String> keys = new ArrayList<>();
        for (String part : List.of("log", "snap", "meta", "epoch", "owner")) {
            keys.add(key(sessionId, part));
        }
        List<Future<?>> all = new ArrayList<>();
        // One DEL per key: the session's keys share a hash slot, the code's may not.
        keys.forEach(k -> all.add(on(redis.del(k))));
        if (code != null) {
            all.add(on(redis.<Long>eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
                    ScriptOutputType.INTEGER, new String[] {codeKey(code)}, sessionId)));
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
        resources.shutdown();
    }
}
