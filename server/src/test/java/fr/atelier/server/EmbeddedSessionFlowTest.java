package fr.atelier.server;

import org.junit.jupiter.api.BeforeAll;

/** The flow on the embedded default: embedded Redis (AOF) and embedded PostgreSQL. */
class EmbeddedSessionFlowTest extends LiveSessionFlowTest {
    @BeforeAll
    static void start() {
        startServer(TestConfig.embedded(TestConfig.newDataDir()));
    }
}
