package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.Config;
import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.Role;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14, item 10 in real browsers: a facilitator prepares a quiz for next week, prints its
 * invitation, comes back from another browser, finds it in "Mes séances" and runs it with three
 * phones; the territory's coordinator sees it in the territory's list, another territory's does
 * not. Every new page passes axe-core. Screenshots: target/screenshots/workspace-*.
 * <p>
 * The administration steps go through w-accounts' real code paths (the command-line invitation, the
 * set-password, territory and invitation APIs) called from the browsers themselves; its pages
 * (/mot-de-passe, /admin, /connexion) were not merged when this was written, so the clicks on those
 * pages are not here yet.
 */
class WorkspaceBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "Cafe-Orientation-2026";

    /** A JSON call made by the browser itself (its cookies, and the CSRF token of its web session). */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> call(WebDriver b, String method, String path, String json) {
        return (java.util.Map<String, Object>) ((JavascriptExecutor) b).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const csrf = (document.cookie.match(/(?:^|; )atelier_csrf=([^;]*)/) || [])[1];"
                + "const headers = {'Content-Type': 'application/json', Accept: 'application/json'};"
                + "if (csrf) headers['X-CSRF-Token'] = decodeURIComponent(csrf);"
                + "fetch(arguments[1], {method: arguments[0], headers, body: arguments[2]})"
                + ".then(async r => done({status: r.status, body: await r.text()}), e => done({status: 0, body: String(e)}));",
                method, path, json);
    }

    private static String field(java.util.Map<String, Object> response, String name) {
        try {
            return fr.atelier.workshops.core.Json.MAPPER.readTree((String) response.get("body")).path(name).asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Opens a one-time link's page and sets the password from it, as the link's owner would. */
    private static void setPassword(WebDriver b, String link, String displayName) {
        b.get(base + "/?lang=fr");
        String token = link.substring(link.indexOf("#t=") + 3);
        java.util.Map<String, Object> set = call(b, "POST", "/api/auth/set-password",
                "{\"token\":\"" + token + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + displayName + "\"}");
        assertThat(set.get("status")).as("%s", set).isEqualTo(200L);
    }

    private static String invite(WebDriver admin, String email, String role, String territory) {
        java.util.Map<String, Object> inv = call(admin, "POST", "/api/admin/invitations",
                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\",\"territoryIds\":[\"" + territory + "\"]}");
        assertThat(inv.get("status")).as("%s", inv).isEqualTo(201L);
        return field(inv, "link");
    }

    private static String territory(WebDriver admin, String name) {
        java.util.Map<String, Object> t = call(admin, "POST", "/api/admin/territories", "{\"name\":\"" + name + "\"}");
        assertThat(t.get("status")).as("%s", t).isEqualTo(201L);
        return field(t, "id");
    }

    /** Signs a browser in through the sign-in API (the cookie is then the browser's own). */
    private static void signIn(WebDriver b, String email) {
        b.get(base + "/?lang=fr");
        java.util.Map<String, Object> in = call(b, "POST", "/api/auth/sign-in",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(in.get("status")).as("%s", in).isEqualTo(200L);
    }

    @Test
    void aQuizPreparedForNextWeekIsPrintedFoundAgainAndRun() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // The first administrator, invited from the command line (on this server's database).
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("ATELIER_DATABASE_URL", server.databaseUrl());
        env.put("ATELIER_PUBLIC_URL", base);
        String adminLink = AdminCli.invite(Config.from(env), "admin" + suffix + "@region.fr", Role.ADMIN);
        assertThat(adminLink).startsWith(base + "/mot-de-passe#t=");
        WebDriver admin = desktop();
        setPassword(admin, adminLink, "Claire Région");
        String dreux = territory(admin, "Dreux " + suffix);
        String tours = territory(admin, "Tours " + suffix);
        String anaLink = invite(admin, "anim" + suffix + "@exemple.fr", "facilitator", dreux);
        String beaLink = invite(admin, "coanim" + suffix + "@exemple.fr", "facilitator", dreux);
        String cyrLink = invite(admin, "coord" + suffix + "@exemple.fr", "coordinator", dreux);
        String eveLink = invite(admin, "autre" + suffix + "@exemple.fr", "coordinator", tours);
        for (String[] person : new String[][] {{beaLink, "Béa Coanimatrice"}, {cyrLink, "Cyr Coordinateur"}, {eveLink, "Eve Tours"}}) {
            WebDriver b = desktop();
            setPassword(b, person[0], person[1]);
            b.quit();
        }

        // The facilitator prepares a quiz for next week.
        WebDriver laptop = desktop();
        setPassword(laptop, anaLink, "Ana Animatrice");
        laptop.get(base + "/seances?lang=fr");
        await(laptop, "pl-empty");
        shot(laptop, "workspace-01-mes-seances-vide");
        click(laptop, "pl-prepare");
        await(laptop, "pf-form");
        new WebDriverWait(laptop, WAIT).until(d -> !d.findElements(testId("pf-content")).isEmpty()
                && new Select(d.findElement(testId("pf-content"))).getOptions().size() > 1);
        type(laptop, "pf-title", "Challenge métiers de la logistique");
        String nextWeek = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusDays(7).withHour(14).withMinute(0).toString().substring(0, 16);
        js(laptop, "const e = document.querySelector('[data-testid=pf-when]'); e.value = arguments[0];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", nextWeek);
        type(laptop, "pf-place", "Médiathèque de Dreux");
        new Select(await(laptop, "pf-content")).selectByValue("decouverte-5");
        type(laptop, "pf-teams", "Les Curieux\nCap Avenir");
        // Béa, of the same territory, co-facilitates (coordinators are not offered).
        WebElement co = await(laptop, By.cssSelector("[data-testid^='pf-co-']"));
        assertThat(laptop.findElements(By.cssSelector("[data-testid^='pf-co-']"))).hasSize(1);
        assertThat(co.findElement(By.xpath("..")).getText()).contains("Béa Coanimatrice");
        co.click();
        shot(laptop, "workspace-02-preparer");
        click(laptop, "pf-submit");
        String notice = awaitText(laptop, "pl-notice", t -> t.contains("code"));
        String code = notice.replaceAll(".*code ([A-Z0-9]{6}).*", "$1");
        awaitText(laptop, "pl-status-" + code, t -> t.equals("Préparée"));
        shot(laptop, "workspace-03-seance-preparee");

        // The printable invitation.
        click(laptop, "pl-invitation-" + code);
        awaitText(laptop, "inv-code", t -> t.equals(code));
        assertThat(await(laptop, "inv-title").getText()).isEqualTo("Challenge métiers de la logistique");
        assertThat(await(laptop, "inv-when").getText()).contains(" à 14 h 00");
        assertThat(await(laptop, "inv-place").getText()).isEqualTo("Médiathèque de Dreux");
        new WebDriverWait(laptop, WAIT).until(d -> (Boolean) js(d, "const i = document.querySelector('[data-testid=inv-qr]');"
                + " return i.complete && i.naturalWidth > 0;"));
        shot(laptop, "workspace-04-invitation");

        // A phone that comes too early is told when to come back.
        WebDriver early = phone();
        early.get(base + "/j/" + code + "?lang=fr");
        type(early, "nickname-input", "Zoé");
        click(early, "join-button");
        assertThat(awaitText(early, "join-error", t -> !t.isBlank())).contains("Challenge métiers de la logistique").contains("revenez à ce moment-là");

        // On the day, from another browser: the history, then the console.
        WebDriver other = desktop();
        signIn(other, "anim" + suffix + "@exemple.fr");
        other.get(base + "/seances?lang=fr");
        await(other, "pl-row-" + code);
        click(other, "pl-open-" + code);
        awaitText(other, "session-code", t -> t.equals(code));
        List<WebDriver> phones = new ArrayList<>();
        for (String name : List.of("Camille", "Sami", "Lou")) {
            WebDriver p = phone();
            p.get(base + "/j/" + code + "?lang=fr");
            type(p, "nickname-input", name);
            click(p, "join-button");
            awaitText(p, "lobby-welcome", t -> t.contains(name));
            phones.add(p);
        }
        click(other, "session-start");
        awaitText(other, "quiz-chosen-bank", t -> t.contains("Découverte en 5 questions"));
        shot(other, "workspace-05-console-ouverte");

        // The co-facilitator finds it among hers, live, and may open the same console.
        WebDriver bea = desktop();
        signIn(bea, "coanim" + suffix + "@exemple.fr");
        bea.get(base + "/seances?lang=fr");
        awaitText(bea, "pl-status-" + code, t -> t.equals("En cours"));
        await(bea, "pl-open-" + code);

        // The coordinator sees it in the territory's list; another territory's does not.
        WebDriver coordinator = desktop();
        signIn(coordinator, "coord" + suffix + "@exemple.fr");
        coordinator.get(base + "/seances?lang=fr");
        click(coordinator, "pl-scope-territory");
        awaitText(coordinator, "pl-status-" + code, t -> t.equals("En cours"));
        assertThat(coordinator.findElements(testId("pl-open-" + code))).isEmpty();
        shot(coordinator, "workspace-06-territoire");
        WebDriver elsewhere = desktop();
        signIn(elsewhere, "autre" + suffix + "@exemple.fr");
        elsewhere.get(base + "/seances?lang=fr");
        click(elsewhere, "pl-scope-territory");
        await(elsewhere, "pl-empty");
        assertThat(elsewhere.findElements(testId("pl-row-" + code))).isEmpty();
    }
}
