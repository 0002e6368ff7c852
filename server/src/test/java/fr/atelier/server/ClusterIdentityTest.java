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
        Config a = TestConfig.external();
        String key = "atelier:cluster:" + a.clusterName();
        Map<String, String> onOtherDb = TestConfig.env(a);
        onOtherDb.put("ATELIER_DATABASE_URL", TestConfig.freshExternalDatabase());
        onOtherDb.put("ATELIER_DATA_DIR", TestConfig.newDataDir().toString());
        RedisClient client = RedisClient.create(TestConfig.EXTERNAL_REDIS);
        TestNode nodeA = TestNode.start(a);
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
            elsewhere.put("ATELIER_CLUSTER_NAME", TestConfig.throwawayClusterName());
            TestNode.start(Config.from(elsewhere)).close();
            assertThatThrownBy(() -> TestNode.start(Config.from(onOtherDb)))
                    .isInstanceOf(StartupError.class)
                    .hasMessageContaining("serves the Atelier installation " + id)
                    .hasMessageContaining("belongs to the installation");
            assertThat(nodeA.http().get("/health/ready").status()).as("node A untouched").isEqualTo(200);

            // Redis lost its data: the restart takes the database's id again.
            nodeA.close();
            redis.sync().del(key);
            nodeA = nodeA.restart();
            assertThat(redis.sync().get(key)).isEqualTo(id);
        } finally {
            nodeA.close();
            client.shutdown();
        }
    }
}
