package fr.atelier.server.workspace.bilan;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.Config;
import fr.atelier.server.browser.BrowserTestBase;
import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18, items 3 and 7 in a real browser: the region's administrator and a territory's coordinator
 * read the dashboards (charts drawn by ECharts under the CSP, each with its table), change the period
 * and the territory, download the report; axe-core on every state. Screenshots: target/screenshots/bilan-*.
 */
class BilanBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "Cafe-Orientation-2026";

    @Override
    protected void configure(ChromeOptions options) {
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    }

    private static String link(String email, Role role) {
        Map<String, String> env = new HashMap<>();
        env.put("ATELIER_DATABASE_URL", node.server().databaseUrl());
        env.put("ATELIER_PUBLIC_URL", base);
        return AdminCli.invite(Config.from(env).adminTarget(), email, role);
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

    private static void showYear(WebDriver b, String year) {
        new Select(await(b, "bi-year")).selectByValue(year);
        click(b, "bi-apply");
    }

    private static void chartsDrawn(WebDriver b) {
        new WebDriverWait(b, WAIT).until(d -> !d.findElements(By.cssSelector("bilan-chart canvas")).isEmpty());
        for (var chart : b.findElements(By.cssSelector("bilan-chart"))) {
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(chart.getAttribute("aria-label")).contains("tableau qui suit");
        }
    }

    /**
     * A state of the page: no CSP refusal logged since the last state, then the screenshot and axe-core (whose own
     * injected styles the CSP refuses, so the console is drained after it).
     */
    private static void state(WebDriver b, String name) {
        noCspViolation(b);
        shot(b, name);
        b.manage().logs().get(LogType.BROWSER);
    }

    private static void noCspViolation(WebDriver b) {
        List<String> refused = b.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused")).toList();
        assertThat(refused).as("CSP refusals in the console").isEmpty();
    }

    private static String fetch(WebDriver b, String path) {
        return (String) ((JavascriptExecutor) b).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')), e => done(String(e)));", path);
    }

    @Test
    void theRegionAndATerritoryReadTheirDashboards() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        BilanFixtures fx = new BilanFixtures(node.server().databaseUrl()).standard();
        WebDriver admin = desktop();
        setPassword(admin, link("region" + suffix + "@centre.fr", Role.ADMIN), "Claire Région");
        admin.manage().logs().get(LogType.BROWSER);   // what the sign-in pages logged: not this page's
        admin.get(base + "/bilan");
        awaitText(admin, "bi-period", t -> t.contains("Toute la région"));
        chartsDrawn(admin);
        assertThat(await(admin, "bi-sessions").getText()).isEqualTo("1");   // 2026: the session of 00:30 on 1 January
        state(admin, "bilan-01-region-annee-en-cours");

        showYear(admin, "2025");
        awaitText(admin, "bi-sessions", t -> t.equals("4"));
        chartsDrawn(admin);
        assertThat(await(admin, "bi-table-months").getText()).contains("Challenge numérique", "Jeu de cartes SPRO");
        assertThat(await(admin, "bi-table-publics").getText()).contains("Lycéen·nes");
        assertThat(await(admin, "bi-table-meetings").getText()).contains("CIO de Dreux", "Mission locale de Dreux");
        assertThat(await(admin, "bi-table-cards").getText()).contains("Angle mort", "Chambre de métiers");
        assertThat(await(admin, "bi-table-actions").getText()).contains("Visites d’EHPAD", "Réalisée");
        assertThat(admin.findElements(By.cssSelector("[data-testid=bi-chart-network] canvas"))).isNotEmpty();
        assertThat(admin.findElements(By.cssSelector("[data-testid=bi-chart-trend] canvas"))).isNotEmpty();
        state(admin, "bilan-02-region-2025");
        ((JavascriptExecutor) admin).executeScript("document.querySelector('[data-testid=bi-structures]').scrollIntoView()");
        state(admin, "bilan-03-region-2025-reseau");
        ((JavascriptExecutor) admin).executeScript("document.querySelector('[data-testid=bi-cards]').scrollIntoView()");
        state(admin, "bilan-04-region-2025-cartes");
        assertThat(await(admin, "bi-table-impact-0").getText()).contains("Challenge numérique", "+1,7", "Jeu de cartes SPRO");
        assertThat(await(admin, "bi-table-impact-1").getText()).contains("Dessine-moi le travail");
        assertThat(admin.findElements(By.cssSelector("[data-testid=bi-chart-impact-0] canvas"))).isNotEmpty();
        ((JavascriptExecutor) admin).executeScript("document.querySelector('[data-testid=bi-impact]').scrollIntoView()");
        state(admin, "bilan-07-region-2025-impact");
        assertThat(fetch(admin, await(admin, "bi-xlsx").getAttribute("href")))
                .isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(fetch(admin, await(admin, "bi-pdf").getAttribute("href"))).isEqualTo("200 application/pdf");
        assertThat(fetch(admin, await(admin, "bi-csv").getAttribute("href"))).isEqualTo("200 text/csv; charset=utf-8");
        noCspViolation(admin);

        // A coordinator of Dreux: their territory only, any period.
        String coordinatorEmail = "coord" + suffix + "@dreux.fr";
        String coordinatorLink = link(coordinatorEmail, Role.COORDINATOR);
        WebDriver coordinator = desktop();
        setPassword(coordinator, coordinatorLink, "Cyr Coordinateur");
        // The account exists once its password is set; its territory is read on every request.
        fx.sql("insert into account_territory (account_id, territory_id) select id, 't_dreux' from account where email = ?", coordinatorEmail);
        coordinator.manage().logs().get(LogType.BROWSER);
        coordinator.get(base + "/bilan");
        awaitText(coordinator, "bi-period", t -> t.startsWith("Dreux"));
        assertThat(new Select(await(coordinator, "bi-scope")).getOptions()).extracting(o -> o.getText()).containsExactly("Dreux");
        showYear(coordinator, "2025");
        awaitText(coordinator, "bi-sessions", t -> t.equals("3"));
        assertThat(await(coordinator, "bi-people").getText()).isEqualTo("40");
        assertThat(coordinator.findElements(testId("bi-territories"))).isEmpty();
        chartsDrawn(coordinator);
        state(coordinator, "bilan-05-coordination-dreux-2025");
        assertThat(fetch(coordinator, "/api/workspace/bilan?territory=t_tours&year=2025")).startsWith("403");

        js(coordinator, "const f = document.querySelector('[data-testid=bi-from]'); f.value = '2024-02-01';"
                + " f.dispatchEvent(new Event('input', {bubbles: true}));"
                + " const t = document.querySelector('[data-testid=bi-to]'); t.value = '2024-03-01';"
                + " t.dispatchEvent(new Event('input', {bubbles: true}));");
        click(coordinator, "bi-apply");
        awaitText(coordinator, "bi-sessions", t -> t.equals("0"));
        assertThat(coordinator.findElements(By.cssSelector("bilan-chart"))).isEmpty();
        state(coordinator, "bilan-06-coordination-periode-vide");
        noCspViolation(coordinator);
    }
}
