package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Jeu de cartes SPRO" in real browsers: a facilitator, the projector and four phones play two full
 * rounds (random pick then roles by hand, draws from the players' phones then from the console with a
 * redraw, timer, grids, feelings, debrief), then the synthesis. Screenshots in target/screenshots.
 */
class CardsBrowserTest extends BrowserTestBase {

    private static String role(WebDriver phone) {
        return await(phone, "cards-round").getAttribute("data-role");
    }

    private static void fillGrid(WebDriver phone, String question, String door, String scheme, String worked) {
        await(phone, "cards-grid");
        type(phone, "cards-input-questions", question);
        click(phone, "cards-add-questions");
        click(phone, "cards-door-" + door.replace("+", ""));
        if (door.endsWith("+")) {
            // And one more door, whichever the case card offers after this one.
            phone.findElements(By.cssSelector("[data-testid^=\"cards-door-\"]")).stream()
                    .filter(e -> !e.getAttribute("data-testid").equals("cards-door-" + door.replace("+", ""))).findFirst().orElseThrow().click();
        }
        type(phone, "cards-input-schemes", scheme);
        click(phone, "cards-add-schemes");
        type(phone, "cards-field-worked", worked);
        click(phone, "cards-grid-save");
        new WebDriverWait(phone, WAIT).until(d -> "saved".equals(d.findElement(testId("cards-grid-status")).getAttribute("data-state")));
        // Pressing "Enregistrer" saves the grid for good: no "Brouillon" (draft) after it.
        assertThat(phone.findElement(testId("cards-grid-status")).getText()).isEqualTo("Grille enregistrée ✓");
    }

    static final String BROKEN = """
            id: essai
            title: "Jeu d'essai"
            rules: ["Pas de jugement de valeur."]
            structures:
              - { id: cio, name: "CIO", missions: "Conseil.", publics: "Élèves." }
            cases:
              - number: 1
                title: "Premier"
                situation: "Une situation."
                briefing: "Un secret."
                notes: "Des notes."
              - number: 1
                title: "Bis"
                situation: "Une autre situation."
                briefing: "Un autre secret."
                notes: "D'autres notes."
                structures: [cio, caf]
            grid:
              - { id: card, label: "Numéro", kind: card }
            """;

    private static java.nio.file.Path yamlFile(String text) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("jeu-", ".yaml");
            java.nio.file.Files.writeString(file, text);
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFacilitatorTheProjectorAndFourPhonesPlayTwoRounds() {
        WebDriver facilitator = desktop();
        facilitator.get(base + "/?lang=fr");
        await(facilitator, "create-form");
        new WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(facilitator, "create-format")).selectByValue("cards");
        type(facilitator, "create-title", "Rencontre SPRO — Chartres");
        click(facilitator, "create-submit");
        String consoleUrl = await(facilitator, "open-console").getAttribute("href");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        // French, the product's language, whatever the headless browser's own language.
        consoleUrl = consoleUrl.replace("#", "?lang=fr#");
        facilitator.get(consoleUrl);

        // An edited deck is imported with a line-by-line report; then the regional deck is chosen.
        new WebDriverWait(facilitator, WAIT).until(d -> !new Select(d.findElement(testId("cards-deck-select"))).getOptions().isEmpty());
        await(facilitator, "cards-import").sendKeys(yamlFile(BROKEN).toString());
        String problems = awaitText(facilitator, "cards-import-problems", t -> t.contains("Ligne"));
        assertThat(problems).contains("numéro en double").contains("structure inconnue « caf »");
        shot(facilitator, "cards-00-console-import-problems");
        await(facilitator, "cards-import").sendKeys(yamlFile(BROKEN.replace("number: 1\n    title: \"Bis\"", "number: 2\n    title: \"Bis\"")
                .replace("[cio, caf]", "[cio]")).toString());
        awaitText(facilitator, "cards-import-ok", t -> t.contains("Jeu d'essai"));
        click(facilitator, "cards-use-deck");
        awaitText(facilitator, "cards-deck-chosen", t -> t.contains("36"));
        shot(facilitator, "cards-01-console-deck");

        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen?lang=fr");
        await(screen, "qr");

        Map<String, WebDriver> phones = new LinkedHashMap<>();
        for (String name : List.of("Camille", "Lou", "Sami", "Nina")) {
            WebDriver phone = phone();
            phone.get(base + "/j/" + code + "?lang=fr");
            type(phone, "nickname-input", name);
            click(phone, "join-button");
            awaitText(phone, "lobby-welcome", t -> t.contains(name));
            phones.put(name, phone);
        }
        awaitText(screen, "participant-count", t -> t.contains("4"));
        click(facilitator, "session-start");
        await(screen, "cards-intro");

        // ---- round 1: two hands up, picked at random; the players draw their own cards ----
        click(phones.get("Camille"), "cards-hand-toggle");
        click(phones.get("Lou"), "cards-hand-toggle");
        awaitText(screen, "cards-volunteers", t -> t.contains("Camille") && t.contains("Lou"));
        shot(phones.get("Camille"), "cards-02-phone-hand-raised");
        click(facilitator, "cards-next-round");
        click(facilitator, "cards-pick-random");
        awaitText(facilitator, "cards-roles", t -> t.contains("Camille") && t.contains("Lou"));
        shot(screen, "cards-03-projector-rules-volunteers");
        WebDriver counsellor = null;
        WebDriver beneficiary = null;
        for (String name : List.of("Camille", "Lou")) {
            WebDriver p = phones.get(name);
            new WebDriverWait(p, WAIT).until(d -> !"observer".equals(d.findElement(testId("cards-round")).getAttribute("data-role")));
            if ("counsellor".equals(role(p))) {
                counsellor = p;
            } else {
                beneficiary = p;
            }
        }
        assertThat(counsellor).isNotNull();
        assertThat(beneficiary).isNotNull();
        click(counsellor, "cards-draw-case");
        click(beneficiary, "cards-draw-structure");
        String caseTitle = awaitText(counsellor, "phone-case-card-title", t -> !t.isBlank());
        await(beneficiary, "cards-briefing");
        awaitText(beneficiary, "cards-briefing-text", t -> !t.isBlank());
        assertThat(counsellor.findElements(testId("cards-briefing"))).as("the counsellor never sees the briefing").isEmpty();
        shot(counsellor, "cards-04-phone-counsellor-card");
        shot(beneficiary, "cards-05-phone-beneficiary-briefing");

        awaitText(facilitator, "cards-notes-text", t -> !t.isBlank());
        type(facilitator, "cards-minutes", "4");
        click(facilitator, "cards-start-scene");
        awaitText(screen, "screen-case-card-title", t -> t.equals(caseTitle));
        await(screen, "screen-structure-card");
        await(screen, "countdown");
        assertThat(screen.findElements(testId("cards-briefing"))).isEmpty();
        shot(screen, "cards-06-projector-scene");

        List<WebDriver> observers = List.of(phones.get("Sami"), phones.get("Nina"));
        awaitText(observers.get(0), "cards-my-role", t -> !t.isBlank());
        assertThat(observers.get(0).findElements(testId("cards-briefing"))).isEmpty();
        fillGrid(observers.get(0), "Qu'est-ce qui vous a plu dans la formation ?", "mission-locale", "Contrat d'engagement jeune", "Reformulation");
        fillGrid(observers.get(1), "Depuis quand cherchez-vous ?", "mission-locale+", "PMSMP", "Écoute active");
        assertThat(await(observers.get(0), "cards-field-card").getAttribute("value")).isNotBlank();
        shot(observers.get(0), "cards-07-phone-observer-grid");
        awaitText(screen, "cards-grids-count", t -> t.contains("2"));
        assertThat(screen.getPageSource()).as("grids stay off the projector during the scene").doesNotContain("Reformulation");

        click(facilitator, "cards-open-feelings");
        awaitText(counsellor, "cards-feeling-kept", t -> t.contains("sans votre nom"));
        type(counsellor, "cards-feeling-text", "Pas simple de trouver les bonnes questions");
        click(counsellor, "cards-feeling-send");
        type(beneficiary, "cards-feeling-text", "Je me suis sentie écoutée");
        click(beneficiary, "cards-feeling-send");
        awaitText(facilitator, "cards-feelings-list", t -> t.contains("écoutée") && t.contains("bonnes questions"));
        shot(beneficiary, "cards-08-phone-feelings");
        shot(facilitator, "cards-09-console-feelings");
        click(facilitator, "cards-open-debrief");
        awaitText(screen, "screen-aggregate-doors", t -> t.contains("Mission locale"));
        awaitText(screen, "screen-aggregate-worked", t -> t.contains("Reformulation") && t.contains("Écoute active"));
        assertThat(await(screen, "screen-aggregate-doors-bar-0").getAttribute("data-value")).isEqualTo("2");
        // Shares of the observers (2 grids), not of the ticks (3): both observers named the Mission locale.
        assertThat(screen.findElement(testId("screen-aggregate-doors-bar-0")).getText()).contains("(100 %)");
        assertThat(screen.findElement(testId("screen-aggregate-doors-bar-1")).getText()).contains("(50 %)");
        shot(screen, "cards-10-projector-debrief");
        await(observers.get(0), "cards-grid");
        assertThat(observers.get(0).getPageSource()).doesNotContain("Écoute active");

        // ---- round 2: roles given by hand, the console draws and redraws, no timer ----
        click(facilitator, "cards-next-round");
        new Select(await(facilitator, "cards-counsellor-select")).selectByVisibleText("Sami");
        new Select(await(facilitator, "cards-beneficiary-select")).selectByVisibleText("Nina");
        click(facilitator, "cards-assign");
        awaitText(facilitator, "cards-roles", t -> t.contains("Sami") && t.contains("Nina"));
        click(facilitator, "cards-draw-case");
        String first = awaitText(facilitator, "console-case-card-title", t -> !t.isBlank());
        click(facilitator, "cards-draw-case");
        String second = awaitText(facilitator, "console-case-card-title", t -> !t.isBlank() && !t.equals(first));
        assertThat(second).isNotEqualTo(caseTitle);
        click(facilitator, "cards-draw-structure");
        await(facilitator, "console-structure-card");
        type(facilitator, "cards-minutes", "");
        shot(facilitator, "cards-11-console-setup");
        click(facilitator, "cards-start-scene");
        awaitText(screen, "screen-case-card-title", t -> t.equals(second));
        await(phones.get("Nina"), "cards-briefing");
        for (String name : List.of("Camille", "Lou", "Sami")) {
            assertThat(phones.get(name).findElements(testId("cards-briefing"))).as(name).isEmpty();
        }
        fillGrid(phones.get("Camille"), "Avez-vous une reconnaissance de handicap ?", "cap-emploi", "RQTH", "Questions ouvertes");
        fillGrid(phones.get("Lou"), "Quel métier vous attire ?", "cap-emploi", "RQTH", "Bienveillance");
        click(facilitator, "cards-open-debrief");
        awaitText(screen, "screen-aggregate-doors", t -> t.contains("Cap emploi"));
        shot(screen, "cards-12-projector-debrief-2");
        shot(facilitator, "cards-13-console-debrief-2");

        click(facilitator, "open-satisfaction");
        click(phones.get("Sami"), "rating-5");
        click(phones.get("Sami"), "satisfaction-send");
        await(phones.get("Sami"), "satisfaction-thanks");
        click(facilitator, "end-session");
        click(facilitator, "end-confirm");
        await(phones.get("Camille"), "ended");

        WebDriver coordinator = desktop();
        coordinator.get(consoleUrl.replace("/h/" + code, "/s/" + code + "/synthese"));
        awaitText(coordinator, "synth-rounds-played", t -> t.contains("2"));
        awaitText(coordinator, "synth-round-0", t -> t.contains(caseTitle));
        awaitText(coordinator, "synth-round-1", t -> t.contains(second) && t.contains("Sami") && t.contains("Nina"));
        awaitText(coordinator, "synth-top-structures", t -> t.contains("Cap emploi") && t.contains("Mission locale"));
        awaitText(coordinator, "synth-top-schemes", t -> t.contains("RQTH"));
        awaitText(coordinator, "synth-feelings", t -> t.contains("Conseiller·e") && t.contains("bonnes questions") && t.contains("écoutée"));
        js(coordinator, "document.querySelector('[data-testid=\"cards-synthesis\"]').scrollIntoView()");
        shot(coordinator, "cards-14-synthesis");
        List<String> all = new ArrayList<>(phones.keySet());
        assertThat(all).hasSize(4);
    }
}
