package fr.atelier.server.browser;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.Config;
import fr.atelier.server.Http;
import fr.atelier.server.Pg;
import fr.atelier.server.TestConfig;
import fr.atelier.server.TestNode;
import fr.atelier.server.WsClient;
import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19 in a real browser: the administrator sets the retention period on /admin (beside the
 * environment's value), runs the purge and reads the audit trail; a territory coordinator erases an
 * ended session's participants' data from /seances after typing its code; the erase shows in the
 * audit trail. Every state passes axe-core. Screenshots: target/screenshots/privacy-*.
 */
class RetentionBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "Cafe-Orientation-2026";

    @BeforeAll
    static void startServer() {
        requireChromium();
        node = TestNode.start(TestConfig.external());
        base = "http://127.0.0.1:" + node.port();
    }

    private static void setPassword(WebDriver b, String link, String name) {
        b.get(link);
        await(b, "set-password-form");
        type(b, "set-name", name);
        type(b, "set-password", PASSWORD);
        type(b, "set-confirm", PASSWORD);
        click(b, "set-submit");
        new WebDriverWait(b, WAIT).until(d -> !d.getCurrentUrl().contains("/mot-de-passe"));
    }

    private static void show(WebDriver b, String testId) {
        js(b, "arguments[0].scrollIntoView({block:'start'})", await(b, testId));
    }

    @Test
    void theAdministratorSetsTheRetentionAndACoordinatorErasesASessionWithConfirmation() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> env = new HashMap<>();
        env.put("ATELIER_DATABASE_URL", node.server().databaseUrl());
        env.put("ATELIER_PUBLIC_URL", base);
        String adminLink = AdminCli.invite(Config.from(env).adminTarget(), "admin" + suffix + "@region.fr", Role.ADMIN);
        WebDriver admin = desktop();
        setPassword(admin, adminLink, "Claire Région");
        new WebDriverWait(admin, WAIT).until(d -> d.getCurrentUrl().endsWith("/admin"));
        awaitText(admin, "retention-effective", t -> t.contains("12 mois"));
        assertThat(await(admin, "retention-values").getText()).contains("ATELIER_RETENTION_MONTHS", "aucun");
        type(admin, "territory-name", "Dreux " + suffix);
        click(admin, "territory-submit");
        awaitText(admin, "territories", t -> t.contains("Dreux " + suffix));
        show(admin, "retention");
        shot(admin, "retention-01-admin-retention");

        // The administrators' setting overrides the environment's value.
        WebElement months = await(admin, "retention-months");
        months.sendKeys(Keys.chord(Keys.CONTROL, "a"), "6");
        click(admin, "retention-save");
        awaitText(admin, "retention-status", t -> t.contains("6 mois"));
        awaitText(admin, "retention-effective", t -> t.contains("6 mois"));
        click(admin, "retention-purge");
        awaitText(admin, "retention-status", t -> t.contains("Purge faite"));
        awaitText(admin, "retention-last", t -> t.contains("0 séance"));
        show(admin, "retention");
        shot(admin, "retention-02-admin-retention-set");

        // Invite the territory's coordinator.
        type(admin, "invite-email", "coord" + suffix + "@exemple.fr");
        new Select(await(admin, "invite-role")).selectByValue("coordinator");
        for (WebElement box : admin.findElements(testId("invite-territory"))) {
            boolean wanted = box.findElement(By.xpath("..")).getText().trim().equals("Dreux " + suffix);
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
        click(admin, "invite-submit");
        new WebDriverWait(admin, WAIT).until(d -> !d.findElements(testId("invite-link")).isEmpty());
        String coordLink = admin.findElements(testId("invite-link")).get(0).getDomProperty("value");

        // An ended session of the territory, with two participants.
        Http http = new Http(node.port());
        JsonNode created = http.createSession("poll", "Collège Victor Hugo");
        String code = created.get("code").asText();
        http.join(code, "Adèle");
        http.join(code, "Bilal");
        try (WsClient console = node.connect()) {
            console.hello(code, "facilitator", created.get("hostToken").asText());
            assertThat(console.command(cmd("session.start")).path("type").asText()).isEqualTo("ack");
            assertThat(console.command(cmd("session.end")).path("type").asText()).isEqualTo("ack");
        }
        Pg pg = new Pg(node.server().databaseUrl());
        String sessionId = (String) pg.await(v -> v != null, "select id from session where code = ? and ended_at is not null", code);
        pg.await(v -> ((Long) v) == 2L, "select count(*) from participant where session_id = ?", sessionId);
        String territory = (String) pg.value("select id from territory where name = ?", "Dreux " + suffix);
        String adminId = (String) pg.value("select id from account where email = ?", "admin" + suffix + "@region.fr");
        pg.value("update session set territory_id = ?, creator_id = ? where id = ? returning id", territory, adminId, sessionId);
        pg.value("insert into planned_session (id, code, format, title, territory_id, creator_id, created_at, updated_at, session_id, opened_at)"
                + " values (?, ?, 'poll', 'Collège Victor Hugo', ?, ?, now(), now(), ?, now()) returning id",
                "p_" + suffix, code, territory, adminId, sessionId);

        WebDriver coord = desktop();
        setPassword(coord, coordLink, "Cyr Coordinateur");
        coord.get(base + "/seances");
        click(coord, "pl-scope-territory");
        await(coord, "sd-erase-" + code);
        assertThat(await(coord, "sd-export-" + code).getDomAttribute("href")).isEqualTo("/api/workspace/sessions/" + code + "/export");
        shot(coord, "retention-03-seances-ended");

        click(coord, "sd-erase-" + code);
        await(coord, "sd-dialog-" + code);
        type(coord, "sd-confirm-input-" + code, "ABCD");
        assertThat(await(coord, "sd-confirm-" + code).isEnabled()).as("a wrong code does not confirm").isFalse();
        shot(coord, "retention-04-erase-confirm");
        assertThat(pg.value("select count(*) from participant where session_id = ?", sessionId)).isEqualTo(2L);
        WebElement input = await(coord, "sd-confirm-input-" + code);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), code.toLowerCase());
        click(coord, "sd-confirm-" + code);
        awaitText(coord, "sd-status-" + code, t -> t.contains("effacées"));
        assertThat(pg.value("select count(*) from participant where session_id = ?", sessionId)).isEqualTo(0L);
        assertThat(pg.value("select purge_reason from session where id = ?", sessionId)).isEqualTo("erased");
        shot(coord, "retention-05-erased");

        // The administrator sees who erased what, filtered by date and action.
        admin.get(base + "/admin");
        await(admin, "audit-table");
        type(admin, "audit-action", "session.");
        click(admin, "audit-filter");
        awaitText(admin, "audit-table", t -> t.contains("session.erase") && t.contains("Cyr Coordinateur") && t.contains(sessionId));
        assertThat(await(admin, "audit-table").getText()).doesNotContain("retention.update");
        show(admin, "audit");
        shot(admin, "retention-06-audit");
        type(admin, "audit-action", "nothing.like.this");
        click(admin, "audit-filter");
        await(admin, "audit-empty");
        show(admin, "audit");
        shot(admin, "retention-07-audit-empty");
    }
}
