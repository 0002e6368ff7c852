package fr.atelier.server.browser;

import static fr.atelier.server.WsClient.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.atelier.server.Http;
import fr.atelier.server.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15, item 6: moments that feel like a show. The lobby greets each arrival, and a crowd
 * arriving at once in a few greetings; the sounds (made in the browser) are off until the
 * projector's switch turns them on, then a reveal and a countdown's end play theirs; reveals
 * move, except for someone who asked their system for less motion.
 */
class ProjectorShowBrowserTest extends BrowserTestBase {

    private static void reducedMotion(WebDriver b, boolean reduce) {
        ((ChromeDriver) b).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", reduce ? "reduce" : "no-preference"))));
    }

    private static String animation(WebDriver b, String selector) {
        return (String) js(b, "const e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).animationName : null", selector);
    }

    @Test
    void theLobbyGreetsArrivalsInBatchesAndRevealsPlayTheirSoundOnceSwitchedOn() {
        Http http = node.http();
        JsonNode created = http.createSession("poll", "Forum des métiers de Dreux");
        String code = created.get("code").asText();
        WebDriver screen = projector();
        reducedMotion(screen, false);
        screen.get(base + "/s/" + code + "/screen");
        await(screen, "qr");
        assertThat(await(screen, "screen-sound").getAttribute("aria-pressed")).as("no sound before the switch").isEqualTo("false");

        List<WsClient> phones = new ArrayList<>();
        JsonNode camille = http.join(code, "Camille");
        assertThat(awaitText(screen, "lobby-greeting", t -> !t.isBlank())).isEqualTo("Bienvenue Camille !");
        assertThat(animation(screen, ".greeting__text")).isEqualTo("greet");
        assertThat(animation(screen, ".cloud__name")).isEqualTo("pop-in");
        shot(screen, "show-01-greeting");

        // A crowd at once: a few greetings naming two people and how many others, not one each.
        List<String> greetings = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            http.join(code, "Élève " + (i + 1));
        }
        new WebDriverWait(screen, WAIT).until(d -> {
            String text = d.findElement(testId("lobby-greeting")).getText();
            if (!text.isBlank() && (greetings.isEmpty() || !greetings.get(greetings.size() - 1).equals(text))) {
                greetings.add(text);
            }
            return "61".equals(d.findElement(testId("participant-count")).getAttribute("data-count"))
                    && d.findElement(testId("lobby-greeting")).getText().isBlank();
        });
        assertThat(greetings).as("greetings %s", greetings).hasSizeBetween(1, 6)
                .anySatisfy(g -> assertThat(g).matches("Bienvenue Élève \\d+, Élève \\d+ et \\d+ autres personnes !"));
        shot(screen, "show-02-crowd");

        // The switch: a real button, pressed or not; then a reveal and a countdown's end sound.
        click(screen, "screen-sound");
        assertThat(await(screen, "screen-sound").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(js(screen, "return document.querySelector('[data-testid=\"screen-sound\"]').textContent.trim()")).asString().contains("Son");
        try (WsClient console = node.connect()) {
            console.hello(code, "facilitator", created.get("hostToken").asText());
            console.command(cmd("session.start"));
            ObjectNode ask = cmd("poll.ask").put("text", "Quel métier vous attire ?").put("seconds", 5);
            ask.putArray("options").add("Soignant").add("Artisan");
            console.command(ask);
            JsonNode q = console.awaitView(v -> v.path("activity").path("question").has("id"));
            new WebDriverWait(screen, java.time.Duration.ofSeconds(20))
                    .until(d -> "countdown".equals(d.findElement(testId("screen-sound")).getAttribute("data-last-sound")));
            console.command(cmd("poll.reveal").put("questionId", q.path("activity").path("question").path("id").asText()));
            new WebDriverWait(screen, WAIT).until(d -> "reveal".equals(d.findElement(testId("screen-sound")).getAttribute("data-last-sound")));
            await(screen, "reveal-bar-0");
            assertThat(animation(screen, ".bars--large .bars__fill")).isEqualTo("bar-grow");
            shot(screen, "show-03-revealed-sound-on");
            reducedMotion(screen, true);
            new WebDriverWait(screen, WAIT).until(d -> "none".equals(animation(d, ".bars--large .bars__fill")));
            assertThat(animation(screen, ".screen-question")).isEqualTo("none");
        }
        assertThat(camille.path("participantId").asText()).isNotBlank();
        phones.forEach(WsClient::close);
    }
}
