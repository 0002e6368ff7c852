package fr.atelier.server.browser;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.server.Http;
import fr.atelier.server.WsClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15, item 7: a phone tells the truth. A wrong or ended code is refused before a nickname is
 * asked, the join page shows the session's title; offline, the phone says so plainly and an answer
 * given meanwhile is marked as waiting to leave (never ✓) until the network is back and the server
 * has it; the brand in the phone's bar is no link out of the session.
 */
class PhoneTruthBrowserTest extends BrowserTestBase {

    private static void offline(WebDriver b, boolean offline) {
        ChromeDriver chrome = (ChromeDriver) b;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void wrongAndEndedCodesAreRefusedBeforeTheNicknameAndAnOfflineAnswerIsPendingUntilTheNetworkReturns() {
        Http http = node.http();

        // A code no session has: refused on the home page, and on the join page itself.
        WebDriver phone = phone();
        phone.get(base + "/");
        type(phone, "join-code-input", "XYZ234");
        click(phone, "join-code-submit");
        assertThat(awaitText(phone, "join-code-error", t -> !t.isBlank())).contains("Aucune session ne porte ce code");
        assertThat(phone.getCurrentUrl()).isEqualTo(base + "/");
        shot(phone, "truth-01-landing-unknown-code");
        phone.get(base + "/j/XYZ234");
        await(phone, "session-not-found");
        assertThat(phone.findElements(testId("nickname-input"))).isEmpty();

        // An ended session: refused too.
        JsonNode ended = http.createSession("poll", "Atelier déjà fini");
        try (WsClient console = node.connect()) {
            console.hello(ended.get("code").asText(), "facilitator", ended.get("hostToken").asText());
            console.command(cmd("session.start"));
            console.command(cmd("session.end"));
        }
        phone.get(base + "/j/" + ended.get("code").asText());
        assertThat(await(phone, "session-refused").getAttribute("data-reason")).isEqualTo("over");
        assertThat(phone.findElements(testId("nickname-input"))).isEmpty();
        shot(phone, "truth-02-phone-ended-code");
        phone.get(base + "/");
        type(phone, "join-code-input", ended.get("code").asText());
        click(phone, "join-code-submit");
        assertThat(awaitText(phone, "join-code-error", t -> !t.isBlank())).contains("terminée");

        // A live session: its title before the nickname.
        JsonNode created = http.createSession("poll", "Forum des métiers de Dreux");
        String code = created.get("code").asText();
        phone.get(base + "/");
        type(phone, "join-code-input", code.toLowerCase());
        click(phone, "join-code-submit");
        await(phone, "nickname-input");
        assertThat(await(phone, "phone-session-title").getText()).isEqualTo("Forum des métiers de Dreux");
        shot(phone, "truth-03-phone-join-title");
        type(phone, "nickname-input", "Camille");
        click(phone, "join-button");
        awaitText(phone, "lobby-welcome", t -> t.contains("Camille"));
        assertThat(js(phone, "return document.querySelector('.topbar .brand').tagName")).as("the brand is no link out").isEqualTo("SPAN");

        try (WsClient console = node.connect()) {
            console.hello(code, "facilitator", created.get("hostToken").asText());
            console.command(cmd("session.start"));
            com.fasterxml.jackson.databind.node.ObjectNode ask = cmd("poll.ask").put("text", "Quel métier vous attire ?");
            ask.putArray("options").add("Soignant").add("Artisan").add("Numérique");
            console.command(ask);
            await(phone, "option-1");

            offline(phone, true);
            awaitText(phone, "phone-offline", t -> t.contains("Hors connexion, votre réponse partira dès le retour du réseau"));
            click(phone, "option-1");
            awaitText(phone, "answer-status", t -> t.contains("en attente d’envoi"));
            assertThat(await(phone, "option-pending").getText()).isEqualTo("en attente d’envoi");
            assertThat(phone.findElements(testId("option-check"))).as("no ✓ before the server has it").isEmpty();
            assertThat(console.awaitView(v -> true).path("activity").path("question").path("answered").asInt()).isZero();
            shot(phone, "truth-04-phone-offline-pending");

            offline(phone, false);
            new WebDriverWait(phone, WAIT).until(d -> d.findElements(testId("phone-offline")).isEmpty());
            await(phone, "option-check");
            awaitText(phone, "answer-status", t -> t.contains("Réponse enregistrée"));
            assertThat(phone.findElements(testId("option-pending"))).isEmpty();
            console.awaitView(v -> v.path("activity").path("question").path("answered").asInt() == 1);
            shot(phone, "truth-05-phone-back-online");
        }
    }
}
