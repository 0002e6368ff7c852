package fr.atelier.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.Config;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import fr.atelier.server.TestNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 2: the idle clock is Redis's, not a JVM timer. A session left idle while its node is
 * down is ended by the node that starts again, once, and archived as closed by the system.
 */
class IdleEndRestartTest {
    @Test
    void aSessionLeftIdleAcrossARestartIsEndedOnceByTheSystem() {
        Config config = TestConfig.external(Map.of("ATELIER_IDLE_END_HOURS", "0.002"));
        assertThat(config.idleEnd()).isEqualTo(Duration.ofMillis(7_200));
        String code;
        TestNode first = TestNode.start(config);
        try {
            Http http = first.http();
            code = http.post("/api/sessions", "{\"format\":\"poll\",\"title\":\"Oubliée au redémarrage\"}").json().path("code").asText();
            assertThat(http.post("/api/sessions/" + code + "/join", "{\"nickname\":\"Lou\"}").status()).isEqualTo(201);
        } finally {
            first.close();
        }
        TestNode again = TestNode.start(config);
        try {
            Pg pg = new Pg(again.server().databaseUrl());
            assertThat(pg.await("system"::equals, "select closed_by from session where code = ? and ended_at is not null", code))
                    .isEqualTo("system");
            String id = (String) pg.value("select id from session where code = ?", code);
            assertThat(((Number) pg.value("select count(*) from session_event where session_id = ? and type = 'session.ended'", id)).intValue())
                    .isEqualTo(1);
            // A later sweep finds nothing more to end: the archive took it off the open list.
            assertThat(again.server().idleSessions().sweep(System.currentTimeMillis() + 3_600_000L).await()).isZero();
        } finally {
            again.close();
        }
    }
}
