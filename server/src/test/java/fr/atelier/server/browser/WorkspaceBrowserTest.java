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
 * Everything goes through the pages a person would use: the first administrator's link comes from the
 * command-line code path (AdminCli.invite, on this server's database), passwords are set on
 * /mot-de-passe, territories and invitations are made on /admin, people sign in on /connexion.
 */
class WorkspaceBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "Cafe-Orientation-2026";

    /** Opens a one-time link and sets the password on its page, as the link's owner would. */
    private static void setPassword(WebDriver b, String link, String displayName) {
        b.get(link);
        await(b, "set-password-form");
        type(b, "set-name", displayName);
        type(b, "set-password", PASSWORD);
        type(b, "set-confirm", PASSWORD);
        click(b, "set-submit");
        new WebDriverWait(b, WAIT).until(d -> !d.getCurrentUrl().contains("/mot-de-passe"));
    }

    private static void territory(WebDriver admin, String name) {
        type(admin, "territory-name", name);
        click(admin, "territory-submit");
        awaitText(admin, "territories", t -> t.contains(name));
    }

    /** Invites from the administration page; returns the copyable one-time link. */
    private static String invite(WebDriver admin, String email, String role, String territoryName) {
        int before = admin.findElements(testId("invite-link")).size();
        type(admin, "invite-email", email);
        new Select(await(admin, "invite-role")).selectByValue(role);
        for (WebElement box : admin.findElements(testId("invite-territory"))) {
            boolean wanted = box.findElement(By.xpath("..")).getText().trim().equals(territoryName);
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
        click(admin, "invite-submit");
        new WebDriverWait(admin, WAIT).until(d -> d.findElements(testId("invite-link")).size() == before + 1);
        // Newest first.
        return admin.findElements(testId("invite-link")).get(0).getDomProperty("value");
    }

    /** Signs in on the sign-in page, coming back to the history. */
    private static void signIn(WebDriver b, String email) {
        b.get(base + "/connexion?retour=/seances");
        type(b, "sign-in-email", email);
        type(b, "sign-in-password", PASSWORD);
        click(b, "sign-in-submit");
        new WebDriverWait(b, WAIT).until(d -> d.getCurrentUrl().endsWith("/seances"));
    }

    @Test
    void aQuizPreparedForNextWeekIsPrintedFoundAgainAndRun() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // The first administrator, invited from the command line (on this server's database).
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("ATELIER_DATABASE_URL", node.server().databaseUrl());
        env.put("ATELIER_PUBLIC_URL", base);
        String adminLink = AdminCli.invite(Config.from(env).adminTarget(), "admin" + suffix + "@region.fr", Role.ADMIN);
        assertThat(adminLink).startsWith(base + "/mot-de-passe#t=");
        WebDriver admin = desktop();
        setPassword(admin, adminLink, "Claire Région");
        new WebDriverWait(admin, WAIT).until(d -> d.getCurrentUrl().endsWith("/admin"));
        territory(admin, "Dreux " + suffix);
        territory(admin, "Tours " + suffix);
        String anaLink = invite(admin, "anim" + suffix + "@exemple.fr", "facilitator", "Dreux " + suffix);
        String beaLink = invite(admin, "coanim" + suffix + "@exemple.fr", "facilitator", "Dreux " + suffix);
        String cyrLink = invite(admin, "coord" + suffix + "@exemple.fr", "coordinator", "Dreux " + suffix);
        String eveLink = invite(admin, "autre" + suffix + "@exemple.fr", "coordinator", "Tours " + suffix);
        for (String[] person : new String[][] {{beaLink, "Béa Coanimatrice"}, {cyrLink, "Cyr Coordinateur"}, {eveLink, "Eve Tours"}}) {
            setPassword(desktop(), person[0], person[1]);
        }

        // The facilitator prepares a quiz for next week.
        WebDriver laptop = desktop();
        setPassword(laptop, anaLink, "Ana Animatrice");
        laptop.get(base + "/seances");
        await(laptop, "pl-empty");
        shot(laptop, "workspace-01-mes-seances-vide");
        click(laptop, "pl-prepare");
        await(laptop, "pf-form");
        // The hackathon's and Dessine-moi's own fields pass axe too, then back to the quiz.
        new Select(await(laptop, "pf-format")).selectByValue("hackathon");
        new WebDriverWait(laptop, WAIT).until(d -> !d.findElements(testId("pf-content")).isEmpty()
                && new Select(d.findElement(testId("pf-content"))).getOptions().size() > 1);
        new Select(await(laptop, "pf-content")).selectByValue("regional-hackathon-hack-ton-orientation");
        click(laptop, "pf-challenge-ecole-entreprise");
        type(laptop, "pf-teams", "Les Bâtisseurs\nLes Curieux");
        new Select(await(laptop, "pf-team-challenge-0")).selectByValue("parler-competences");
        shot(laptop, "workspace-02a-preparer-hackathon");
        new Select(await(laptop, "pf-format")).selectByValue("prioritisation");
        click(laptop, "pf-project-new");
        await(laptop, "pf-p-sector");
        shot(laptop, "workspace-02b-preparer-dessine-moi");
        new Select(await(laptop, "pf-format")).selectByValue("quiz");
        new WebDriverWait(laptop, WAIT).until(d -> !d.findElements(testId("pf-content")).isEmpty()
                && new Select(d.findElement(testId("pf-content"))).getOptions().size() > 1);
        type(laptop, "pf-title", "Challenge métiers de la logistique");
        String nextWeek = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusDays(7).withHour(14).withMinute(0).toString().substring(0, 16);
        js(laptop, "const e = document.querySelector('[data-testid=pf-when]'); e.value = arguments[0];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", nextWeek);
        type(laptop, "pf-place", "Médiathèque de Dreux");
        new Select(await(laptop, "pf-content")).selectByValue("regional-quiz-decouverte-5");
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
        // As printed: the print styles keep the invitation only.
        ((org.openqa.selenium.chrome.ChromeDriver) laptop).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        assertThat(await(laptop, "inv-sheet").isDisplayed()).isTrue();
        assertThat(laptop.findElement(testId("inv-print")).isDisplayed()).isFalse();
        shot(laptop, "workspace-04-invitation-imprimee");
        ((org.openqa.selenium.chrome.ChromeDriver) laptop).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));

        // Back to the history from the home page's link: the place changes before the day.
        laptop.get(base + "/");
        click(laptop, "my-sessions");
        new WebDriverWait(laptop, WAIT).until(d -> d.getCurrentUrl().endsWith("/seances"));
        click(laptop, "pl-edit-" + code);
        await(laptop, "pf-form");
        assertThat(await(laptop, "pf-title").getDomProperty("value")).isEqualTo("Challenge métiers de la logistique");
        type(laptop, "pf-place", "Médiathèque de Dreux, salle 2");
        shot(laptop, "workspace-04b-modifier");
        click(laptop, "pf-submit");
        awaitText(laptop, "pl-notice", t -> t.contains("enregistrée"));
        awaitText(laptop, "pl-row-" + code, t -> t.contains("salle 2"));

        // A phone that comes too early is told when to come back.
        WebDriver early = phone();
        early.get(base + "/j/" + code + "?lang=fr");
        type(early, "nickname-input", "Zoé");
        click(early, "join-button");
        assertThat(awaitText(early, "join-error", t -> !t.isBlank())).contains("Challenge métiers de la logistique").contains("revenez à ce moment-là");

        // On the day, from another browser: the history, then the console.
        WebDriver other = desktop();
        signIn(other, "anim" + suffix + "@exemple.fr");
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
        click(other, "tab-prep"); // the bank prepared beforehand is on the preparation tab
        awaitText(other, "quiz-chosen-bank", t -> t.contains("Découverte en 5 questions"));
        shot(other, "workspace-05-console-ouverte");

        // The co-facilitator finds it among hers, live, and may open the same console.
        WebDriver bea = desktop();
        signIn(bea, "coanim" + suffix + "@exemple.fr");
        awaitText(bea, "pl-status-" + code, t -> t.equals("En cours"));
        await(bea, "pl-open-" + code);

        // The coordinator sees it in the territory's list; another territory's does not.
        WebDriver coordinator = desktop();
        signIn(coordinator, "coord" + suffix + "@exemple.fr");
        click(coordinator, "pl-scope-territory");
        awaitText(coordinator, "pl-status-" + code, t -> t.equals("En cours"));
        assertThat(coordinator.findElements(testId("pl-open-" + code))).isEmpty();
        shot(coordinator, "workspace-06-territoire");
        WebDriver elsewhere = desktop();
        signIn(elsewhere, "autre" + suffix + "@exemple.fr");
        click(elsewhere, "pl-scope-territory");
        await(elsewhere, "pl-empty");
        assertThat(elsewhere.findElements(testId("pl-row-" + code))).isEmpty();
    }
}
