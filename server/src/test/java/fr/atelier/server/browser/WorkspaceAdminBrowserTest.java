package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.AtelierServer;
import fr.atelier.server.Config;
import fr.atelier.server.TestConfig;
import fr.atelier.server.TestNode;
import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The first administrator, invited by the command line while the server runs on the same data
 * folder, sets a password, creates a territory, invites a facilitator and a coordinator (links to
 * copy, no SMTP here) and signs out; a wrong password on the way gets the French refusal.
 */
class WorkspaceAdminBrowserTest extends BrowserTestBase {
    private static Config config;

    @BeforeAll
    static void startServer() {
        requireChromium();
        config = TestConfig.embedded(TestConfig.newDataDir());
        node = TestNode.start(config);
        base = "http://127.0.0.1:" + node.port();
    }

    @Test
    void firstAdministratorSetsUpTheWorkspace() {
        String link = AdminCli.invite(config.adminTarget(), "claire.region@centre-valdeloire.fr", Role.ADMIN);
        String token = link.substring(link.indexOf("#t=") + 3);

        WebDriver admin = desktop();
        admin.get(base + "/mot-de-passe#t=" + token);
        assertThat(await(admin, "link-account").getText()).contains("claire.region@centre-valdeloire.fr").contains("Administrateur");
        assertThat(admin.getCurrentUrl()).doesNotContain(token);
        shot(admin, "workspace-set-password");
        type(admin, "set-name", "Claire Région");
        type(admin, "set-password", "court");
        type(admin, "set-confirm", "court");
        click(admin, "set-submit");
        assertThat(awaitText(admin, "set-error", t -> !t.isBlank())).contains("12 caractères");
        shot(admin, "workspace-set-password-weak");
        type(admin, "set-password", "Orientation-Centre-2026!");
        type(admin, "set-confirm", "Orientation-Centre-2026!");
        click(admin, "set-submit");
        new WebDriverWait(admin, WAIT).until(d -> d.getCurrentUrl().endsWith("/admin"));
        awaitText(admin, "signed-in-as", t -> t.contains("Claire Région"));
        shot(admin, "workspace-admin-empty");

        type(admin, "territory-name", "Dreux");
        type(admin, "territory-domains", "cio-dreux.fr, mairie-dreux.fr");
        click(admin, "territory-submit");
        awaitText(admin, "territories", t -> t.contains("Dreux") && t.contains("cio-dreux.fr, mairie-dreux.fr"));

        invite(admin, "anim@cio-dreux.fr", "facilitator");
        invite(admin, "coord@cio-dreux.fr", "coordinator");
        List<WebElement> links = admin.findElements(testId("invite-link"));
        assertThat(links).hasSize(2);
        assertThat(links.get(0).getDomProperty("value")).startsWith(base + "/mot-de-passe#t=");
        // Newest first: the facilitator's link is the second.
        String facilitatorLink = links.get(1).getDomProperty("value");
        awaitText(admin, "people", t -> t.contains("anim@cio-dreux.fr") && t.contains("coord@cio-dreux.fr") && t.contains("Invitation en attente"));
        shot(admin, "workspace-admin-invited");

        click(admin, "sign-out");
        new WebDriverWait(admin, WAIT).until(d -> d.getCurrentUrl().endsWith("/connexion"));
        await(admin, "sign-in-form");
        type(admin, "sign-in-email", "claire.region@centre-valdeloire.fr");
        type(admin, "sign-in-password", "pas le bon");
        click(admin, "sign-in-submit");
        assertThat(awaitText(admin, "sign-in-error", t -> !t.isBlank())).isEqualTo("Adresse e-mail ou mot de passe incorrect.");
        shot(admin, "workspace-sign-in-refused");

        // The facilitator's link, from another browser: a second use of it is refused in French.
        WebDriver anim = desktop();
        anim.get(facilitatorLink);
        type(anim, "set-password", "une phrase de passe assez longue");
        type(anim, "set-confirm", "une phrase de passe assez longue");
        click(anim, "set-submit");
        new WebDriverWait(anim, WAIT).until(d -> d.getCurrentUrl().equals(base + "/"));
        awaitText(anim, "account-link", t -> t.contains("anim@cio-dreux.fr"));
        anim.get(facilitatorLink);
        assertThat(awaitText(anim, "link-error", t -> !t.isBlank())).contains("déjà servi");
        shot(anim, "workspace-link-reused");
    }

    @Test
    void withoutAnonymousSessionsTheLandingPageAsksToSignIn() {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("ATELIER_HTTP_PORT", "0");
        env.put("ATELIER_HTTP_HOST", "127.0.0.1");
        env.put("ATELIER_DATA_DIR", TestConfig.newDataDir().toString());
        env.put("ATELIER_REDIS_URL", node.server().redisUrl());
        env.put("ATELIER_DATABASE_URL", node.server().databaseUrl());
        env.put("ATELIER_ANONYMOUS_SESSIONS", "false");
        AtelierServer closed = AtelierServer.start(Config.from(env));
        try {
            WebDriver visitor = desktop();
            visitor.get("http://127.0.0.1:" + closed.port() + "/");
            assertThat(await(visitor, "create-needs-account").getText()).contains("créer une session demande un compte");
            assertThat(visitor.findElements(testId("create-form"))).isEmpty();
            shot(visitor, "workspace-landing-accounts-only");
            click(visitor, "account-link");
            await(visitor, "sign-in-form");
            shot(visitor, "workspace-sign-in");
        } finally {
            closed.close();
        }
    }

    private static void invite(WebDriver b, String email, String role) {
        int before = b.findElements(testId("invite-link")).size();
        type(b, "invite-email", email);
        new org.openqa.selenium.support.ui.Select(await(b, "invite-role")).selectByValue(role);
        WebElement dreux = await(b, "invite-territory");
        if (!dreux.isSelected()) {
            dreux.click();
        }
        click(b, "invite-submit");
        new WebDriverWait(b, WAIT).until(d -> d.findElements(By.cssSelector("[data-testid=\"invite-link\"]")).size() == before + 1);
    }
}
