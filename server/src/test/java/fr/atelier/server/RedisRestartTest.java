package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis stops for a few seconds: no crash, commands are held (decision 33), and service comes back by itself. */
class RedisRestartTest {
    private TestRedis redis;
    private TestNode node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void commandsDuringARedisOutageAreHeldAndNothingAcknowledgedIsLost() throws Exception {
        Path dataDir = TestConfig.newDataDir();
        redis = new TestRedis(dataDir);
        Config config = TestConfig.embedded(dataDir).withServices(redis.url(), null);
        node = TestNode.start(config);
        Http http = node.http();
        JsonNode created = http.createSession("poll", "Coupure Redis");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        JsonNode joined = http.join(code, "Yanis");
        WsClient phone = node.connect();
        phone.hello(code, "participant", joined.get("rejoinToken").asText());
        console.command(cmd("session.start"));
        var ask = cmd("poll.ask").put("text", "Redis tiendra-t-il ?");
        ask.withArray("options").add("Oui").add("Non");
        assertThat(console.command(ask).path("type").asText()).isEqualTo("ack");

        redis.stop();
        var during = fr.atelier.workshops.core.Json.MAPPER.createObjectNode().put("type", "command").put("id", "answer-during-outage");
        during.set("command", cmd("poll.answer").put("questionId", "q1").put("option", 0));
        phone.send(during);
        Http.Response ready = node.http().get("/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(503);

        Thread.sleep(500);
        assertThat(phone.all().stream().noneMatch(m -> m.path("id").asText().equals("answer-during-outage")))
                .as("held, not refused, while Redis is away").isTrue();
        redis.start();
        JsonNode after = phone.next(m -> m.path("id").asText().equals("answer-during-outage"));
        assertThat(after.path("type").asText()).isEqualTo("ack");
        // Resent (as socket.js does after a reconnection), it is acknowledged again and applied once.
        assertThat(phone.command("answer-during-outage", cmd("poll.answer").put("questionId", "q1").put("option", 0))
                .path("type").asText()).isEqualTo("ack");
        JsonNode view = console.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 1);
        assertThat(view.path("activity").path("question").path("text").asText()).as("state from before the outage kept").isEqualTo("Redis tiendra-t-il ?");
        assertThat(node.http().get("/health/ready").status()).isEqualTo(200);
    }
}
