package fr.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.http.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Join codes cannot be found by brute force, yet a whole room behind one address can join. */
class JoinRateLimitTest {
    static AtelierServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = AtelierServer.start(TestServers.fastest());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aWholeRoomJoinsFromOneAddressButGuessingCodesIsBlocked() {
        JsonNode created = http.createSession("poll", "Forum");
        String code = created.get("code").asText();
        for (int i = 0; i < 60; i++) {
            assertThat(http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Visiteur " + i + "\"}").status())
                    .as("join %d from the venue's single address", i).isEqualTo(201);
        }
        for (int i = 0; i <= HttpApi.CODE_MISSES_PER_MINUTE; i++) {
            assertThat(http.get("/api/sessions/ZZZZZ" + (char) ('A' + i % 20)).status()).isEqualTo(404);
        }
        assertThat(http.get("/api/sessions/ZZZZZZ").status()).isEqualTo(429);
        Http.Response blocked = http.get("/api/sessions/" + code);
        assertThat(blocked.status()).as("even a real code is refused to a guesser for a minute").isEqualTo(429);
        assertThat(blocked.json().path("error").path("message").asText()).contains("minute");
    }
}
