package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.TestConfig;
import fr.atelier.server.TestNode;
import fr.atelier.server.Pg;
import fr.atelier.server.workspace.sso.TestProvider;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Se connecter avec ProConnect" on the sign-in page, against a real OpenID Connect provider run
 * here: a known address signs in; an address of a domain no territory allowed gets the French page
 * that says whom to ask. axe-core on both.
 */
class SsoBrowserTest extends BrowserTestBase {
    private static TestProvider provider;
    private static Pg pg;

    @BeforeAll
    static void startServer() {
        requireChromium();
        provider = new TestProvider();
        node = TestNode.start(TestConfig.external(Map.of(
                "ATELIER_OIDC_ISSUER", provider.issuer(),
                "ATELIER_OIDC_CLIENT_ID", TestProvider.CLIENT_ID,
                "ATELIER_OIDC_CLIENT_SECRET", TestProvider.CLIENT_SECRET)));
        base = "http://127.0.0.1:" + node.port();
        pg = new Pg(node.server().databaseUrl());
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void signInWithProConnectOrBeToldWhomToAsk() {
        String email = "anim-" + UUID.randomUUID().toString().substring(0, 6) + "@cio-dreux.fr";
        pg.rows("insert into account (id, email, display_name, role, created_at) values (?, ?, 'Camille Martin', 'facilitator', ?) returning id",
                "a_" + UUID.randomUUID().toString().substring(0, 12), email, OffsetDateTime.now());
        provider.nextLoginAs(email, Map.of());

        WebDriver b = desktop();
        b.get(base + "/connexion");
        assertThat(await(b, "sso-button").getText()).isEqualTo("Se connecter avec ProConnect");
        Accessibility.check(b, "sso-sign-in");
        shot(b, "sso-sign-in");
        click(b, "sso-button");
        new WebDriverWait(b, WAIT).until(d -> d.getCurrentUrl().equals(base + "/"));
        b.get(base + "/connexion");
        awaitText(b, "signed-in-as", t -> t.contains("Camille Martin"));

        provider.nextLoginAs("quelqu.un@ailleurs.fr", Map.of());
        WebDriver other = desktop();
        other.get(base + "/connexion");
        click(other, "sso-button");
        new WebDriverWait(other, WAIT).until(d -> d.findElement(By.tagName("h1")).getText().contains("Pas de compte Atelier"));
        assertThat(other.findElement(By.tagName("main")).getText())
                .contains("Aucun compte Atelier n'existe pour quelqu.un@ailleurs.fr")
                .contains("Demandez à la coordination de votre territoire");
        Accessibility.check(other, "sso-refused");
        shot(other, "sso-refused");
    }
}
