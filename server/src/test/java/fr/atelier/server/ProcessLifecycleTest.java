package fr.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nodes as real processes (issue 12, items 2 and 6): one data folder has one server, a node that
 * cannot start exits non-zero at once, a clean stop hands sessions back before Redis stops, and
 * readiness says 503 (not 500) when PostgreSQL is gone.
 */
class ProcessLifecycleTest {
    private static final Duration START = Duration.ofSeconds(180);

    @Test
    void aSecondServerOnTheSameDataFolderExitsAtOnceAndLeavesTheFirstAloneThenAKilledOnesLockIsTakenOver() {
        Path dataDir = TestConfig.newDataDir();
        Map<String, String> env = TestConfig.env(TestConfig.embedded(dataDir));
        try (ServerProcess first = ServerProcess.start(env)) {
            first.awaitReady(START);
            Http http = first.http();
            String code = http.createSession("poll", "Un dossier, un serveur").get("code").asText();

            try (ServerProcess second = ServerProcess.start(env)) {
                long t0 = System.nanoTime();
                assertThat(second.awaitExit(Duration.ofSeconds(60))).as("exit code").isNotZero();
                assertThat((System.nanoTime() - t0) / 1_000_000).as("refused at once (ms)").isLessThan(30_000);
                assertThat(second.output()).contains("is in use by another Atelier server", dataDir.toString());
            }
            ServerProcess.sleep(1000);
            assertThat(http.get("/health/ready").status()).as("the first keeps its Redis and PostgreSQL").isEqualTo(200);
            assertThat(http.get("/api/sessions/" + code).status()).isEqualTo(200);
            assertThat(first.output()).doesNotContain("Cannot reconnect", "Currently not connected");

            // kill -9: the operating system drops the lock, the first's Redis and PostgreSQL stay behind.
            first.kill9();
            try (ServerProcess third = ServerProcess.start(env)) {
                third.awaitReady(START);
                assertThat(third.output()).contains("taking over the data folder");
                assertThat(third.http().get("/api/sessions/" + code).status()).as("nothing lost").isEqualTo(200);
            }
        } finally {
            stopLeftovers(dataDir);
        }
    }

    @Test
    void aCleanStopHandsSessionsBackBeforeItsRedisStops() throws IOException {
        // The embedded Redis is what the stop sequence must stop last; PostgreSQL may be external (faster start).
        Config base = TestConfig.fastest();
        Map<String, String> env = TestConfig.env(base);
        env.remove("ATELIER_REDIS_URL");
        try (ServerProcess node = ServerProcess.start(env)) {
            node.awaitReady(START);
            Http http = node.http();
            List<String> codes = new ArrayList<>();
            for (String title : List.of("Arrêt propre", "Arrêt propre, bis")) {
                JsonNode created = http.createSession("poll", title);
                // A connected console makes the node host the session: it holds its lease in Redis.
                WsClient console = node.connect();
                assertThat(console.hello(created.get("code").asText(), "facilitator", created.get("hostToken").asText())
                        .path("type").asText()).isEqualTo("welcome");
                codes.add(created.get("code").asText());
            }
            node.stop(Duration.ofSeconds(60));
            String output = node.output();
            assertThat(output)
                    .contains("Atelier stopped: sessions handed back")
                    .doesNotContain("Currently not connected", "Cannot reconnect", "error while stopping");
            // Redis's own record: each hosted session's lease was deleted (released) before Redis stopped.
            String aof = Files.readString(base.dataDir().resolve("redis/appendonly.aof"), StandardCharsets.ISO_8859_1);
            for (String code : codes) {
                Matcher m = Pattern.compile("session=\"([^\"]+)\" code=\"" + code + "\"").matcher(output);
                assertThat(m.find()).as("session of %s in the log", code).isTrue();
                assertThat(aof).as("lease of %s released", code)
                        .containsPattern("(?i)DEL\r\n\\$\\d+\r\natelier:\\{" + Pattern.quote(m.group(1)) + "\\}:owner\r\n");
            }
        } finally {
            stopLeftovers(base.dataDir());
        }
    }

    @Test
    void aTakenPortMakesTheNodeExitNonZero() throws IOException {
        Config base = TestConfig.fastest();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Map<String, String> env = TestConfig.env(base);
            env.put("ATELIER_HTTP_PORT", Integer.toString(taken.getLocalPort()));
            try (ServerProcess node = ServerProcess.start(env)) {
                assertThat(node.awaitExit(START)).as("exit code").isNotZero();
                assertThat(node.output()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
                // One line a facilitator can act on, in French and English, no stack trace (issue 20).
                assertThat(node.output()).contains("Le port " + taken.getLocalPort() + " est déjà pris", "ATELIER_HTTP_PORT")
                        .doesNotContain("\tat ");
            }
        } finally {
            stopLeftovers(base.dataDir());
        }
    }

    @Test
    void readinessAnswers503WhenPostgresqlIsDown() throws Exception {
        Path dataDir = TestConfig.newDataDir();
        int pgPort;
        try (ServerSocket s = new ServerSocket(0)) {
            pgPort = s.getLocalPort();
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createDirectories(dataDir.resolve("external-pg")))
                .setCleanDataDirectory(false).setPort(pgPort).start();
        TestNode node = null;
        try {
            node = TestNode.start(TestConfig.embedded(dataDir).withServices(null, postgres.getJdbcUrl("postgres", "postgres")));
            Http http = node.http();
            assertThat(http.get("/health/ready").status()).isEqualTo(200);
            postgres.close();
            postgres = null;
            Http.Response ready = http.get("/health/ready");
            assertThat(ready.status()).as(ready.body()).isEqualTo(503);
            assertThat(ready.json().path("checks").toString()).contains("postgresql");
            assertThat(http.get("/health/live").status()).isEqualTo(200);
        } finally {
            if (node != null) {
                node.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** Redis and PostgreSQL that a killed or failed node left in its data folder. */
    static void stopLeftovers(Path dataDir) {
        for (Path pidFile : new Path[] {dataDir.resolve("redis/redis.pid"), dataDir.resolve("postgres/postmaster.pid")}) {
            try {
                if (Files.exists(pidFile)) {
                    String pid = Files.readString(pidFile).lines().findFirst().orElse("").trim();
                    Optional<ProcessHandle> p = pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
                    p.filter(h -> h.info().command().map(c -> c.contains("redis") || c.contains("postgres")).orElse(false))
                            .ifPresent(h -> {
                                h.destroy();
                                h.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                                    h.destroyForcibly();
                                    return h;
                                }).join();
                            });
                }
            } catch (IOException | RuntimeException ignored) {
                // best effort
            }
        }
    }
}
