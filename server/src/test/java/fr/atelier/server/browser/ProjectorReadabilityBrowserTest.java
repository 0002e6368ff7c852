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
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15, item 5: a projector readable at 10 m. Each format's projector, in its busiest states,
 * with a 24-character nickname: at 1920 × 1080 no visible text is below 28 px; at 1280 × 720
 * nothing overflows sideways (no horizontal scroll, no element wider than its box); the 2 × 2 matrix
 * keeps its extreme points (1, 1) and (5, 5) inside the plot. Screenshots of both sizes.
 */
class ProjectorReadabilityBrowserTest extends BrowserTestBase {
    static final String LONG_NAME = "Marie-Antoinette Dubois-";
    static final String LONG_WORD = "Anticonstitutionnellemen";
    static final int MIN_PX = 28;

    /** Every visible text node whose computed font size is below the minimum: "size px: text (selector)". */
    static final String SMALL_TEXT = """
            const min = arguments[0];
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode;
              const text = node.textContent.trim();
              if (!text) continue;
              const el = node.parentElement;
              if (!el || el.closest('.visually-hidden, .skip-link, noscript, script, style, template')) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
              if (!rects.length) continue;
              const style = getComputedStyle(el);
              if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
              const size = parseFloat(style.fontSize);
              if (size < min - 0.05) {
                const path = [];
                for (let e = el; e && e !== document.body && path.length < 3; e = e.parentElement) {
                  path.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
                }
                out.push(size.toFixed(1) + ' px: ' + text.slice(0, 40) + ' (' + path.join(' > ') + ')');
              }
            }
            return [...new Set(out)];
            """;

    /** Horizontal overflow: the page scrolls sideways, or an element's content is wider than its box. */
    static final String OVERFLOW = """
            const out = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) out.push('page: ' + root.scrollWidth + ' > ' + root.clientWidth);
            for (const el of document.querySelectorAll('main *, header *')) {
              const style = getComputedStyle(el);
              if (style.display === 'inline' || el.closest('.visually-hidden, svg')) continue;
              if (style.textOverflow === 'ellipsis') continue;
              if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
                out.push(el.tagName.toLowerCase() + '.' + String(el.className).trim().split(/\\s+/).join('.') + ': ' + el.scrollWidth + ' > ' + el.clientWidth
                  + ' «' + el.textContent.trim().slice(0, 30) + '»');
              }
              const r = el.getBoundingClientRect();
              if (r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1)) {
                out.push(el.tagName.toLowerCase() + '.' + String(el.className).trim().split(/\\s+/).join('.') + ' outside the screen: ' + Math.round(r.left) + '…' + Math.round(r.right));
              }
            }
            return [...new Set(out)].slice(0, 20);
            """;

    private final List<String> problems = new ArrayList<>();

    /** Checks one state at both sizes, with a screenshot of each. */
    private void check(WebDriver screen, String name) {
        screen.manage().window().setSize(new Dimension(1920, 1080));
        waitLayout(screen, 1920);
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js(screen, SMALL_TEXT, MIN_PX);
        small.forEach(s -> problems.add(name + " @1920: " + s));
        shot(screen, "readable-" + name + "-1920");
        screen.manage().window().setSize(new Dimension(1280, 720));
        waitLayout(screen, 1280);
        @SuppressWarnings("unchecked")
        List<String> over = (List<String>) js(screen, OVERFLOW);
        over.forEach(s -> problems.add(name + " @1280: " + s));
        shot(screen, "readable-" + name + "-1280");
        screen.manage().window().setSize(new Dimension(1920, 1080));
        waitLayout(screen, 1920);
    }

    private static void waitLayout(WebDriver b, int width) {
        new WebDriverWait(b, WAIT).until(d -> ((Number) js(d, "return window.innerWidth")).intValue() == width);
        js(b, "return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");
        // Reveal animations finish within half a second.
        js(b, "return new Promise((r) => setTimeout(r, 700))");
    }

    private static JsonNode ok(WsClient c, JsonNode command) {
        JsonNode answer = c.command(command);
        assertThat(answer.path("type").asText()).as("%s → %s", command, answer).isEqualTo("ack");
        return answer;
    }

    private static List<WsClient> phones(Http http, String code, int n) {
        List<WsClient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String nickname = i == 0 ? LONG_NAME : i == 1 ? LONG_WORD : "Participant " + (i + 1);
            JsonNode joined = http.join(code, nickname);
            WsClient phone = node.connect();
            phone.hello(code, "participant", joined.get("rejoinToken").asText());
            out.add(phone);
        }
        return out;
    }

    private WebDriver screen(String code, Predicate<WebDriver> ready) {
        WebDriver screen = projector();
        screen.get(base + "/s/" + code + "/screen");
        new WebDriverWait(screen, WAIT).until(ready::test);
        return screen;
    }

    private static boolean has(WebDriver b, String testId) {
        return !b.findElements(testId(testId)).isEmpty();
    }

    @Test
    void everyProjectorIsReadableAtTenMetresAndFitsA720pScreen() {
        Http http = node.http();
        poll(http);
        prioritisation(http);
        assertThat(problems).as("readability problems").isEmpty();
    }

    private void poll(Http http) {
        JsonNode created = http.createSession("poll", "Forum des métiers — Lycée Rotrou de Dreux, salle polyvalente");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        List<WsClient> phones = phones(http, code, 40);
        WebDriver screen = screen(code, d -> "40".equals(d.findElement(testId("participant-count")).getAttribute("data-count")));
        check(screen, "lobby");

        ok(console, cmd("session.start"));
        ObjectNode ask = cmd("poll.ask").put("text", "Parmi ces métiers du soin et de l’accompagnement, lequel aimeriez-vous découvrir pendant un stage ?")
                .put("seconds", 600).put("correct", 2);
        ask.putArray("options").add("Aide-soignant ou aide-soignante en EHPAD").add("Auxiliaire de vie sociale à domicile")
                .add("Éducateur ou éducatrice de jeunes enfants").add("Infirmier ou infirmière de bloc opératoire")
                .add("Ambulancier ou ambulancière").add("Accompagnant éducatif et social (AES)")
                .add("Moniteur-éducateur ou monitrice-éducatrice").add("Je ne sais pas encore, je veux en parler");
        ok(console, ask);
        JsonNode question = console.awaitView(v -> v.path("activity").path("question").has("id"));
        String qid = question.path("activity").path("question").path("id").asText();
        for (int i = 0; i < phones.size(); i++) {
            ok(phones.get(i), cmd("poll.answer").put("questionId", qid).put("option", i % 8));
        }
        new WebDriverWait(screen, WAIT).until(d -> has(d, "screen-option-7")
                && "40".equals(d.findElement(testId("answered-count")).getAttribute("data-answered")));
        check(screen, "poll-question");
        ok(console, cmd("poll.reveal").put("questionId", qid));
        new WebDriverWait(screen, WAIT).until(d -> has(d, "reveal-bar-7"));
        check(screen, "poll-revealed");
        console.close();
        phones.forEach(WsClient::close);
    }

    private void prioritisation(Http http) {
        Http.Response project = http.post("/api/projects",
                "{\"sector\":\"Aide à domicile et services à la personne\",\"territory\":\"Dreux et ses environs\",\"targetPublic\":\"Jeunes de 16 à 25 ans\"}");
        String projectId = project.json().get("projectId").asText();
        String key = project.json().get("projectKey").asText();
        JsonNode created = http.createSession("prioritisation", "Dessine-moi le travail — aide à domicile");
        String code = created.get("code").asText();
        WsClient console = node.connect();
        console.hello(code, "facilitator", created.get("hostToken").asText());
        ObjectNode use = cmd("prioritisation.useProject").put("projectKey", key).put("tag", "s1ab");
        use.set("project", http.get("/api/projects/" + projectId, key).json().get("project"));
        ok(console, use);
        List<WsClient> phones = phones(http, code, 8);
        ok(console, cmd("session.start"));
        String[] categories = {"conditions", "communication", "recruitment", "valorisation", "other"};
        String[] kinds = {"difficulty", "experience", "representation", "proposal"};
        String[] texts = {"Les horaires du week-end font peur aux jeunes qui ont des activités sportives",
            "Personne ne m’a parlé de ce métier au collège ni au lycée", "Nous n’arrivons pas à recruter pour le samedi matin",
            "Un métier mal payé et peu reconnu", LONG_WORD + LONG_WORD, "Faire découvrir le métier par des stages courts"};
        for (int i = 0; i < phones.size(); i++) {
            WsClient p = phones.get(i);
            ok(p, cmd("prioritisation.setProfile").put("profile", i % 2 == 0 ? "young" : "employer"));
            for (int j = 0; j < 3; j++) {
                int k = i * 3 + j;
                ok(p, cmd("prioritisation.contribute").put("text", texts[k % texts.length] + (k >= texts.length ? " (" + k + ")" : ""))
                        .put("kind", kinds[k % kinds.length]).put("category", categories[k % categories.length]));
            }
        }
        WebDriver screen = screen(code, d -> has(d, "prio-wall") && "24".equals(d.findElement(testId("prio-wall")).getAttribute("data-total")));
        check(screen, "prio-wall");

        ok(console, cmd("prioritisation.setStage").put("stage", "SYNTHESIS"));
        ok(console, cmd("prioritisation.propose").put("text", "Organiser un job dating le samedi matin avec les employeurs du territoire"));
        ok(console, cmd("prioritisation.propose").put("text", "Témoignages de professionnels dans les collèges"));
        ok(console, cmd("prioritisation.propose").put("text", "Stages courts de découverte"));
        ok(console, cmd("prioritisation.settings").put("budget", 5).put("maxPerProposal", 3).put("ratings", true));
        ok(console, cmd("prioritisation.setStage").put("stage", "VOTE"));
        JsonNode vote = console.awaitView(v -> v.path("activity").path("vote").path("proposals").size() == 3);
        List<String> ids = new ArrayList<>();
        vote.path("activity").path("vote").path("proposals").forEach(p -> ids.add(p.path("id").asText()));
        for (WsClient p : phones) {
            ok(p, cmd("prioritisation.vote").put("proposalId", ids.get(0)).put("dots", 3));
            ok(p, cmd("prioritisation.vote").put("proposalId", ids.get(1)).put("dots", 2));
            // The extremes of both scales: (1, 1) and (5, 5), and one in the middle.
            ok(p, cmd("prioritisation.rate").put("proposalId", ids.get(0)).put("impact", 5).put("feasibility", 5));
            ok(p, cmd("prioritisation.rate").put("proposalId", ids.get(1)).put("impact", 1).put("feasibility", 1));
            ok(p, cmd("prioritisation.rate").put("proposalId", ids.get(2)).put("impact", 3).put("feasibility", 4));
        }
        new WebDriverWait(screen, WAIT).until(d -> has(d, "prio-voters") && d.findElement(testId("prio-voters")).getText().startsWith("8"));
        check(screen, "prio-vote");
        ok(console, cmd("prioritisation.reveal"));
        new WebDriverWait(screen, WAIT).until(d -> d.findElements(testId("prio-matrix-dot")).size() == 3);
        check(screen, "prio-results");
        for (int width : new int[] {1920, 1280}) {
            screen.manage().window().setSize(new Dimension(width, width == 1920 ? 1080 : 720));
            waitLayout(screen, width);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> outside = (List<Map<String, Object>>) js(screen, """
                    const plot = document.querySelector('.prio-screen .prio-matrix').getBoundingClientRect();
                    return [...document.querySelectorAll('.prio-screen [data-testid="prio-matrix-dot"]')]
                      .map((d) => ({ dot: d.textContent.trim(), r: d.getBoundingClientRect() }))
                      .filter(({ r }) => r.left < plot.left - 0.5 || r.right > plot.right + 0.5 || r.top < plot.top - 0.5 || r.bottom > plot.bottom + 0.5)
                      .map(({ dot, r }) => ({ dot, left: r.left - plot.left, right: plot.right - r.right, top: r.top - plot.top, bottom: plot.bottom - r.bottom }));
                    """);
            outside.forEach(o -> problems.add("prio-matrix @" + width + ": dot " + o + " outside the plot"));
        }
        console.close();
        phones.forEach(WsClient::close);
    }
}
