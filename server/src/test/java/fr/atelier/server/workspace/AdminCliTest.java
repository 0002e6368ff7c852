package fr.atelier.server.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.AtelierServer;
import fr.atelier.server.Config;
import fr.atelier.server.TestConfig;
import fr.atelier.server.workspace.accounts.AdminCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code atelier.jar admin invite} on the embedded default with no server running: it starts the embedded PostgreSQL itself. */
class AdminCliTest {

    @Test
    void invitesOnAStoppedEmbeddedInstallationThenTheServerHonoursTheLink() {
        Path dir = TestConfig.newDataDir();
        Config config = TestConfig.embedded(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AdminCli.run(new String[] {"admin", "invite", "Premiere.Admin@Region.fr", "--role", "admin"}, config.adminTarget(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("premiere.admin@region.fr").contains("/mot-de-passe#t=");
        String token = AccountFlowsTest.token(printed.lines().filter(l -> l.contains("#t=")).findFirst().orElseThrow());

        // The command let go of the folder: the server starts on it and knows the link.
        AtelierServer server = AtelierServer.start(config);
        try {
            var described = new Browser(server.port()).post("/api/auth/link", "{\"token\":\"" + token + "\"}");
            assertThat(described.status()).isEqualTo(200);
            assertThat(described.json().get("email").asText()).isEqualTo("premiere.admin@region.fr");
        } finally {
            server.close();
        }
    }

    @Test
    void badUsageSaysHowAndChangesNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Config config = TestConfig.embedded(TestConfig.newDataDir());
        assertThat(AdminCli.run(new String[] {"admin", "invite"}, config.adminTarget(), System.out, e)).isEqualTo(2);
        assertThat(AdminCli.run(new String[] {"admin", "invite", "x@y.fr", "--role", "chef"}, config.adminTarget(), System.out, e)).isEqualTo(2);
        assertThat(AdminCli.run(new String[] {"admin", "invite", "pas-une-adresse", "--role", "admin"}, config.adminTarget(), System.out, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage : java -jar atelier.jar admin invite EMAIL").contains("Adresse e-mail invalide");
    }
}
