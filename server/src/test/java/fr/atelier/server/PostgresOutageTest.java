package fr.atelier.server;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL is down when a session ends: the archive waits in Redis and lands once it is back. */
class PostgresOutageTest {
    private EmbeddedPostgres postgres;
    private TestNode node;

    private EmbeddedPostgres postgresOn(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anArchiveThatFailedIsRetriedAndNothingIsLost() throws Exception {
        Path dataDir = TestConfig.newDataDir();
        Path pgDir = Files.createDirectories(dataDir.resolve("external-pg"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        postgres = postgresOn(pgDir, port);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        node = TestNode.start(TestConfig.embedded(dataDir).withServices(null, url));
        Http http = node.http();
        JsonNode created = http.createSession("poll", "Base en panne");
        String code = created.get("code").asText();
        String host = created.get("hostToken").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", host);
        JsonNode joined = http.join(code, "Maëlle");
        WsClient phone = node.connect();
        phone.hello(code, "participant", joined.get("rejoinToken").asText());
        console.command(cmd("session.openSatisfaction"));
        assertThat(phone.command(cmd("session.rate").put("score", 5).put("comment", "Parfait")).path("type").asText()).isEqualTo("ack");

        postgres.close();
        postgres = null;
        assertThat(console.command(cmd("session.end")).path("type").asText()).as("ending does not need PostgreSQL").isEqualTo("ack");
        Thread.sleep(4000); // the first archive attempt fails (connection timeout 3 s)
        assertThat(http.get("/api/sessions/" + code + "/synthesis", host).status()).as("live synthesis still served").isEqualTo(200);

        postgres = postgresOn(pgDir, port);
        Pg pg = new Pg(url);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && !Long.valueOf(1L).equals(pg.value("select count(*) from session where code = ?", code))) {
            node.server().archiver().retryPending().await(); // what the periodic retry (every 15 s) does
            Thread.sleep(250);
        }
        assertThat(pg.value("select count(*) from session where code = ?", code)).isEqualTo(1L);
        assertThat(pg.value("select comment from satisfaction_answer s join session x on x.id = s.session_id where x.code = ?", code))
                .isEqualTo("Parfait");
    }
}
