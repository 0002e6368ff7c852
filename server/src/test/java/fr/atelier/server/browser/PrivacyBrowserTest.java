package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.atelier.server.Http;
import fr.atelier.server.TestConfig;
import fr.atelier.server.WsClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19, item 4: the privacy notice and the accessibility statement say who, what, why, how long
 * and which rights, in French and in English, and are linked from every page; and no page of the
 * product asks anything of another site. Every request Chromium makes (its DevTools performance log:
 * Network.requestWillBeSent and Network.webSocketCreated, whatever started them) is recorded while
 * one browser visits every page, with the phone of each format in its activity.
 * Screenshots: target/screenshots/privacy-*.
 */
class PrivacyBrowserTest extends BrowserTestBase {
    static final List<String> FORMATS = List.of("poll", "cards", "quiz", "hackathon", "prioritisation");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void configure(ChromeOptions options) {
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
    }

    @Test
    void theNoticesSayWhoWhatWhyHowLongAndWhichRightsInFrenchAndInEnglish() {
        WebDriver b = phone();
        b.get(base + "/confidentialite");
        assertThat(awaitText(b, "notice-organisation", t -> !t.isBlank())).contains("l’organisme qui a installé");
        assertThat(awaitText(b, "notice-retention", t -> !t.isBlank())).isEqualTo("12 mois");
        String text = await(b, "notice").getText();
        assertThat(text).contains("Qui est responsable ?", "Ce qui est collecté", "Un pseudo", "Vos réponses", "Pourquoi ?",
                "Combien de temps ?", "Vos droits et comment les exercer", "www.cnil.fr");
        assertThat(js(b, "return document.documentElement.lang")).isEqualTo("fr");
        shot(b, "privacy-01-notice-fr");

        b.get(base + "/privacy");
        assertThat(awaitText(b, "notice-retention", t -> !t.isBlank())).isEqualTo("12 months");
        assertThat(js(b, "return document.documentElement.lang")).isEqualTo("en");
        assertThat(await(b, "footer-privacy").getAttribute("href")).endsWith("/privacy");
        assertThat(await(b, "notice-other-language").getAttribute("href")).endsWith("/confidentialite");
        shot(b, "privacy-02-notice-en");

        b.get(base + "/accessibilite");
        assertThat(awaitText(b, "conformance", t -> !t.isBlank())).contains("non conforme").contains("RGAA");
        assertThat(await(b, "notice").getText()).contains("État de conformité", "Résultats des tests", "Contenus non accessibles",
                "Établissement de cette déclaration", "Retour d’information et contact", "Voies de recours", "axe-core");
        assertThat(await(b, "remedies").getText()).contains("Défenseur des droits", "Libre réponse 71120", "75342 Paris CEDEX 07");
        shot(b, "privacy-03-statement-fr");

        b.get(base + "/accessibility");
        assertThat(awaitText(b, "conformance", t -> !t.isBlank())).contains("not compliant");
        assertThat(js(b, "return document.documentElement.lang")).isEqualTo("en");
        shot(b, "privacy-04-statement-en");

        // The join page links the notice; so does every phone view after it.
        Http http = node.http();
        JsonNode created = http.createSession("poll", "Atelier de Dreux");
        String code = created.get("code").asText();
        b.get(base + "/j/" + code);
        await(b, "nickname-input");
        assertThat(await(b, "footer-privacy").getAttribute("href")).isEqualTo(base + "/confidentialite");
        assertThat(await(b, "footer-accessibility").getAttribute("href")).isEqualTo(base + "/accessibilite");
        shot(b, "privacy-05-join-footer");
        type(b, "nickname-input", "Camille");
        click(b, "join-button");
        awaitText(b, "lobby-welcome", t -> t.contains("Camille"));
        assertThat(await(b, "footer-privacy").getText()).isEqualTo("Données personnelles");
        click(b, "footer-privacy");
        await(b, "notice");
        assertThat(b.getCurrentUrl()).isEqualTo(base + "/confidentialite");

        // The landing page and the console link the statement (the projector, seen from afar, shows no footer).
        for (String path : List.of("/", "/h/" + code + "#k=" + created.get("hostToken").asText())) {
            WebDriver desk = desktop();
            desk.get(base + path);
            assertThat(await(desk, "footer-accessibility").getAttribute("href")).as(path).isEqualTo(base + "/accessibilite");
        }
        b.get(base + "/s/" + code + "/screen");
        await(b, "qr");
        assertThat(b.findElement(testId("footer-accessibility")).isDisplayed()).isFalse();
    }

    @Test
    void noPageAsksAnythingOfAnotherSite() throws Exception {
        Http http = node.http();
        WebDriver b = desktop();
        Set<String> requested = new LinkedHashSet<>();
        List<WsClient> consoles = new ArrayList<>();
        try {
            visit(b, "/", requested);
            for (String format : FORMATS) {
                JsonNode created = http.createSession(format, "Atelier " + format);
                String code = created.get("code").asText();
                String host = created.get("hostToken").asText();
                visit(b, "/j/" + code, requested);
                type(b, "nickname-input", "Camille");
                click(b, "join-button");
                await(b, "lobby-welcome");
                WsClient console = node.connect();
                consoles.add(console);
                console.hello(code, "facilitator", host);
                assertThat(console.command(WsClient.cmd("session.start")).path("type").asText()).as(format).isEqualTo("ack");
                new WebDriverWait(b, WAIT).until(d -> !d.findElements(By.cssSelector("format-slot *")).isEmpty());
                settle(b, requested);
                visit(b, "/h/" + code + "#k=" + host, requested);
                visit(b, "/s/" + code + "/screen", requested);
                visit(b, "/s/" + code + "/synthese#k=" + host, requested);
            }
            visit(b, "/coordination#k=" + TestConfig.COORDINATOR_KEY, requested);
            for (String path : List.of("/projets/pj_unknown", "/connexion", "/mot-de-passe", "/admin", "/seances",
                    "/seances/unknown/invitation", "/confidentialite", "/privacy", "/accessibilite", "/accessibility")) {
                visit(b, path, requested);
            }
        } finally {
            consoles.forEach(WsClient::close);
        }
        URI origin = URI.create(base);
        List<String> elsewhere = requested.stream().filter(url -> !ours(url, origin)).toList();
        assertThat(elsewhere).as("requests that left " + base).isEmpty();
        // The recorder saw what it should: the pages, their modules, every format's phone view, the live sockets.
        assertThat(requested).contains(base + "/confidentialite", base + "/api/notices");
        for (String format : FORMATS) {
            assertThat(requested).as(format).anyMatch(u -> u.startsWith(base + "/app/formats/" + format + "/phone.js"));
        }
        assertThat(requested).anyMatch(u -> u.startsWith("ws://127.0.0.1:" + node.port() + "/"));
        assertThat(requested.size()).isGreaterThan(100);
        System.out.println("[requests] " + requested.size() + " distinct addresses requested, none outside " + base);
    }

    /** Whether this address is this server's own (or has no origin at all: data: and blob: addresses). */
    static boolean ours(String url, URI origin) {
        if (url.startsWith("data:") || url.startsWith("blob:")) {
            return true;
        }
        URI u = URI.create(url);
        return u.getHost() != null && u.getHost().equals(origin.getHost()) && u.getPort() == origin.getPort()
                && List.of("http", "ws").contains(u.getScheme());
    }

    /** A page of the browser itself (chrome://new-tab-page...), which no page of ours opened. */
    static boolean browserOwn(String documentUrl) {
        return documentUrl.matches("^(chrome|chrome-untrusted|chrome-extension|devtools|about):.*");
    }

    @Test
    void theRecorderWouldCatchAnotherSite() {
        assertThat(browserOwn("chrome://new-tab-page-third-party/")).isTrue();
        assertThat(browserOwn("http://127.0.0.1:8080/j/ABCDEF")).isFalse();
        URI origin = URI.create("http://127.0.0.1:8080");
        assertThat(ours("http://127.0.0.1:8080/app/base.css", origin)).isTrue();
        assertThat(ours("ws://127.0.0.1:8080/ws", origin)).isTrue();
        assertThat(ours("https://fonts.googleapis.com/css2?family=Inter", origin)).isFalse();
        assertThat(ours("http://127.0.0.1:9090/x.js", origin)).isFalse();
        assertThat(ours("http://localhost:8080/x.js", origin)).isFalse();
    }

    private void visit(WebDriver b, String path, Set<String> requested) {
        b.get(base + path);
        new WebDriverWait(b, WAIT).until(d -> !d.findElements(By.cssSelector("main, [role=main]")).isEmpty()
                && Boolean.TRUE.equals(js(d, "return document.readyState === 'complete'")));
        settle(b, requested);
    }

    /** Waits for the page's late requests (modules, API calls, the socket), then drains the log. */
    private static void settle(WebDriver b, Set<String> requested) {
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LogEntry entry : b.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                String method = message.path("method").asText();
                JsonNode params = message.path("params");
                if (method.equals("Network.requestWillBeSent") && browserOwn(params.path("documentURL").asText())) {
                    continue; // the browser's own pages (its first new tab page), not ours
                }
                if (method.equals("Network.requestWillBeSent")) {
                    requested.add(params.path("request").path("url").asText());
                } else if (method.equals("Network.webSocketCreated")) {
                    requested.add(params.path("url").asText());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
