package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 1: the owning node loses its lease (the key vanishes, as after a Redis outage or a
 * long pause) and takes it back itself. Phones and the projector connected through the other node
 * must keep receiving views: relays follow the lease's fencing token, not the owner's name.
 */
class LeaseLossTest {
    private final List<ServerProcess> nodes = new ArrayList<>();
    private RedisClient redisClient;

    /** A node in a process of its own on the shared Redis and PostgreSQL, ready. */
    private ServerProcess node(String name, Config shared) {
        Map<String, String> env = TestConfig.env(shared);
        env.put("ATELIER_NODE_ID", name);
        env.put("ATELIER_DATA_DIR", TestConfig.newDataDir().toString());
        ServerProcess p = ServerProcess.start(env);
        nodes.add(p);
        p.awaitReady(Duration.ofSeconds(120));
        return p;
    }

    @AfterEach
    void stop() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        if (redisClient != null) {
            redisClient.shutdown();
        }
    }

    @Test
    void viewsKeepReachingTheOtherNodeAfterTheOwnerLosesAndRetakesItsLease() throws Exception {
        Config shared = TestConfig.external();
        ServerProcess a = node("node-a", shared);
        ServerProcess b = node("node-b", shared);
        Http httpA = a.http();
        JsonNode created = httpA.createSession("poll", "Bail perdu");
        String code = created.get("code").asText();
        redisClient = RedisClient.create(shared.redisUrl());
        StatefulRedisConnection<String, String> redis = redisClient.connect();
        String sessionId = redis.sync().get("atelier:code:" + code);
        assertThat(sessionId).as("the join code's index").isNotBlank();

        WsClient console = a.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        assertThat(hosted(a)).as("the facilitator's node hosts the session").isEqualTo(1);
        WsClient screenOnB = b.connect();
        screenOnB.hello(code, "screen", null);
        WsClient phoneOnB = b.connect();
        phoneOnB.hello(code, "participant", httpA.join(code, "Inès").get("rejoinToken").asText());
        // Watchers on both nodes: whichever node owns the session, the other's are relayed.
        WsClient screenOnA = a.connect();
        screenOnA.hello(code, "screen", null);
        WsClient phoneOnA = a.connect();
        phoneOnA.hello(code, "participant", httpA.join(code, "Malo").get("rejoinToken").asText());
        console.command(cmd("session.start"));
        phoneOnB.awaitView(v -> v.path("session").path("phase").asText().equals("ACTIVITY"));

        String ownerKey = "atelier:{" + sessionId + "}:owner";
        String before = redis.sync().get(ownerKey);
        assertThat(before).startsWith("node-a");

        // Six forced lease losses, as in the operator's rounds: each time node A takes its session back.
        for (int round = 1; round <= 6; round++) {
            String lost = redis.sync().get(ownerKey);
            redis.sync().del(ownerKey);
            String now = null;
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                now = redis.sync().get(ownerKey);
                if (now != null) {
                    break;
                }
                Thread.sleep(50);
            }
            System.out.println("round " + round + ": lease " + lost + " -> " + now);
            assertThat(now).as("a lease taken again after the loss").isNotNull();
            Thread.sleep(1500); // the relay on B notices the new epoch within a second

            var ask = cmd("poll.ask").put("text", "Question " + round);
            ask.withArray("options").add("Oui").add("Non");
            assertThat(console.command(ask).path("type").asText()).isEqualTo("ack");
            String qid = "q" + round;
            phoneOnB.awaitView(v -> v.path("activity").path("question").path("id").asText().equals(qid)
                    && v.path("activity").path("question").path("status").asText().equals("OPEN"));
            phoneOnA.awaitView(v -> v.path("activity").path("question").path("id").asText().equals(qid));
            assertThat(phoneOnB.command(cmd("poll.answer").put("questionId", qid).put("option", 1)).path("type").asText()).isEqualTo("ack");
            assertThat(phoneOnA.command(cmd("poll.answer").put("questionId", qid).put("option", 0)).path("type").asText()).isEqualTo("ack");
            phoneOnB.awaitView(v -> v.path("activity").path("question").path("myAnswer").asInt(-1) == 1
                    && v.path("activity").path("question").path("id").asText().equals(qid));
            phoneOnA.awaitView(v -> v.path("activity").path("question").path("myAnswer").asInt(-1) == 0
                    && v.path("activity").path("question").path("id").asText().equals(qid));
            for (WsClient watcher : List.of(screenOnA, screenOnB, console)) {
                watcher.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 2
                        && v.path("activity").path("question").path("id").asText().equals(qid));
            }
            console.command(cmd("poll.close").put("questionId", qid));
        }
        System.out.println("hosted: node A " + hosted(a) + ", node B " + hosted(b)
                + "; lease " + redis.sync().get(ownerKey));
    }

    /** Sessions a node hosts, as its /metrics reports them. */
    private static int hosted(ServerProcess node) {
        return node.http().gauge("atelier_sessions_hosted");
    }
}
