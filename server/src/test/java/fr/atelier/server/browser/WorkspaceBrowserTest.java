package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.Pg;
import fr.atelier.server.workspace.accounts.PasswordHash;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14, item 10 in real browsers: a facilitator prepares a quiz for next week, prints its
 * invitation, comes back from another browser, finds it in "Mes séances" and runs it with three
 * phones; the territory's coordinator sees it in the territory's list, another territory's does
 * not. Every new page passes axe-core. Screenshots: target/screenshots/workspace-*.
 * <p>
 * Not yet here (w-accounts' parts, not merged when this was written): the first administrator
 * invited from the command line, setting a password on the invitation page, creating the territory
 * and inviting the facilitator and coordinator from the administration page. Accounts and
 * territories are inserted as those steps leave them, and people sign in through the sign-in API.
 */
class WorkspaceBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "Cafe-Orientation-2026";

    private static Pg pg() {
        return new Pg(server.databaseUrl());
    }

    private static String territory(Pg pg, String name) {
        String id = "t_" + UUID.randomUUID().toString().substring(0, 8);
        pg.rows("insert into territory (id, name, created_at) values (?, ?, ?) returning id", id, name, OffsetDateTime.now());
        return id;
    }

    private static String account(Pg pg, String email, String name, String role, String territory) {
        String id = "a_" + UUID.randomUUID().toString().substring(0, 12);
        pg.rows("insert into account (id, email, display_name, role, password_hash, created_at) values (?, ?, ?, ?, ?, ?) returning id",
                id, email, name, role, PasswordHash.hash(PASSWORD), OffsetDateTime.now());
        pg.rows("insert into account_territory values (?, ?) returning account_id", id, territory);
        return id;
    }

    /** Signs a browser in through the sign-in API (the cookie is then the browser's own). */
    private static void signIn(WebDriver b, String email) {
        b.get(base + "/?lang=fr");
        Object status = ((JavascriptExecutor) b).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/auth/sign-in', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({email: arguments[0], password: arguments[1]})}).then(r => done(r.status), e => done(String(e)));",
                email, PASSWORD);
        assertThat(status).isEqualTo(200L);
    }

    @Test
    void aQuizPreparedForNextWeekIsPrintedFoundAgainAndRun() {
        Pg pg = pg();
        String dreux = territory(pg, "Dreux " + UUID.randomUUID().toString().substring(0, 4));
        String tours = territory(pg, "Tours " + UUID.randomUUID().toString().substring(0, 4));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        account(pg, "anim" + suffix + "@exemple.fr", "Ana Animatrice", "facilitator", dreux);
        account(pg, "coanim" + suffix + "@exemple.fr", "Béa Coanimatrice", "facilitator", dreux);
        account(pg, "coord" + suffix + "@exemple.fr", "Cyr Coordinateur", "coordinator", dreux);
        account(pg, "autre" + suffix + "@exemple.fr", "Eve Tours", "coordinator", tours);

        // The facilitator prepares a quiz for next week.
        WebDriver laptop = desktop();
        signIn(laptop, "anim" + suffix + "@exemple.fr");
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
