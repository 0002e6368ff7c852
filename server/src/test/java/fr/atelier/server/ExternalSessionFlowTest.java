package fr.atelier.server;

import org.junit.jupiter.api.BeforeAll;

/** The flow against external servers (this machine's Redis and PostgreSQL), through ATELIER_*_URL. */
class ExternalSessionFlowTest extends LiveSessionFlowTest {
    @BeforeAll
    static void start() {
        startServer(TestConfig.external());
    }
}
