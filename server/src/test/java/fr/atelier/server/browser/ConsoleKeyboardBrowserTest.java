package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each format's whole facilitator run on the console with the keyboard only (issue 15, items 1 to 3
 * and 10): Tab to reach a control, Enter or Space on it, and the presenter keys (→, Page Down, Space
 * run the next step; ← and Page Up go back or cancel a held step; Échap cancels). Participants act
 * on their phones with clicks: only the facilitator is keyboard-only here. The session itself is
 * created from the home page before the console opens. Screenshots: target/screenshots/keys-*.
 */
class ConsoleKeyboardBrowserTest extends BrowserTestBase {
    private String code;

    /** Creates the session from the home page, then opens its console in French. */
    private WebDriver console(String format, String title) {
        WebDriver b = desktop();
        b.get(base + "/?lang=fr");
        await(b, "create-form");
        new WebDriverWait(b, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(b, "create-format")).selectByValue(format);
        type(b, "create-title", title);
        click(b, "create-submit");
        String url = await(b, "open-console").getAttribute("href");
        code = url.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        b.get(url.replace("#", "?lang=fr#"));
        await(b, "next-step-panel");
        return b;
    }

    private WebDriver join(String nickname) {
        WebDriver phone = phone();
        phone.get(base + "/j/" + code + "?lang=fr");
        type(phone, "nickname-input", nickname);
        click(phone, "join-button");
        awaitText(phone, "lobby-welcome", t -> t.contains(nickname));
        return phone;
    }

    /** A state: scrolled to the top, where the next step is, then screenshot and audit. */
    private static void view(WebDriver b, String name) {
        js(b, "window.scrollTo(0, 0)");
        shot(b, name);
    }

    private static void press(WebDriver b, CharSequence... keys) {
        Actions actions = new Actions(b);
        for (CharSequence k : keys) {
            actions.sendKeys(k);
        }
        actions.perform();
    }

    private static String focused(WebDriver b) {
        return (String) js(b, "return document.activeElement?.dataset?.testid ?? ''");
    }

    /** Moves the focus with Tab until the control is focused: it is reachable by keyboard. */
    private static void tabTo(WebDriver b, String testId) {
        for (int i = 0; i < 300; i++) {
            if (testId.equals(focused(b))) {
                return;
            }
            press(b, Keys.TAB);
        }
        throw new AssertionError("Tab never reaches " + testId);
    }

    /** Leaves any field: the presenter keys then act on the page. */
    private static void blur(WebDriver b) {
        js(b, "document.activeElement?.blur()");
    }

    /** Waits until the next step is this one (its id) and can run. */
    private static void awaitStep(WebDriver b, String id) {
        waiting(b).until(d -> {
            List<WebElement> found = d.findElements(testId("next-step"));
            return !found.isEmpty() && found.get(0).getAttribute("data-step").startsWith(id) && found.get(0).isEnabled();
        });
    }

    private static void awaitPhase(WebDriver b, String phase) {
        new WebDriverWait(b, WAIT).until(d -> phase.equals(d.findElement(testId("phase")).getAttribute("data-phase")));
    }

    private static String status(WebDriver b, String contains) {
        return awaitText(b, "console-status", t -> t.contains(contains));
    }

    /** A confirmation dialog opens on "Annuler"; Tab then Enter confirms. */
    private static void confirm(WebDriver b, String name) {
        await(b, testId("confirm-ok"));
        view(b, name);
        assertThat(focused(b)).isEqualTo("confirm-cancel");
        press(b, Keys.TAB);
        assertThat(focused(b)).isEqualTo("confirm-ok");
        press(b, Keys.ENTER);
    }

    /** The satisfaction survey (held 5 s, once cancelled with Échap), then the end (confirmed). */
    private static void satisfactionThenEnd(WebDriver b, String prefix) {
        awaitStep(b, "open-satisfaction");
        press(b, Keys.PAGE_DOWN);
        await(b, "undo");
        view(b, prefix + "undo-window");
        press(b, Keys.ESCAPE);
        status(b, "rien n’a été envoyé");
        awaitStep(b, "open-satisfaction");
        assertThat(b.findElement(testId("phase")).getAttribute("data-phase")).isEqualTo("ACTIVITY");
        press(b, Keys.PAGE_DOWN);
        awaitPhase(b, "SATISFACTION");
        status(b, "Questionnaire de satisfaction ouvert");
        awaitStep(b, "end");
        press(b, Keys.PAGE_DOWN);
        await(b, "end-confirm");
        view(b, prefix + "end-confirm");
        assertThat(focused(b)).isEqualTo("end-cancel");
        press(b, Keys.TAB, Keys.ENTER);
        awaitPhase(b, "ENDED");
        status(b, "Session terminée");
        view(b, prefix + "ended");
    }

    @Test
    void aPollRunsWithThePresenterKeys() {
        WebDriver b = console("poll", "Sondage express — clavier");
        WebDriver sami = join("Sami");
        awaitStep(b, "session-start");
        view(b, "keys-poll-01-lobby");
        press(b, Keys.PAGE_DOWN);
        awaitPhase(b, "ACTIVITY");
        status(b, "Activité lancée");

        // The question is written in the form; Tab leaves the last field, Page Down asks it.
        assertThat(b.findElement(testId("next-step")).isEnabled()).isFalse();
        tabTo(b, "poll-text");
        press(b, "Quel format préférez-vous ?");
        tabTo(b, "poll-option-0");
        press(b, "Atelier");
        tabTo(b, "poll-option-1");
        press(b, "Conférence");
        press(b, Keys.TAB);
        awaitStep(b, "poll-ask");
        view(b, "keys-poll-02-question-written");
        press(b, Keys.PAGE_DOWN);
        status(b, "Question posée");
        awaitText(b, "question-status", t -> t.contains("Ouvert"));

        // Nobody answered yet: revealing asks first; Échap keeps the vote open.
        awaitStep(b, "poll-reveal");
        press(b, Keys.ARROW_RIGHT);
        await(b, "confirm-ok");
        press(b, Keys.ESCAPE);
        status(b, "Rien n’a changé");
        click(sami, "option-0");
        awaitText(b, "answered-count", t -> t.startsWith("1"));
        blur(b);
        press(b, Keys.SPACE);
        status(b, "Vote clos");
        awaitText(b, "question-status", t -> t.contains("Résultats"));
        view(b, "keys-poll-03-revealed");
        satisfactionThenEnd(b, "keys-poll-04-");
    }

    @Test
    void aLiveQuizRunsFromOneStartToTheCorrection() {
        WebDriver b = console("quiz", "Challenge numérique — clavier");
        // No bank yet: the console opens on "Préparation", and the next step says why it waits.
        new WebDriverWait(b, WAIT).until(d -> "true".equals(d.findElement(testId("tab-prep")).getAttribute("aria-selected")));
        awaitText(b, "next-step-after", t -> t.contains("banque de questions"));
        view(b, "keys-quiz-01-preparation");
        tabTo(b, "tab-prep");
        press(b, Keys.ARROW_LEFT);
        new WebDriverWait(b, WAIT).until(d -> "true".equals(d.findElement(testId("tab-live")).getAttribute("aria-selected")));
        assertThat(focused(b)).isEqualTo("tab-live");
        press(b, Keys.ARROW_RIGHT);
        new WebDriverWait(b, WAIT).until(d -> "true".equals(d.findElement(testId("tab-prep")).getAttribute("aria-selected")));
        tabTo(b, "quiz-use-decouverte-5");
        press(b, Keys.ENTER);
        awaitText(b, "quiz-chosen-bank", t -> t.contains("Découverte en 5 questions"));
        WebDriver sami = join("Sami");

        // Teams form on the phones once the activity runs: the first step starts the activity.
        blur(b);
        awaitStep(b, "session-start");
        press(b, Keys.PAGE_DOWN);
        awaitPhase(b, "ACTIVITY");
        type(sami, "quiz-team-name", "Cap Avenir");
        click(sami, "quiz-create-team-button");
        awaitStep(b, "quiz-start");
        view(b, "keys-quiz-02-ready");

        // One key starts the quiz and shows question 1.
        press(b, Keys.SPACE);
        status(b, "Question 1 affichée");
        await(sami, "quiz-question");
        for (int n = 1; n <= 5; n++) {
            int question = n;
            awaitText(b, "quiz-current", t -> t.contains("Question " + question + " / 5"));
            awaitStep(b, "quiz-reveal");
            if (n == 1) {
                view(b, "keys-quiz-03-question");
            }
            press(b, Keys.ARROW_RIGHT);
            confirm(b, "keys-quiz-04-reveal-confirm-" + n);
            status(b, "Réponse de la question " + n + " révélée");
            if (n < 5) {
                awaitStep(b, "quiz-show-" + (n + 1));
                assertThat(b.findElement(testId("next-step")).getText()).contains("Afficher la question " + (n + 1));
                press(b, Keys.PAGE_DOWN);
                status(b, "Question " + (n + 1) + " affichée");
            }
        }
        // Finishing waits 5 s: ← cancels, then it goes.
        awaitStep(b, "quiz-finish");
        press(b, Keys.PAGE_DOWN);
        await(b, "undo");
        view(b, "keys-quiz-05-finish-undo");
        press(b, Keys.ARROW_LEFT);
        status(b, "rien n’a été envoyé");
        awaitStep(b, "quiz-finish");
        press(b, Keys.PAGE_DOWN);
        await(b, "quiz-console-end");
        status(b, "Quiz terminé");

        // The correction, forward and back.
        awaitStep(b, "quiz-debrief-0");
        press(b, Keys.PAGE_DOWN);
        status(b, "Correction de la question 1");
        awaitStep(b, "quiz-debrief-1");
        press(b, Keys.PAGE_DOWN);
        status(b, "Correction de la question 2");
        // The acknowledgement can come before the view: wait for the console to show question 2's step.
        awaitStep(b, "quiz-debrief-2");
        press(b, Keys.PAGE_UP);
        status(b, "Correction de la question 1");
        view(b, "keys-quiz-06-correction");
        for (int i = 1; i < 5; i++) {
            awaitStep(b, "quiz-debrief-" + i);
            press(b, Keys.PAGE_DOWN);
        }
        status(b, "Correction de la question 5");
        satisfactionThenEnd(b, "keys-quiz-07-");
    }

    @Test
    void aCardsRoundRunsWithThePresenterKeys() {
        WebDriver b = console("cards", "Jeu de cartes — clavier");
        new WebDriverWait(b, WAIT).until(d -> "true".equals(d.findElement(testId("tab-prep")).getAttribute("aria-selected")));
        tabTo(b, "cards-use-deck");
        press(b, Keys.ENTER);
        await(b, "cards-deck-chosen");
        List<WebDriver> phones = new ArrayList<>();
        for (String name : List.of("Camille", "Lou")) {
            phones.add(join(name));
        }
        blur(b);
        awaitStep(b, "start+cards-round-1");
        view(b, "keys-cards-01-lobby");
        press(b, Keys.PAGE_DOWN);
        awaitPhase(b, "ACTIVITY");
        status(b, "Manche 1 ouverte");
        for (WebDriver phone : phones) {
            click(phone, "cards-hand-toggle");
        }
        String[][] steps = {
            {"cards-pick", "Rôles tirés au sort"}, {"cards-case", "Carte situation tirée"}, {"cards-structure", "Carte structure tirée"},
            {"cards-scene", "Scène lancée"}, {"cards-feelings", "Scène terminée"}, {"cards-debrief", "Débriefing"},
        };
        for (String[] step : steps) {
            awaitStep(b, step[0]);
            press(b, Keys.PAGE_DOWN);
            status(b, step[1]);
            if (step[0].equals("cards-structure")) {
                view(b, "keys-cards-02-cards-drawn");
            }
        }
        awaitStep(b, "cards-round-2");
        view(b, "keys-cards-03-debrief");
        // The cards do not end by themselves: the platform's button opens the survey.
        tabTo(b, "open-satisfaction");
        press(b, Keys.ENTER);
        awaitPhase(b, "SATISFACTION");
        awaitStep(b, "end");
        press(b, Keys.ARROW_RIGHT);
        await(b, "end-confirm");
        press(b, Keys.TAB, Keys.ENTER);
        awaitPhase(b, "ENDED");
        view(b, "keys-cards-04-ended");
    }

    @Test
    void aHackathonRunsFromTeamsToThePrizesWithThePresenterKeys() {
        WebDriver b = console("hackathon", "Hack ton orientation — clavier");
        awaitText(b, "next-step-after", t -> t.contains("défis"));
        tabTo(b, "hk-kit-load");
        press(b, Keys.ENTER);
        await(b, "hk-editor");
        tabTo(b, "hk-setup-save");
        press(b, Keys.ENTER);
        blur(b);
        awaitStep(b, "start+hk-open");
        List<WebDriver> phones = new ArrayList<>();
        for (String name : List.of("Camille", "Lou")) {
            phones.add(join(name));
        }
        press(b, Keys.PAGE_DOWN);
        awaitPhase(b, "ACTIVITY");
        type(phones.get(0), "hk-team-name", "Les Phares");
        click(phones.get(0), "hk-create-team");
        type(phones.get(1), "hk-team-name", "Cap Avenir");
        click(phones.get(1), "hk-create-team");
        awaitText(b, "hk-console-teams", t -> t.contains("Les Phares") && t.contains("Cap Avenir"));
        view(b, "keys-hackathon-01-teams");

        // A phase change waits 5 s with "Annuler": Page Up takes it back.
        awaitStep(b, "hk-advance-UNDERSTAND");
        press(b, Keys.PAGE_DOWN);
        await(b, "undo");
        view(b, "keys-hackathon-02-undo");
        press(b, Keys.PAGE_UP);
        status(b, "rien n’a été envoyé");
        for (String stage : List.of("UNDERSTAND", "IMAGINE", "BUILD", "PITCH")) {
            awaitStep(b, "hk-advance-" + stage);
            press(b, Keys.PAGE_DOWN);
            new WebDriverWait(b, WAIT).until(d -> stage.equals(d.findElement(testId("hk-console-stage")).getAttribute("data-stage")));
        }
        // Each pitch is a step, then the vote and the prizes.
        for (int i = 0; i < 2; i++) {
            awaitStep(b, "hk-pitch-");
            if (i == 0) {
                view(b, "keys-hackathon-03-pitch");
            }
            press(b, Keys.PAGE_DOWN);
            status(b, "Pitch de");
        }
        for (String stage : List.of("VOTE", "RESULTS")) {
            awaitStep(b, "hk-advance-" + stage);
            press(b, Keys.PAGE_DOWN);
            new WebDriverWait(b, WAIT).until(d -> stage.equals(d.findElement(testId("hk-console-stage")).getAttribute("data-stage")));
        }
        view(b, "keys-hackathon-04-results");
        satisfactionThenEnd(b, "keys-hackathon-05-");
    }

    @Test
    void aPrioritisationRunsWithThePresenterKeysAndGoesBack() {
        WebDriver b = console("prioritisation", "Dessine-moi le travail — clavier");
        WebDriver camille = join("Camille");
        blur(b);
        awaitStep(b, "start+prio-collect");
        view(b, "keys-prio-01-lobby");
        press(b, Keys.PAGE_DOWN);
        awaitPhase(b, "ACTIVITY");
        status(b, "Recueil ouvert");
        click(camille, "prio-profile-young");
        click(camille, "prio-kind-proposal");
        type(camille, "prio-text", "Faire découvrir le métier par des stages courts");
        click(camille, "prio-category-communication");
        click(camille, "prio-send");
        awaitText(b, "prio-moderation", t -> t.contains("stages courts"));
        // Held for approval (the default for walls): approved from the queue, by keyboard too.
        tabTo(b, "queue-approve");
        press(b, Keys.ENTER);
        awaitText(b, "queue-count", t -> t.equals("0"));
        blur(b);

        awaitStep(b, "prio-stage-SYNTHESIS");
        press(b, Keys.PAGE_DOWN);
        status(b, "Synthèse");
        // The acknowledgement can come before the view: wait for the synthesis stage's own next step
        // (the vote, disabled until a proposal exists).
        waiting(b).until(d -> d.findElement(testId("next-step")).getAttribute("data-step").startsWith("prio-stage-VOTE"));
        // ← goes back where nothing is lost, and → again.
        press(b, Keys.ARROW_LEFT);
        status(b, "Étape « Recueil »");
        awaitStep(b, "prio-stage-SYNTHESIS");
        press(b, Keys.ARROW_RIGHT);
        status(b, "Étape « Synthèse »");
        // The vote needs a proposal: the step says so until one is promoted.
        awaitText(b, "next-step-after", t -> t.contains("au moins une proposition"));
        tabTo(b, "prio-promote");
        press(b, Keys.ENTER);
        awaitStep(b, "prio-stage-VOTE");
        view(b, "keys-prio-02-synthesis");
        blur(b);
        press(b, Keys.PAGE_DOWN);
        status(b, "Étape « Vote »");
        awaitStep(b, "prio-reveal");
        press(b, Keys.PAGE_DOWN);
        confirm(b, "keys-prio-03-reveal-confirm");
        status(b, "Vote clos");
        awaitStep(b, "prio-stage-PLAN");
        press(b, Keys.PAGE_DOWN);
        status(b, "Plan d’action");
        view(b, "keys-prio-04-plan");
        satisfactionThenEnd(b, "keys-prio-05-");
    }
}
