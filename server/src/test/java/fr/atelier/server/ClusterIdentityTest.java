package fr.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.atelier.server.infra.StartupError;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nodes sharing a Redis must share one PostgreSQL database, or each archives into its own (issue
 * 12, item 9). Two databases of the external PostgreSQL, one external Redis; the cluster name is
 * this test's own, so other tests on the same Redis are not concerned.
 */
class ClusterIdentityTest {
    @Test
    void aNodeOnAnotherDatabaseOfTheSameRedisRefusesToStartButARedisThatLostItsDataDoesNotBlockARestart() {
        Config a = TestServers.external();
        String key = "atelier:cluster:" + a.clusterName();
        Map<String, String> onOtherDb = ServerProcess.env(a);
        onOtherDb.put("ATELIER_DATABASE_URL", TestServers.freshExternalDatabase());
        onOtherDb.put("ATELIER_DATA_DIR", TestServers.newDataDir().toString());
        RedisClient client = RedisClient.create(TestServers.EXTERNAL_REDIS);
        AtelierServer nodeA = AtelierServer.start(a);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            String id = redis.sync().get(key);
            assertThat(id).isNotBlank().isEqualTo(new Pg(a.databaseUrl()).value("select value from setting where name = 'cluster_id'"));

            // A fresh database on this Redis: refused, the process exits non-zero.
            try (ServerProcess b = ServerProcess.start(onOtherDb)) {
                assertThat(b.awaitExit(Duration.ofSeconds(180))).as("exit code").isNotZero();
                assertThat(b.output()).contains("Atelier cannot start", "already serves the Atelier installation " + id);
            }

            // A database that served another installation: both hold an id and they differ.
            Map<String, String> elsewhere = new java.util.HashMap<>(onOtherDb);
            elsewhere.put("ATELIER_CLUSTER_NAME", TestServers.throwawayClusterName());
            AtelierServer.start(Config.from(elsewhere)).close();
            assertThatThrownBy(() -> AtelierServer.start(Config.from(onOtherDb)))
                    .isInstanceOf(StartupError.class)
                    .hasMessageContaining("serves the Atelier installation " + id)
                    .hasMessageContaining("belongs to the installation");
            assertThat(new Http(nodeA.port()).get("/health/ready").status()).as("node A untouched").isEqualTo(200);

            // Redis lost its data: the restart takes the database's id again.
            nodeA.close();
            redis.sync().del(key);
            nodeA = AtelierServer.start(a);
            assertThat(redis.sync().get(key)).isEqualTo(id);
        } finally {
            nodeA.close();
            client.shutdown();
        }
    }
}
