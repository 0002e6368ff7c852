package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16, item 6 in real browsers: a room without network plays a round of the "Jeu de cartes SPRO",
 * the facilitator types in a paper observation grid and the debrief, then the synthesis, count it
 * with the phone's grid, marked as paper. Every state passes axe-core. Screenshots:
 * target/screenshots/paper-*.
 */
class PrintAndPaperBrowserTest extends BrowserTestBase {

    static void printMedia(WebDriver b, boolean print) {
        ((ChromeDriver) b).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
    }

    @Test
    void aPaperGridTypedInCountsInTheDebriefAndTheSynthesis() {
        WebDriver facilitator = desktop();
        facilitator.get(base + "/?lang=fr");
        new WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(facilitator, "create-format")).selectByValue("cards");
        type(facilitator, "create-title", "Salle sans réseau — Nogent");
        click(facilitator, "create-submit");
        String consoleUrl = await(facilitator, "open-console").getAttribute("href").replace("#", "?lang=fr#");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        facilitator.get(consoleUrl);
        new WebDriverWait(facilitator, WAIT).until(d -> !new Select(d.findElement(testId("cards-deck-select"))).getOptions().isEmpty());
        click(facilitator, "cards-use-deck");
        await(facilitator, "cards-deck-chosen");

        Map<String, WebDriver> phones = new LinkedHashMap<>();
        for (String name : List.of("Camille", "Lou", "Sami")) {
            WebDriver phone = phone();
            phone.get(base + "/j/" + code + "?lang=fr");
            type(phone, "nickname-input", name);
            click(phone, "join-button");
            awaitText(phone, "lobby-welcome", t -> t.contains(name));
            phones.put(name, phone);
        }
        click(facilitator, "session-start");
        click(facilitator, "cards-next-round");
        new Select(await(facilitator, "cards-counsellor-select")).selectByVisibleText("Camille");
        new Select(await(facilitator, "cards-beneficiary-select")).selectByVisibleText("Lou");
        click(facilitator, "cards-assign");
        click(facilitator, "cards-draw-case");
        await(facilitator, "console-case-card-title");
        click(facilitator, "cards-draw-structure");
        await(facilitator, "console-structure-card");
        type(facilitator, "cards-minutes", "");
        click(facilitator, "cards-start-scene");

        // The one phone in the room that has network fills its grid.
        WebDriver sami = phones.get("Sami");
        await(sami, "cards-grid");
        String caseNumber = await(sami, "cards-field-card").getDomProperty("value");
        type(sami, "cards-input-questions", "Depuis quand cherchez-vous ?");
        click(sami, "cards-add-questions");
        click(sami, "cards-door-mission-locale");
        click(sami, "cards-grid-save");
        new WebDriverWait(sami, WAIT).until(d -> "saved".equals(d.findElement(testId("cards-grid-status")).getAttribute("data-state")));
        click(facilitator, "cards-open-debrief");
        awaitText(facilitator, "console-aggregate-count", t -> t.contains("1 grille"));

        // The paper grid: a wrong card number is refused where it was typed, nothing counted.
        await(facilitator, "cards-paper-form");
        String wrong = String.valueOf(Integer.parseInt(caseNumber) == 1 ? 2 : 1);
        type(facilitator, "paper-card", wrong);
        type(facilitator, "paper-questions", "Depuis quand cherchez-vous ?\nQu’aimez-vous faire ?");
        click(facilitator, "paper-doors-mission-locale");
        click(facilitator, "paper-doors-cio");
        type(facilitator, "paper-worked", "Une écoute sans jugement");
        shot(facilitator, "paper-01-console-saisie");
        click(facilitator, "cards-paper-add");
        assertThat(awaitText(facilitator, "cards-paper-error", t -> !t.isBlank()))
                .contains("carte n° " + wrong).contains("carte n° " + caseNumber);
        shot(facilitator, "paper-02-console-erreur");
        assertThat(await(facilitator, "console-aggregate-count").getText()).doesNotContain("papier");

        await(facilitator, "paper-card").clear();
        type(facilitator, "paper-card", caseNumber);
        click(facilitator, "cards-paper-add");
        awaitText(facilitator, "cards-paper-done", t -> t.contains("manche 1"));
        String count = awaitText(facilitator, "console-aggregate-count", t -> t.contains("papier"));
        assertThat(count).isEqualTo("2 grilles d’observation (dont 1 grille papier)");
        awaitText(facilitator, "cards-paper-list", t -> t.contains("Une écoute sans jugement"));
        // Both grids named the Mission locale, the paper one the CIO too: counted on the projector as on the console.
        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen?lang=fr");
        assertThat(awaitText(screen, "screen-aggregate-doors", t -> t.contains("Mission locale"))).contains("CIO");
        assertThat(await(screen, "screen-aggregate-doors-bar-0").getAttribute("data-value")).isEqualTo("2");
        awaitText(screen, "screen-aggregate-questions", t -> t.contains("× 2"));
        shot(facilitator, "paper-03-console-debrief");
        shot(screen, "paper-04-projector-debrief");

        click(facilitator, "end-session");
        click(facilitator, "end-confirm");
        WebDriver coordinator = desktop();
        coordinator.get(consoleUrl.replace("/h/" + code, "/s/" + code + "/synthese"));
        awaitText(coordinator, "synth-round-0-grid-count", t -> t.equals("2 grilles d’observation (dont 1 grille papier)"));
        awaitText(coordinator, "synth-top-structures", t -> t.contains("Mission locale") && t.contains("CIO"));
        shot(coordinator, "paper-05-synthesis");
    }
}
