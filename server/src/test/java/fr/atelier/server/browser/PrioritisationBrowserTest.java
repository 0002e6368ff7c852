package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.Pg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Dessine-moi le travail" in real browsers: a facilitator creates the project from the console, the
 * projector shows the wall, four phones with four profiles contribute; the facilitator moderates
 * (hides, fixes a typo, merges duplicates), groups into themes, puts proposals to the vote, reveals
 * the ranking and turns it into an action plan, which the project's print view shows once archived.
 */
class PrioritisationBrowserTest extends BrowserTestBase {

    /** A contribution as a phone sends it. */
    record Said(int phone, String kind, String category, String text) {}

    @Test
    void aFacilitatorAProjectorAndFourPhonesGoFromCollectionToTheActionPlan() {
        WebDriver facilitator = desktop();
        facilitator.get(base + "/");
        await(facilitator, "create-form");
        new WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(facilitator, "create-format")).selectByValue("prioritisation");
        type(facilitator, "create-title", "Dessine-moi le travail — aide à domicile");
        click(facilitator, "create-submit");
        String consoleUrl = await(facilitator, "open-console").getAttribute("href");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        facilitator.get(consoleUrl);

        // The project: a job, a territory, a target public.
        type(facilitator, "prio-project-sector", "Aide à domicile");
        type(facilitator, "prio-project-territory", "Dreux et ses environs");
        type(facilitator, "prio-project-public", "Jeunes de 16 à 25 ans et demandeurs d'emploi");
        click(facilitator, "prio-project-create");
        awaitText(facilitator, "prio-project-header", t -> t.contains("Aide à domicile — Dreux et ses environs"));
        String projectId = await(facilitator, "prio-project-panel").getAttribute("data-project");
        assertThat(projectId).startsWith("pj_");
        shot(facilitator, "prio-01-console-project");

        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen");
        await(screen, "qr");

        String[] names = {"Camille", "Élodie", "Marc", "Sophie"};
        String[] profiles = {"young", "jobseeker", "employer", "partner"};
        List<WebDriver> phones = new ArrayList<>();
        for (String name : names) {
            WebDriver phone = phone();
            phone.get(base + "/j/" + code);
            type(phone, "nickname-input", name);
            click(phone, "join-button");
            awaitText(phone, "lobby-welcome", t -> t.contains(name));
            phones.add(phone);
        }
        click(facilitator, "session-start");

        // Each phone picks an anonymous profile, then writes.
        for (int i = 0; i < phones.size(); i++) {
            await(phones.get(i), "prio-profile");
            if (i == 0) {
                shot(phones.get(i), "prio-02-phone-profile");
            }
            click(phones.get(i), "prio-profile-" + profiles[i]);
            await(phones.get(i), "prio-form");
        }
        List<Said> said = List.of(
                new Said(0, "difficulty", "conditions", "Les horaires du week-end font peur"),
                new Said(1, "experience", "communication", "Personne ne m'a parlé de ce métier au colège"),
                new Said(2, "difficulty", "recruitment", "Nous n'arrivons pas à recruter pour le samedi"),
                new Said(3, "representation", "conditions", "Les horaires décalés effraient les jeunes"),
                new Said(0, "representation", "valorisation", "Un métier mal payé et peu reconnu"),
                new Said(1, "difficulty", "conditions", "Les horaires du week-end me font peur"),
                new Said(2, "proposal", "communication", "Faire découvrir le métier par des stages courts"),
                new Said(3, "representation", "other", "mdr"));
        for (Said s : said) {
            WebDriver phone = phones.get(s.phone());
            click(phone, "prio-kind-" + s.kind());
            type(phone, "prio-text", s.text());
            click(phone, "prio-category-" + s.category());
            if (s.phone() == 0 && s.text().startsWith("Un métier")) {
                shot(phone, "prio-03-phone-contribution");
            }
            click(phone, "prio-send");
            awaitText(phone, "prio-mine", t -> t.contains(s.text()));
        }
        shot(phones.get(0), "prio-04-phone-mine");
        assertThat(phones.get(0).findElement(testId("prio-mine")).getText()).doesNotContain("recruter pour le samedi");
        // Held for approval by default (issue 15, item 4): the facilitator approves them all from the queue.
        new WebDriverWait(facilitator, WAIT).until(d -> "8".equals(d.findElement(testId("approval-queue")).getAttribute("data-count")));
        click(facilitator, "queue-approve-all");
        new WebDriverWait(facilitator, WAIT).until(d -> "0".equals(d.findElement(testId("approval-queue")).getAttribute("data-count")));
        new WebDriverWait(screen, WAIT).until(d -> "8".equals(d.findElement(testId("prio-wall")).getAttribute("data-total")));
        String wall = screen.findElement(testId("prio-wall")).getText();
        assertThat(wall).contains("Les horaires du week-end font peur").doesNotContain("Camille").doesNotContain("Marc");
        assertThat(screen.findElement(testId("prio-wall-conditions")).getAttribute("data-count")).isEqualTo("3");
        shot(screen, "prio-05-projector-wall");

        // Moderation: hide, fix a typo, merge duplicates.
        click(item(facilitator, "mdr"), "prio-hide");
        click(item(facilitator, "au colège"), "prio-edit");
        WebElement edit = await(facilitator, "prio-edit-text");
        edit.clear();
        edit.sendKeys("Personne ne m'a parlé de ce métier au collège");
        click(facilitator, "prio-edit-save");
        awaitText(facilitator, "prio-moderation", t -> t.contains("au collège"));
        select(facilitator, "Les horaires du week-end font peur");
        select(facilitator, "Les horaires du week-end me font peur");
        click(facilitator, "prio-merge-selection");
        new WebDriverWait(facilitator, WAIT).until(d -> !d.findElements(By.cssSelector("[data-testid=\"prio-mod-item\"].prio-mod__item--merged")).isEmpty());
        new WebDriverWait(screen, WAIT).until(d -> "7".equals(d.findElement(testId("prio-wall")).getAttribute("data-total")));
        awaitText(screen, "prio-wall", t -> t.contains("×2") && !t.contains("mdr") && t.contains("au collège"));
        shot(facilitator, "prio-06-console-moderation");
        shot(screen, "prio-07-projector-wall-moderated");

        // Synthesis: themes from selections.
        clickId(facilitator, "prio-stage-SYNTHESIS");
        await(facilitator, "prio-console-themes");
        // The current stage's button is disabled (nothing to do) but reads as "you are here", not as greyed out.
        new WebDriverWait(facilitator, WAIT).until(d -> "step".equals(d.findElement(testId("prio-stage-SYNTHESIS")).getAttribute("aria-current")));
        assertThat(js(facilitator, "return getComputedStyle(document.querySelector('[data-testid=\"prio-stage-SYNTHESIS\"]')).opacity")).isEqualTo("1");
        theme(facilitator, "Horaires atypiques", "Les horaires du week-end font peur", "recruter pour le samedi", "Les horaires décalés effraient");
        theme(facilitator, "Image et connaissance du métier", "au collège", "mal payé", "stages courts");
        awaitText(screen, "prio-themes", t -> t.contains("Horaires atypiques") && t.contains("Image et connaissance du métier"));
        WebElement firstTheme = await(screen, "prio-theme-0");
        assertThat(firstTheme.getText()).contains("Horaires atypiques").contains("Récurrent").contains("Employeurs");
        assertThat(firstTheme.getAttribute("data-count")).isEqualTo("4");
        shot(screen, "prio-08-projector-themes");
        shot(facilitator, "prio-09-console-themes");

        // Proposals, then the vote.
        click(item(facilitator, "stages courts"), "prio-promote");
        proposal(facilitator, "Organiser un job dating le samedi matin", "Horaires atypiques");
        proposal(facilitator, "Témoignages de professionnels dans les collèges", "Image et connaissance du métier");
        awaitText(facilitator, "prio-prop-list", t -> t.contains("job dating") && t.contains("Témoignages") && t.contains("stages courts"));
        clickId(facilitator, "prio-stage-VOTE");
        await(facilitator, "prio-reveal");
        // Proposals: 0 stages courts, 1 job dating, 2 témoignages.
        int[][] dots = {{3, 0, 2}, {2, 0, 3}, {0, 3, 2}, {2, 1, 0}};
        for (int i = 0; i < phones.size(); i++) {
            WebDriver phone = phones.get(i);
            await(phone, "prio-vote");
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < dots[i][j]; k++) {
                    int expected = k + 1;
                    int proposal = j;
                    click(phone, "prio-dot-plus-" + j);
                    new WebDriverWait(phone, WAIT).until(d -> String.valueOf(expected)
                            .equals(d.findElement(testId("prio-proposal-" + proposal)).getAttribute("data-dots")));
                }
            }
            click(phone, "prio-impact-0-4");
            click(phone, "prio-feasibility-0-4");
            click(phone, "prio-impact-1-4");
            click(phone, "prio-feasibility-1-2");
            String left = String.valueOf(5 - dots[i][0] - dots[i][1] - dots[i][2]);
            new WebDriverWait(phone, WAIT).until(d -> left.equals(d.findElement(testId("prio-remaining")).getAttribute("data-remaining")));
            if (left.equals("0")) {
                assertThat(phone.findElement(testId("prio-dot-plus-2")).isEnabled()).as("budget spent").isFalse();
            }
        }
        shot(phones.get(1), "prio-10-phone-vote");
        awaitText(screen, "prio-voters", t -> t.startsWith("4"));
        assertThat(screen.findElements(testId("prio-ranking"))).as("no tally on the projector before the reveal").isEmpty();
        assertThat(phones.get(0).findElements(testId("prio-phone-results"))).isEmpty();
        shot(screen, "prio-11-projector-vote");
        new WebDriverWait(facilitator, WAIT).until(d -> "4".equals(d.findElement(testId("prio-console-voters")).getAttribute("data-voters")));

        click(facilitator, "prio-reveal");
        click(facilitator, "confirm-ok");
        WebElement ranking = await(screen, "prio-ranking");
        new WebDriverWait(screen, WAIT).until(d -> d.findElements(testId("prio-ranking-row-2")).size() == 1);
        // Stages courts and témoignages both have 7 dots: tied first; job dating 4.
        assertThat(await(screen, "prio-ranking-row-0").getAttribute("data-rank")).isEqualTo("1");
        assertThat(await(screen, "prio-ranking-row-1").getAttribute("data-rank")).isEqualTo("1");
        assertThat(await(screen, "prio-ranking-row-2").getAttribute("data-dots")).isEqualTo("4");
        assertThat(ranking.getText()).contains("ex æquo");
        assertThat(screen.findElements(testId("prio-matrix-dot"))).hasSize(2);
        // Each side's own ranking is on the console (the projector's ranking has a column per side).
        assertThat(screen.findElements(testId("prio-side-employers"))).isEmpty();
        awaitText(facilitator, "prio-side-employers", t -> t.contains("job dating"));
        shot(screen, "prio-12-projector-results");
        await(phones.get(2), "prio-phone-results");
        shot(phones.get(2), "prio-13-phone-results");

        // The action plan.
        click(facilitator, "prio-plan-top");
        new WebDriverWait(facilitator, WAIT).until(d -> d.findElements(testId("prio-action-2")).size() == 1);
        clickId(facilitator, "prio-stage-PLAN");
        await(facilitator, "prio-plan-editor");
        type(facilitator, "prio-action-lead-0", "Mission locale de Dreux");
        setDate(facilitator, "prio-action-deadline-0", "2026-03-31");
        new Select(await(facilitator, "prio-action-status-0")).selectByValue("in_progress");
        click(facilitator, "prio-action-save-0");
        type(facilitator, "prio-action-lead-1", "France Travail");
        setDate(facilitator, "prio-action-deadline-1", "2026-06-30");
        click(facilitator, "prio-action-save-1");
        awaitText(screen, "prio-plan", t -> t.contains("Mission locale de Dreux") && t.contains("31/03/2026") && t.contains("En cours")
                && t.contains("France Travail"));
        // The editor shows what was saved, not what the option attributes said before.
        new WebDriverWait(facilitator, WAIT).until(d -> "in_progress".equals(d.findElement(testId("prio-action-status-0")).getAttribute("value")));
        new WebDriverWait(facilitator, WAIT).until(d -> !d.findElement(testId("prio-action-save-0")).isEnabled());
        shot(facilitator, "prio-14-console-plan");
        shot(screen, "prio-15-projector-plan");
        awaitText(phones.get(3), "prio-phone-plan", t -> t.contains("Mission locale de Dreux"));
        shot(phones.get(3), "prio-16-phone-plan");

        click(facilitator, "end-session");
        click(facilitator, "end-confirm");
        await(phones.get(0), "ended");

        // Once archived, the project's print view holds the plan, the synthesis and the session.
        Pg pg = new Pg(node.server().databaseUrl());
        pg.await(v -> v != null && ((Long) v) == 1L, "select count(*) from project_session where project_id = ?", projectId);
        facilitator.get(consoleUrl.replaceAll("#.*", ""));
        click(facilitator, "tab-prep"); // the project is preparation
        String printUrl = await(facilitator, "prio-project-print").getAttribute("href");
        facilitator.get(printUrl);
        awaitText(facilitator, "project-plan", t -> t.contains("Mission locale de Dreux") && t.contains("En cours"));
        awaitText(facilitator, "project-session-count", t -> t.contains("1"));
        awaitText(facilitator, "prio-themes", t -> t.contains("Horaires atypiques"));
        shot(facilitator, "prio-17-project-page");
        ((ChromeDriver) facilitator).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        shot(facilitator, "prio-18-project-print");
        ((ChromeDriver) facilitator).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        assertThat(pg.value("select count(*) from project_action where project_id = ?", projectId)).isEqualTo(3L);
        assertThat(pg.value("select lead_partner from project_action where project_id = ? and status = 'in_progress'", projectId))
                .isEqualTo("Mission locale de Dreux");

        facilitator.get(base + "/s/" + code + "/synthese");
        awaitText(facilitator, "prio-synthesis", t -> t.contains("Horaires atypiques"));
        await(facilitator, "prio-synth-ranking");
        shot(facilitator, "prio-19-synthesis");
    }

    /** The console's moderation item whose text contains {@code text}. */
    private static WebElement item(WebDriver b, String text) {
        By by = By.xpath("//li[@data-testid='prio-mod-item'][.//span[contains(@class,'prio-text') and contains(., \"" + text + "\")]]");
        return new WebDriverWait(b, WAIT).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static void click(WebElement scope, String testId) {
        WebElement button = scope.findElement(testId(testId));
        ((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) scope).getWrappedDriver())
                .executeScript("arguments[0].scrollIntoView({block:'center'})", button);
        button.click();
    }

    private static void clickId(WebDriver b, String testId) {
        new WebDriverWait(b, WAIT).until(d -> d.findElement(testId(testId)).isEnabled());
        click(b, testId);
    }

    private static void select(WebDriver b, String text) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                WebElement box = item(b, text).findElement(testId("prio-select"));
                js(b, "arguments[0].scrollIntoView({block:'center'})", box);
                if (!box.isSelected()) {
                    try {
                        box.click();
                    } catch (org.openqa.selenium.ElementClickInterceptedException e) {
                        js(b, "arguments[0].click()", box); // under the sticky selection toolbar
                    }
                }
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                // the list re-rendered: find it again
            }
        }
        throw new AssertionError("could not select " + text);
    }

    private static void theme(WebDriver b, String name, String... texts) {
        for (String text : texts) {
            select(b, text);
        }
        await(b, "prio-toolbar");
        type(b, "prio-theme-name", name);
        click(b, "prio-theme-create");
        awaitText(b, "prio-console-themes", t -> t.contains(name));
        new WebDriverWait(b, WAIT).until(d -> d.findElements(testId("prio-toolbar")).isEmpty());
    }

    private static void proposal(WebDriver b, String text, String themeName) {
        type(b, "prio-prop-text", text);
        new Select(await(b, "prio-prop-theme")).selectByVisibleText(themeName);
        click(b, "prio-prop-add");
        awaitText(b, "prio-prop-list", t -> t.contains(text));
    }

    /** Date inputs are typed in the browser's locale; set the ISO value and fire the events instead. */
    private static void setDate(WebDriver b, String testId, String iso) {
        WebElement input = await(b, testId);
        js(b, "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, iso);
    }
}
