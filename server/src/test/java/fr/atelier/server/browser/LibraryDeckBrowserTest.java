package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.Config;
import fr.atelier.server.workspace.accounts.AdminCli;
import fr.atelier.server.workspace.accounts.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16, items 2 and 6 in real browsers: a coordinator copies the regional card deck to their
 * territory, edits a card in the cards editor (a title, a briefing, a move by keyboard), then prints
 * the deck from the library and from a prepared session (QR code on the cards). Every state passes
 * axe-core. Screenshots: target/screenshots/deck-* (the print layout with print media emulated).
 */
class LibraryDeckBrowserTest extends BrowserTestBase {
    static final String PASSWORD = "Cafe-Orientation-2026";

    private static void setPassword(WebDriver b, String link, String displayName) {
        b.get(link);
        await(b, "set-password-form");
        type(b, "set-name", displayName);
        type(b, "set-password", PASSWORD);
        type(b, "set-confirm", PASSWORD);
        click(b, "set-submit");
        new WebDriverWait(b, WAIT).until(d -> !d.getCurrentUrl().contains("/mot-de-passe"));
    }

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
        return admin.findElements(testId("invite-link")).get(0).getDomProperty("value");
    }

    /** The saved state of the library's editor page after the last change. */
    private static void awaitSaved(WebDriver b) {
        new WebDriverWait(b, WAIT).until(d -> "saved".equals(d.findElement(testId("ed-state")).getAttribute("data-state")));
    }

    @Test
    void aCoordinatorCopiesTheRegionalDeckEditsACardAndPrintsIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> env = new HashMap<>();
        env.put("ATELIER_DATABASE_URL", node.server().databaseUrl());
        env.put("ATELIER_PUBLIC_URL", base);
        String adminLink = AdminCli.invite(Config.from(env).adminTarget(), "admin" + suffix + "@region.fr", Role.ADMIN);
        WebDriver admin = desktop();
        setPassword(admin, adminLink, "Claire Région");
        new WebDriverWait(admin, WAIT).until(d -> d.getCurrentUrl().endsWith("/admin"));
        String territory = "Dreux " + suffix;
        type(admin, "territory-name", territory);
        click(admin, "territory-submit");
        awaitText(admin, "territories", t -> t.contains(territory));
        String coordLink = invite(admin, "coord" + suffix + "@exemple.fr", "coordinator", territory);
        String animLink = invite(admin, "anim" + suffix + "@exemple.fr", "facilitator", territory);

        // The coordinator copies the regional deck to the territory.
        WebDriver coord = desktop();
        setPassword(coord, coordLink, "Cyr Coordinateur");
        coord.get(base + "/bibliotheque?type=cards&lang=fr");
        click(coord, "lib-copy-regional-cards-spro");
        awaitText(coord, "lib-notice", t -> t.contains(territory));
        WebElement open = new WebDriverWait(coord, WAIT).until(d -> d.findElements(By.cssSelector("[data-testid^='lib-open-']")).stream()
                .filter(e -> !e.getAttribute("data-testid").equals("lib-open-regional-cards-spro")).findFirst().orElse(null));
        String copyId = open.getAttribute("data-testid").substring("lib-open-".length());
        open.click();

        // The cards editor: a card's title and briefing, then the card moved down by keyboard.
        await(coord, "cards-editor");
        WebElement title = await(coord, "ce-cases-0-title");
        String before = title.getDomProperty("value");
        title.sendKeys(" (Dreux)");
        WebElement briefing = await(coord, "ce-cases-0-briefing");
        briefing.sendKeys(" Vous habitez à Vernouillet.");
        awaitSaved(coord);
        shot(coord, "deck-01-editeur-carte");
        title = await(coord, "ce-cases-0-title");
        title.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
        new WebDriverWait(coord, WAIT).until(d -> d.findElement(testId("ce-cases-1-title")).getDomProperty("value").equals(before + " (Dreux)"));
        assertThat(coord.switchTo().activeElement().getAttribute("id")).as("the focus follows the moved card").isEqualTo("ce-cases-1-title");
        click(coord, "ce-cases-1-up");
        new WebDriverWait(coord, WAIT).until(d -> d.findElement(testId("ce-cases-0-title")).getDomProperty("value").equals(before + " (Dreux)"));
        awaitSaved(coord);
        // An invalid edit is refused by the server and shown beside its field, then fixed.
        WebElement situation = await(coord, "ce-cases-0-situation");
        situation.clear();
        situation.sendKeys(" ");
        new WebDriverWait(coord, WAIT).until(d -> "invalid".equals(d.findElement(testId("ed-state")).getAttribute("data-state")));
        await(coord, By.id("ce-cases-0-situation-problem"));
        assertThat(await(coord, "ce-cases-0-situation").getAttribute("aria-invalid")).isEqualTo("true");
        shot(coord, "deck-02-editeur-probleme");
        await(coord, "ce-cases-0-situation").sendKeys("Karim, 33 ans, maçon, cherche une reconversion.");
        awaitSaved(coord);

        // Printed from the library: the edited card, its briefing on its own card, the grid.
        coord.get(base + "/bibliotheque/" + copyId + "/imprimer?lang=fr");
        String card = awaitText(coord, "print-case-1", t -> t.contains("(Dreux)"));
        assertThat(card).contains("Karim, 33 ans").doesNotContain("Vernouillet");
        assertThat(await(coord, "print-briefing-1").getText()).contains("Vernouillet");
        await(coord, "print-grid");
        shot(coord, "deck-03-impression-ecran");
        PrintAndPaperBrowserTest.printMedia(coord, true);
        assertThat(coord.findElement(testId("print-go")).isDisplayed()).isFalse();
        shot(coord, "deck-04-impression-a4");
        PrintAndPaperBrowserTest.printMedia(coord, false);

        // A facilitator of the territory prepares a session with the adapted deck and prints it: the QR
        // code of the session's join address is on the case cards.
        WebDriver anim = desktop();
        setPassword(anim, animLink, "Ana Animatrice");
        anim.get(base + "/seances?lang=fr");
        await(anim, "pl-prepare");
        Object plan = ((org.openqa.selenium.JavascriptExecutor) anim).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const { call } = await import('/app/workspace/api.js');
                  const item = await call('/api/library/' + arguments[0]);
                  const territoryId = item.territoryId;
                  const p = await call('/api/workspace/planned', { method: 'POST', body: { territoryId, format: 'cards',
                    title: 'Rencontre SPRO de Dreux', settings: { commands: [{ type: 'cards.useDeck', deck: item.content }] } } });
                  return p.id + ' ' + p.code;
                })().then(done, (e) => done('error ' + e.message));
                """, copyId);
        assertThat(String.valueOf(plan)).doesNotStartWith("error");
        String[] idCode = String.valueOf(plan).split(" ");
        anim.get(base + "/seances?lang=fr");
        click(anim, "pl-print-" + idCode[1]);
        awaitText(anim, "print-case-1", t -> t.contains("(Dreux)"));
        new WebDriverWait(anim, WAIT).until(d -> (Boolean) js(d, "const i = document.querySelector('[data-testid=print-case-1] img');"
                + " return !!i && i.complete && i.naturalWidth > 0;"));
        assertThat(await(anim, "print-case-1").findElement(By.tagName("img")).getAttribute("src")).endsWith("/api/sessions/" + idCode[1] + "/qr.svg");
        PrintAndPaperBrowserTest.printMedia(anim, true);
        shot(anim, "deck-05-impression-seance-qr");
        PrintAndPaperBrowserTest.printMedia(anim, false);
    }
}
