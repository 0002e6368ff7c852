package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole platform in a real browser: a facilitator creates a session, the projector shows the
 * QR code, three phones join and answer the poll, one reloads mid-question and gets its state back,
 * the satisfaction questionnaire ends the session and the synthesis page shows it all.
 */
class PlatformBrowserTest extends BrowserTestBase {

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFacilitatorRunsAPollWithThreePhonesToTheSynthesis() {
        WebDriver facilitator = desktop();
        facilitator.get(base + "/");
        await(facilitator, "create-form");
        new org.openqa.selenium.support.ui.WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        shot(facilitator, "platform-00-landing");
        new Select(await(facilitator, "create-format")).selectByValue("poll");
        type(facilitator, "create-title", "Atelier découverte — Dreux");
        click(facilitator, "create-submit");
        await(facilitator, "created");
        shot(facilitator, "platform-01-created");
        String consoleUrl = await(facilitator, "open-console").getAttribute("href");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        assertThat(code).hasSize(6);
        facilitator.get(consoleUrl);
        await(facilitator, "session-start");
        shot(facilitator, "platform-01b-console-lobby");

        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen");
        assertThat(await(screen, "qr").getAttribute("src")).endsWith("/api/sessions/" + code + "/qr.svg");
        assertThat(awaitText(screen, "join-code", t -> t.replaceAll("\\s", "").contains(code))).isNotBlank();
        awaitText(screen, "join-url", t -> t.contains("/j/" + code));
        Object qrLoaded = js(screen, "const i = document.querySelector('[data-testid=\"qr\"]'); return i.complete && i.naturalWidth > 0;");
        assertThat(qrLoaded).as("QR code SVG rendered").isEqualTo(true);
        shot(screen, "platform-02-projector-empty");

        List<WebDriver> phones = new ArrayList<>();
        String[] names = {"Camille", "Élodie", "Sami"};
        for (String name : names) {
            WebDriver phone = phone();
            phone.get(base + "/j/" + code);
            await(phone, "nickname-input");
            if (phones.isEmpty()) {
                shot(phone, "platform-02b-phone-join");
            }
            type(phone, "nickname-input", name);
            click(phone, "join-button");
            awaitText(phone, "lobby-welcome", t -> t.contains(name));
            phones.add(phone);
        }
        shot(phones.get(0), "platform-03-phone-lobby");
        awaitText(screen, "participant-count", t -> t.contains("3"));
        awaitText(screen, "nickname-cloud", t -> t.contains("Élodie") && t.contains("Sami"));
        shot(screen, "platform-04-projector-joined");

        click(facilitator, "session-start");
        type(facilitator, "poll-text", "Quel site présente les fiches métiers ?");
        type(facilitator, "poll-option-0", "France Travail");
        type(facilitator, "poll-option-1", "Onisep");
        click(facilitator, "poll-correct-1");
        click(facilitator, "poll-ask");
        shot(facilitator, "platform-05-console-question");

        for (WebDriver phone : phones) {
            awaitText(phone, "question-text", t -> t.contains("fiches métiers"));
        }
        shot(phones.get(0), "platform-05b-phone-question");
        click(phones.get(0), "option-1");
        click(phones.get(1), "option-0");
        awaitText(phones.get(0), "answer-status", t -> !t.isBlank());
        awaitText(phones.get(1), "answer-status", t -> !t.isBlank());
        shot(phones.get(0), "platform-06-phone-answered");

        // Élodie's phone reloads mid-question: same participant, same answer, no new nickname asked.
        phones.get(1).navigate().refresh();
        awaitText(phones.get(1), "question-text", t -> t.contains("fiches métiers"));
        assertThat(await(phones.get(1), "option-0").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(phones.get(1).findElements(testId("nickname-input"))).isEmpty();
        shot(phones.get(1), "platform-07-phone-after-reload");

        click(phones.get(2), "option-1");
        awaitText(screen, "answered-count", t -> t.contains("3"));
        shot(screen, "platform-08-projector-answers");

        // Everyone answered: revealing asks no confirmation.
        awaitText(facilitator, "answered-count", t -> t.startsWith("3"));
        click(facilitator, "poll-reveal");
        assertThat(await(screen, "reveal-bar-1").getAttribute("data-correct")).isEqualTo("true");
        assertThat(await(screen, "reveal-bar-1").getAttribute("data-value")).isEqualTo("2");
        assertThat(await(screen, "reveal-bar-1").getText()).contains("Onisep");
        awaitText(phones.get(0), "verdict", t -> !t.isBlank());
        shot(screen, "platform-09-projector-revealed");
        shot(phones.get(1), "platform-10-phone-revealed");

        click(facilitator, "open-satisfaction");
        await(phones.get(0), "rating-5");
        shot(phones.get(0), "platform-10b-phone-satisfaction-form");
        int[] scores = {5, 4, 4};
        for (int i = 0; i < phones.size(); i++) {
            WebDriver phone = phones.get(i);
            click(phone, "rating-" + scores[i]);
            if (i == 2) {
                type(phone, "satisfaction-comment", "Très utile <script>alert(1)</script>");
            }
            click(phone, "satisfaction-send");
            await(phone, "satisfaction-thanks");
        }
        shot(phones.get(2), "platform-11-phone-satisfaction");
        awaitText(screen, "satisfaction-count", t -> t.contains("3"));
        shot(screen, "platform-12-projector-satisfaction");
        shot(facilitator, "platform-12b-console-satisfaction");

        click(facilitator, "end-session");
        click(facilitator, "end-confirm");
        await(phones.get(0), "ended");
        shot(phones.get(0), "platform-13-phone-ended");

        WebDriver coordinator = desktop();
        String synthesisUrl = consoleUrl.replace("/h/" + code, "/s/" + code + "/synthese");
        coordinator.get(synthesisUrl);
        awaitText(coordinator, "synth-participant-count", t -> t.contains("3"));
        awaitText(coordinator, "synth-average", t -> t.contains("4,3") || t.contains("4.3"));
        String comments = awaitText(coordinator, "synth-comments", t -> t.contains("Très utile"));
        assertThat(comments).as("user text shown as text, never as HTML").contains("<script>");
        awaitText(coordinator, "synth-participants", t -> t.contains("Camille") && t.contains("Élodie") && t.contains("Sami"));
        await(coordinator, "synth-question-0");
        await(coordinator, "synth-csv");
        shot(coordinator, "platform-14-synthesis");
        assertThat(coordinator.getPageSource()).doesNotContain("<script>alert(1)</script>");

        // The coordinators' space lists the archived session in the year's activity report.
        WebDriver coordination = desktop();
        coordination.get(base + "/coordination#k=" + fr.atelier.server.TestConfig.COORDINATOR_KEY);
        for (int i = 0; i < 20 && coordination.findElements(testId("coord-session-" + code)).isEmpty(); i++) {
            click(coordination, "coord-apply"); // the archive lands a moment after the end
            sleep(500);
        }
        awaitText(coordination, "coord-session-" + code, t -> t.contains("Atelier découverte") && t.contains("3"));
        awaitText(coordination, "coord-sessions", t -> !t.isBlank());
        shot(coordination, "platform-15-coordination");
        coordination.findElement(testId("coord-session-" + code)).findElement(org.openqa.selenium.By.tagName("a")).click();
        awaitText(coordination, "synth-participants", t -> t.contains("Camille"));
        shot(coordination, "platform-16-coordination-synthesis");
    }
}
