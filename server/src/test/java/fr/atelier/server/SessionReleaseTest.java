package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.live.LiveStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 7: nothing is held for ever. An ended session is released from memory once archived
 * although a phone still shows its end screen; a session never ended has keys that expire.
 */
class SessionReleaseTest {
    private TestNode node;
    private LiveStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anEndedSessionIsReleasedOnceArchivedWhileAPhoneKeepsItsFinalView() throws Exception {
        node = TestNode.fastest();
        Http http = node.http();
        JsonNode created = http.createSession("poll", "Fin de séance");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        WsClient phone = node.connect();
        phone.hello(code, "participant", http.join(code, "Léa").get("rejoinToken").asText());
        console.command(cmd("session.start"));
        assertThat(node.server().registry().hostedCount()).isEqualTo(1);
        assertThat(console.command(cmd("session.end")).path("type").asText()).isEqualTo("ack");
        phone.awaitView(v -> v.path("session").path("phase").asText().equals("ENDED"));
        console.close();

        long deadline = System.currentTimeMillis() + 20_000;
        while (node.server().registry().hostedCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(node.server().registry().hostedCount()).as("released once archived, a phone still connected").isZero();
        Thread.sleep(2500); // a few lease rounds: nothing reloads it for the watching phone
        assertThat(node.server().registry().hostedCount()).isZero();
        assertThat(phone.isClosed()).isFalse();
        assertThat(phone.awaitView(v -> true).path("session").path("phase").asText()).as("the final view stays").isEqualTo("ENDED");
    }

    @Test
    void aSessionNeverEndedHasKeysThatExpire() {
        node = TestNode.fastest();
        Http http = node.http();
        JsonNode created = http.createSession("poll", "Oubliée");
        String code = created.get("code").asText();
        String sessionId = node.server().registry().sessionIdFor(code).await();
        store = new LiveStore(node.server().vertx(), node.server().redisUrl());
        for (String part : new String[] {"meta", "log"}) {
            long ttl = store.ttlSeconds(sessionId, part).await();
            System.out.println(part + " expires in " + ttl + " s");
            assertThat(ttl).as(part).isPositive().isLessThanOrEqualTo(LiveStore.ABANDONED_AFTER.toSeconds());
        }
    }
}
