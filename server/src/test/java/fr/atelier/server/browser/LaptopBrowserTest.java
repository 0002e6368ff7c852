package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.TestNode;
import fr.atelier.server.TestConfig;
import fr.atelier.server.infra.LocalNetwork;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A facilitator runs Atelier on a laptop and opens http://localhost: the console and the projector
 * show the laptop's address on the room's network (what phones can reach), never "localhost"; with
 * no network but loopback the console says so; no page loads anything from outside our origin.
 */
class LaptopBrowserTest extends BrowserTestBase {

    @BeforeAll
    static void startServer() {
        requireChromium();
        // Listening on every interface, as the product does by default; the browser still uses localhost.
        node = TestNode.start(TestConfig.embedded(TestConfig.newDataDir()).withHttpHost("0.0.0.0"));
        base = "http://localhost:" + node.port();
    }

    @Test
    void aLaptopOpenedOnLocalhostShowsPhonesTheRoomAddress() {
        String lan = new LocalNetwork().lanAddress().orElse(null);
        String expected = lan == null ? base : "http://" + lan + ":" + node.port();

        WebDriver facilitator = desktop();
        facilitator.get(base + "/");
        new org.openqa.selenium.support.ui.WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(facilitator, "create-format")).selectByValue("poll");
        type(facilitator, "create-title", "Salle sans internet — Châteaudun");
        click(facilitator, "create-submit");
        await(facilitator, "created");
        String consoleUrl = await(facilitator, "open-console").getAttribute("href");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        // The console link itself may carry the room address: the facilitator stays on localhost.
        facilitator.get(base + "/h/" + code + consoleUrl.substring(consoleUrl.indexOf('#')));
        new org.openqa.selenium.support.ui.WebDriverWait(facilitator, WAIT)
                .until(d -> d.findElement(testId("join-link")).getAttribute("value").equals(expected + "/j/" + code));
        assertThat(facilitator.findElements(testId("no-lan-warning"))).as("phones can reach this laptop: no warning").isEmpty();
        shot(facilitator, "laptop-01-console-room-address");

        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen");
        awaitText(screen, "join-url", t -> t.equals(expected + "/j/" + code));
        shot(screen, "laptop-02-projector-room-address");
        // The invitation printed from the projector page, as a facilitator does before a room without internet.
        Pdf invitation = ((PrintsPage) screen).print(new PrintOptions());
        byte[] pdf = java.util.Base64.getDecoder().decode(invitation.getContent());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        writeArtifact("laptop-invitation.pdf", pdf);

        for (WebDriver b : List.of(facilitator, screen)) {
            assertOnlyOwnOrigin(b);
        }
    }

    @Test
    void withOnlyLoopbackTheConsoleWarnsThatPhonesCannotJoin() {
        WebDriver facilitator = desktop();
        // What the server answers on a laptop with no Wi-Fi: the page's own address, unreachable by phones.
        ((ChromeDriver) facilitator).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "const realFetch = window.fetch;"
                        + "window.fetch = (url, options) => String(url).endsWith('/api/join-base')"
                        + "  ? Promise.resolve(new Response(JSON.stringify({ base: location.origin, phonesCanReach: false }),"
                        + "      { headers: { 'Content-Type': 'application/json' } }))"
                        + "  : realFetch(url, options);"));
        facilitator.get(base + "/");
        new org.openqa.selenium.support.ui.WebDriverWait(facilitator, WAIT).until(d -> d.findElement(testId("create-format")).isEnabled());
        new Select(await(facilitator, "create-format")).selectByValue("poll");
        type(facilitator, "create-title", "Poste hors réseau");
        click(facilitator, "create-submit");
        await(facilitator, "created");
        String consoleUrl = await(facilitator, "open-console").getAttribute("href");
        String code = consoleUrl.replaceAll(".*/h/([A-Z0-9]{6}).*", "$1");
        facilitator.get(base + "/h/" + code + consoleUrl.substring(consoleUrl.indexOf('#')));
        assertThat(awaitText(facilitator, "no-lan-warning", t -> !t.isBlank())).contains("Wi-Fi de la salle");
        shot(facilitator, "laptop-03-console-no-network");
    }

    private static void writeArtifact(String name, byte[] content) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("atelier.screenshots", "target/screenshots"));
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name), content);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every resource the page loaded (scripts, styles, images, API calls) came from our origin. */
    private static void assertOnlyOwnOrigin(WebDriver b) {
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) js(b, "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
        String origin = (String) js(b, "return location.origin;");
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).as("requested by %s", b.getCurrentUrl()).startsWith(origin + "/"));
    }
}
